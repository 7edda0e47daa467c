-- The policy's clauses as data: each clause keeps every version of its words and of the controls it
-- is mapped to, so an edit never rewrites what an auditor saw. Shipped with the seed's own words:
-- S1-S8 of "2.1 Work Behaviors" and C1-C7 of the cookie policy (its sections 1 to 7, in French as
-- published). A control is named by its id (shared.control.Control.id), never by a foreign key:
-- the modules that report them own no row here.
create table compliance_clause (
    id varchar(8) primary key,
    document varchar(64) not null,
    sort_order integer not null,
    current_version integer not null,
    retired_at timestamp with time zone
);

create table compliance_clause_version (
    clause_id varchar(8) not null references compliance_clause (id),
    version integer not null,
    title varchar(200) not null,
    wording varchar(20000) not null,
    kind varchar(16) not null,
    changed_at timestamp with time zone not null,
    changed_by varchar(100) not null,
    primary key (clause_id, version)
);

create table compliance_clause_control (
    clause_id varchar(8) not null,
    version integer not null,
    control_id varchar(100) not null,
    primary key (clause_id, version, control_id),
    foreign key (clause_id, version) references compliance_clause_version (clause_id, version)
);

insert into compliance_clause (id, document, sort_order, current_version) values ('S1', 'work-behaviors', 1, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S1', 1, 'Security training', 'All employees and contractors must attend the WeGroup security training program, offered at least twice annually, to inform all users of the requirements of this Policy.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('S1', 1, 'training-sessions-scheduled');
insert into compliance_clause_control (clause_id, version, control_id) values ('S1', 1, 'training-12-months');
insert into compliance_clause (id, document, sort_order, current_version) values ('S2', 'work-behaviors', 2, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S2', 1, 'Unrecognized persons', 'It is the responsibility of all personnel to take positive action to maintain physical security. Challenge any unrecognized person present in a restricted office location. Any challenged person who does not respond appropriately should be immediately reported to supervisory staff and the security team.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('S3', 'work-behaviors', 3, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S3', 1, 'Visitors', 'All visitors to WeGroup offices must be registered as such or accompanied by a WeGroup employee.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('S4', 'work-behaviors', 4, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S4', 1, 'Clean desk', 'Personnel should maintain workspaces clear of sensitive or confidential material and take care to clear workspaces of such material at the end of each workday.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('S5', 'work-behaviors', 5, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S5', 1, 'Unattended devices', 'Unattended devices must be locked. All devices will have an automatic screen lock function set to automatically activate upon no more than fifteen minutes of inactivity.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('S5', 1, 'device-screen-lock');
insert into compliance_clause (id, document, sort_order, current_version) values ('S6', 'work-behaviors', 6, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S6', 1, 'Use of corporate assets', 'Systems are to be used for business purposes in serving the interests of the company, and of our clients and partners in the course of normal business operations. Personnel are responsible for exercising good judgment regarding the reasonableness of personal use of systems. Only WeGroup-managed hardware and software is permitted to be connected to or installed on corporate equipment or networks and used to access WeGroup data. WeGroup-managed hardware and software includes those either owned by WeGroup or owned by WeGroup personnel but enrolled in a WeGroup device management system. Only software that has been approved for corporate use by WeGroup may be installed on corporate equipment. All personnel must read and understand the list of prohibited activities outlined in this Policy. Modifications or configuration changes are not permitted without explicit written consent by the WeGroup security team.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('S6', 1, 'policy-acknowledged-work-behaviors');
insert into compliance_clause (id, document, sort_order, current_version) values ('S7', 'work-behaviors', 7, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S7', 1, 'Removable storage, no backups, use of cloud storage', 'Use of removable media such as USB drives is prohibited. Personnel may not configure work devices to make backups or copies of data outside corporate policies. Instead, personnel are expected to operate primarily “in the cloud” and treat local storage on computing devices as ephemeral. WeGroup data must be saved to company-approved secure cloud storage (e.g. Google Docs) to ensure that even in the event of a corporate device being lost, stolen, or damaged, such artifacts will be immediately recoverable on a replacement device.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('S8', 'work-behaviors', 8, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('S8', 1, 'Prohibited activities', 'The following activities are prohibited. Under certain conditions and with the explicit written consent of the security team, personnel may be exempted from certain of these restrictions during the course of their legitimate job responsibilities (e.g. planned penetration testing, systems administration staff may have a need to disable the network access of a host if that host is disrupting production services).', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('C1', 'cookie-policy', 9, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C1', 1, '1. Introduction', 'Le site web https://www.wegroup.be  (« notre site web ») utilise des cookies et des technologies similaires pour vous distinguer des autres utilisateurs. L’utilisation de cookies nous permet de vous offrir une meilleure expérience et d’améliorer notre site Internet en comprenant mieux la façon dont vous l’utilisez. Dans la mesure où ces cookies ne sont pas strictement nécessaires pour l’offre de notre site web et de nos services, nous vous demanderons de donner votre autorisation à l’utilisation de cookies lors de votre première visite de notre site.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C1', 1, 'consent-rate');
insert into compliance_clause (id, document, sort_order, current_version) values ('C2', 'cookie-policy', 10, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C2', 1, '2. Coordonnées', 'Notre site web et nos services sont proposés et gérés par WeGroup SA. Nous sommes enregistrés en Belgique sous le numéro d’enregistrement 0680.957.816 et notre siège social est Ottergemsesteenweg-Zuid 808 Bus 372 à Gand.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause (id, document, sort_order, current_version) values ('C3', 'cookie-policy', 11, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C3', 1, '3. Types de cookies', 'Notre site web peut placer certains cookies de première partie sur votre ordinateur ou appareil et y avoir accès. Les cookies de première partie sont des cookies que nous plaçons directement et nous sommes les seuls à les utiliser. Nous utilisons des cookies pour faciliter et améliorer votre expérience de notre site web et pour fournir et améliorer nos services. Nous avons soigneusement choisi ces cookies et avons pris des mesures pour veiller à ce que votre vie privée et vos données à caractère personnel soient à tout moment protégées et respectées. En utilisant notre site web, vous pouvez également recevoir certains cookies de tiers sur votre ordinateur ou appareil (Cookies de tierce partie). Les cookies de tierce partie sont des cookies placés par des sites web, des services et/ou d’autres parties que nous. Pour plus de détails, voir section 4.2.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C3', 1, 'consent-declaration-published');
insert into compliance_clause (id, document, sort_order, current_version) values ('C4', 'cookie-policy', 12, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C4', 1, '4. Quels cookies utilise notre site Internet ?', 'Les cookies de première partie suivants peuvent être placés sur votre ordinateur ou appareil :', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C4', 1, 'consent-declaration-published');
insert into compliance_clause (id, document, sort_order, current_version) values ('C5', 'cookie-policy', 13, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C5', 1, '5. Autorisation et maintien du contrôle', 'Avant que ces cookies ne soient placés sur votre ordinateur ou appareil, vous voyez apparaître un pop-up ou une bannière qui demande votre autorisation pour paramétrer ces cookies. En autorisant le placement de cookies, vous nous permettez de vous offrir la meilleure expérience et le meilleur service possible. Si vous le souhaitez, vous pouvez refuser le placement de cookies, à moins que ces cookies ne soient strictement nécessaires. Il se peut toutefois que certaines fonctions de notre site Internet ne fonctionnent pas entièrement ou pas correctement. Vous avez la possibilité d’autoriser et/ou de refuser différentes catégories de cookies que nous utilisons.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C5', 1, 'consent-declaration-published');
insert into compliance_clause (id, document, sort_order, current_version) values ('C6', 'cookie-policy', 14, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C6', 1, '6. Modifications', 'Nous pouvons modifier cette Déclaration relative aux cookies à tout moment. Dans ce cas, les détails des modifications sont expliqués en haut de cette page. Il vous est donc conseillé de contrôler cette page de temps à autre. Encas de contradiction entre la version actuelle de cette Déclaration relative aux cookies et une ou plusieurs versions antérieures de cette Déclaration relative aux cookies, les dispositions actuelles et en vigueur prévaudront, sauf mention contraire expresse.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C6', 1, 'consent-declaration-current');
insert into compliance_clause (id, document, sort_order, current_version) values ('C7', 'cookie-policy', 15, 1);
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
values ('C7', 1, '7. Vos droits', 'Vos principaux droits en vertu du RGPD sont :
a.    le droit de consultation ;
b.    le droit de rectification ;
c.     le droit à l’effacement (l’oubli) ;
d.    le droit de limiter le traitement ;
e.    le droit de s''opposer au traitement ;
f.     le droit à la portabilité des données ;
g.    le droit de porter plainte auprès d''une autorité de contrôle ;et
h.    le droit de retirer votre consentement.', 'ADDED', timestamp with time zone '2026-12-07 19:30:00+00', 'system');
insert into compliance_clause_control (clause_id, version, control_id) values ('C7', 1, 'rights-requests-on-time');
