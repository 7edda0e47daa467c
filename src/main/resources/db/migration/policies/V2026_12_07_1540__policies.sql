-- Policy documents, their versions in Markdown, and every acknowledgement of a version. A version
-- is immutable once published; acknowledgements stay recorded against the version they were given
-- for. The person is never deleted (the directory anonymises), so acknowledgements keep their key.
create table policy_document (
    id varchar(64) primary key,
    title varchar(200) not null,
    scope varchar(32) not null,
    created_at timestamp with time zone not null
);

create table policy_version (
    document_id varchar(64) not null references policy_document (id),
    number integer not null,
    markdown varchar(200000) not null,
    sha256 varchar(64) not null,
    status varchar(16) not null,
    created_at timestamp with time zone not null,
    created_by varchar(100) not null,
    published_at timestamp with time zone,
    published_by varchar(100),
    primary key (document_id, number)
);

create table policy_acknowledgement (
    id uuid primary key,
    document_id varchar(64) not null,
    version integer not null,
    person_id uuid not null references person (id),
    text_sha256 varchar(64) not null,
    acknowledged_at timestamp with time zone not null,
    foreign key (document_id, version) references policy_version (document_id, number)
);

-- One acknowledgement per person and version: a double submit finds the first one.
create unique index policy_acknowledgement_once on policy_acknowledgement (document_id, version, person_id);
create index policy_acknowledgement_person on policy_acknowledgement (person_id);

-- Shipped by default: the organisation's "2.1 Work Behaviors", verbatim, clauses S1-S8 marked.
insert into policy_document (id, title, scope, created_at)
values ('work-behaviors', 'Information security policy - Work behaviors', 'ALL_ACTIVE', timestamp with time zone '2026-12-07 15:40:00+00');

insert into policy_version (document_id, number, markdown, sha256, status, created_at, created_by, published_at, published_by)
values ('work-behaviors', 1, '# 2.1. Work Behaviors

The first line of defense in data security is the informed behavior of personnel, who play a significant role in ensuring the security of all data, regardless of format. Such behaviors include those listed in this section as well as any additional requirements specified in the employee handbook, specific security processes, and other applicable codes of conduct.

<section id="clause-S1">

All employees and contractors must attend the WeGroup security training program, offered at least twice annually, to inform all users of the requirements of this Policy.

</section>

<section id="clause-S2">
<span id="clause-S3"></span>

## Unrecognized Persons and Visitors

It is the responsibility of all personnel to take positive action to maintain physical security. Challenge any unrecognized person present in a restricted office location. Any challenged person who does not respond appropriately should be immediately reported to supervisory staff and the security team. All visitors to WeGroup offices must be registered as such or accompanied by a WeGroup employee.

</section>

<section id="clause-S4">

## Clean Desk

Personnel should maintain workspaces clear of sensitive or confidential material and take care to clear workspaces of such material at the end of each workday.

</section>

<section id="clause-S5">

## Unattended Devices

Unattended devices must be locked. All devices will have an automatic screen lock function set to automatically activate upon no more than fifteen minutes of inactivity.

</section>

<section id="clause-S6">

## Use of Corporate Assets

Systems are to be used for business purposes in serving the interests of the company, and of our clients and partners in the course of normal business operations. Personnel are responsible for exercising good judgment regarding the reasonableness of personal use of systems. Only WeGroup-managed hardware and software is permitted to be connected to or installed on corporate equipment or networks and used to access WeGroup data. WeGroup-managed hardware and software includes those either owned by WeGroup or owned by WeGroup personnel but enrolled in a WeGroup device management system. Only software that has been approved for corporate use by WeGroup may be installed on corporate equipment. All personnel must read and understand the list of prohibited activities outlined in this Policy. Modifications or configuration changes are not permitted without explicit written consent by the WeGroup security team.

</section>

<section id="clause-S7">

## Removable Storage, No Backups, Use of Cloud Storage

Use of removable media such as USB drives is prohibited. Personnel may not configure work devices to make backups or copies of data outside corporate policies. Instead, personnel are expected to operate primarily “in the cloud” and treat local storage on computing devices as ephemeral. WeGroup data must be saved to company-approved secure cloud storage (e.g. Google Docs) to ensure that even in the event of a corporate device being lost, stolen, or damaged, such artifacts will be immediately recoverable on a replacement device.

</section>

<section id="clause-S8">

## Prohibited Activities

The following activities are prohibited. Under certain conditions and with the explicit written consent of the security team, personnel may be exempted from certain of these restrictions during the course of their legitimate job responsibilities (e.g. planned penetration testing, systems administration staff may have a need to disable the network access of a host if that host is disrupting production services).

The list below is by no means exhaustive, but attempts to provide a framework for activities which fall into the category of unacceptable use.

- Under no circumstances are personnel of WeGroup authorized to engage in any activity that is illegal under local, state, federal or international law while utilizing WeGroup-owned resources.
- Violations of the rights of any person or company protected by copyright, trade secret, patent or other intellectual property, or similar laws or regulations including, but not limited to, the installation or distribution of "pirated" or other software products that are not appropriately licensed for use by WeGroup.
- Violating or attempting to violate the terms of use or license agreement of any software product used by WeGroup is strictly prohibited.
- Unauthorized copying of copyrighted material including, but not limited to, digitization and distribution of photographs from magazines, books or other copyrighted sources, copyrighted music, and the installation of any copyrighted software for which WeGroup or the end user does not have an active license is strictly prohibited.
- Exporting software, technical information, encryption software or technology may result in a violation of international or regional export control laws. The appropriate management should be consulted prior to export of any material that is in question.
- Revealing your account password to others or allowing use of your account by others. This includes colleagues, as well as family and other household members when work is being done at home.
- Making fraudulent offers of products, items, or services originating from any WeGroup account.
- Making statements about warranty, expressly or implied, unless it is a part of normal job duties and then only to the extent the warranties are consistent with WeGroup’s authorized warranties.
- Introduction of malicious programs into the network or server (e.g., viruses, worms, Trojan horses, e-mail bombs, etc.).
- Effecting security breaches or disruptions of network communication. Security breaches include, but are not limited to, accessing data of which the employee is not an intended recipient or logging into a server or account that the employee is not expressly authorized to access. For purposes of this section, "disruption" includes, but is not limited to, network sniffing, ping floods, packet spoofing, denial of service, and forged routing information for malicious or unlawful purposes.
- Except by or under the direct supervision of the security team, port scanning or security scanning, or other such software designed to exploit or find computer, software, or network vulnerabilities.
- Executing any form of network monitoring which will intercept data not intended for the employee’s host, unless this activity is a part of the employee’s normal job/duty.
- Circumventing user authentication or security of any host, network or account or attempting to break into an information resource or to bypass a security feature. This includes running password-cracking programs or sniffer programs, and attempting to circumvent file or other resource permissions.
- Attempting to interfere with or deny service to any other user.
- Providing information about, or lists of, WeGroup personnel to parties outside WeGroup.
- Installation of software which installs or includes any form of malware, spyware, or adware as defined by the security team.
- Crashing an information system. Deliberately crashing an information system is strictly prohibited. Users may not realize that they caused a system crash, but if it is shown that the crash occurred as a result of user action, a repetition of the action by that user may be viewed as a deliberate act.
- Attempts to subvert technologies used to effect system configuration of company-managed devices (e.g. MDM) or personal devices voluntarily used for company purposes (e.g. mobile Work Profiles).
</section>
', '4595b556722def270fc5262d6dcd8880f8234a28804d35b42b05262aab2522a1', 'PUBLISHED', timestamp with time zone '2026-12-07 15:40:00+00', 'system',
        timestamp with time zone '2026-12-07 15:40:00+00', 'system');
