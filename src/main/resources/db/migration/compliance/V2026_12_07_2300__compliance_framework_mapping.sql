-- Each clause mapped to the ISO/IEC 27001:2022 Annex A controls and the GDPR / ePrivacy Directive
-- articles it serves: a starting point for the organisation to review, editable by ADMIN and SECURITY.
-- The Annex A catalogue (93 controls, in the standard's order) is what the Statement of
-- Applicability lists; a clause may only name a control of it. Articles are kept as typed
-- ("GDPR Art. 32(1)(c)", "ePrivacy Art. 5(3)"). The current mapping only: each change is an event in
-- the audit trail, which keeps what it was before.
create table compliance_annex_control (
    id varchar(8) primary key,
    sort_order integer not null,
    title varchar(200) not null
);

create table compliance_clause_annex (
    clause_id varchar(8) not null references compliance_clause (id),
    control_id varchar(8) not null references compliance_annex_control (id),
    primary key (clause_id, control_id)
);

create table compliance_clause_article (
    clause_id varchar(8) not null references compliance_clause (id),
    article varchar(40) not null,
    primary key (clause_id, article)
);

insert into compliance_annex_control (id, sort_order, title) values ('A.5.1', 1, 'Policies for information security');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.2', 2, 'Information security roles and responsibilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.3', 3, 'Segregation of duties');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.4', 4, 'Management responsibilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.5', 5, 'Contact with authorities');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.6', 6, 'Contact with special interest groups');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.7', 7, 'Threat intelligence');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.8', 8, 'Information security in project management');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.9', 9, 'Inventory of information and other associated assets');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.10', 10, 'Acceptable use of information and other associated assets');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.11', 11, 'Return of assets');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.12', 12, 'Classification of information');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.13', 13, 'Labelling of information');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.14', 14, 'Information transfer');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.15', 15, 'Access control');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.16', 16, 'Identity management');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.17', 17, 'Authentication information');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.18', 18, 'Access rights');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.19', 19, 'Information security in supplier relationships');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.20', 20, 'Addressing information security within supplier agreements');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.21', 21, 'Managing information security in the ICT supply chain');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.22', 22, 'Monitoring, review and change management of supplier services');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.23', 23, 'Information security for use of cloud services');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.24', 24, 'Information security incident management planning and preparation');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.25', 25, 'Assessment and decision on information security events');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.26', 26, 'Response to information security incidents');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.27', 27, 'Learning from information security incidents');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.28', 28, 'Collection of evidence');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.29', 29, 'Information security during disruption');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.30', 30, 'ICT readiness for business continuity');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.31', 31, 'Legal, statutory, regulatory and contractual requirements');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.32', 32, 'Intellectual property rights');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.33', 33, 'Protection of records');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.34', 34, 'Privacy and protection of PII');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.35', 35, 'Independent review of information security');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.36', 36, 'Compliance with policies, rules and standards for information security');
insert into compliance_annex_control (id, sort_order, title) values ('A.5.37', 37, 'Documented operating procedures');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.1', 38, 'Screening');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.2', 39, 'Terms and conditions of employment');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.3', 40, 'Information security awareness, education and training');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.4', 41, 'Disciplinary process');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.5', 42, 'Responsibilities after termination or change of employment');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.6', 43, 'Confidentiality or non-disclosure agreements');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.7', 44, 'Remote working');
insert into compliance_annex_control (id, sort_order, title) values ('A.6.8', 45, 'Information security event reporting');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.1', 46, 'Physical security perimeters');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.2', 47, 'Physical entry');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.3', 48, 'Securing offices, rooms and facilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.4', 49, 'Physical security monitoring');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.5', 50, 'Protecting against physical and environmental threats');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.6', 51, 'Working in secure areas');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.7', 52, 'Clear desk and clear screen');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.8', 53, 'Equipment siting and protection');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.9', 54, 'Security of assets off-premises');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.10', 55, 'Storage media');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.11', 56, 'Supporting utilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.12', 57, 'Cabling security');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.13', 58, 'Equipment maintenance');
insert into compliance_annex_control (id, sort_order, title) values ('A.7.14', 59, 'Secure disposal or re-use of equipment');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.1', 60, 'User endpoint devices');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.2', 61, 'Privileged access rights');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.3', 62, 'Information access restriction');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.4', 63, 'Access to source code');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.5', 64, 'Secure authentication');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.6', 65, 'Capacity management');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.7', 66, 'Protection against malware');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.8', 67, 'Management of technical vulnerabilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.9', 68, 'Configuration management');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.10', 69, 'Information deletion');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.11', 70, 'Data masking');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.12', 71, 'Data leakage prevention');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.13', 72, 'Information backup');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.14', 73, 'Redundancy of information processing facilities');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.15', 74, 'Logging');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.16', 75, 'Monitoring activities');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.17', 76, 'Clock synchronization');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.18', 77, 'Use of privileged utility programs');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.19', 78, 'Installation of software on operational systems');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.20', 79, 'Networks security');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.21', 80, 'Security of network services');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.22', 81, 'Segregation of networks');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.23', 82, 'Web filtering');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.24', 83, 'Use of cryptography');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.25', 84, 'Secure development life cycle');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.26', 85, 'Application security requirements');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.27', 86, 'Secure system architecture and engineering principles');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.28', 87, 'Secure coding');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.29', 88, 'Security testing in development and acceptance');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.30', 89, 'Outsourced development');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.31', 90, 'Separation of development, test and production environments');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.32', 91, 'Change management');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.33', 92, 'Test information');
insert into compliance_annex_control (id, sort_order, title) values ('A.8.34', 93, 'Protection of information systems during audit testing');

insert into compliance_clause_annex (clause_id, control_id) values ('S1', 'A.5.1');
insert into compliance_clause_annex (clause_id, control_id) values ('S1', 'A.6.3');
insert into compliance_clause_article (clause_id, article) values ('S1', 'GDPR Art. 24');
insert into compliance_clause_article (clause_id, article) values ('S1', 'GDPR Art. 32(4)');
insert into compliance_clause_annex (clause_id, control_id) values ('S2', 'A.7.2');
insert into compliance_clause_annex (clause_id, control_id) values ('S2', 'A.7.3');
insert into compliance_clause_annex (clause_id, control_id) values ('S2', 'A.6.8');
insert into compliance_clause_article (clause_id, article) values ('S2', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('S3', 'A.7.2');
insert into compliance_clause_article (clause_id, article) values ('S3', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('S4', 'A.7.7');
insert into compliance_clause_article (clause_id, article) values ('S4', 'GDPR Art. 5(1)(f)');
insert into compliance_clause_article (clause_id, article) values ('S4', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('S5', 'A.7.7');
insert into compliance_clause_annex (clause_id, control_id) values ('S5', 'A.8.1');
insert into compliance_clause_article (clause_id, article) values ('S5', 'GDPR Art. 5(1)(f)');
insert into compliance_clause_article (clause_id, article) values ('S5', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('S6', 'A.5.10');
insert into compliance_clause_annex (clause_id, control_id) values ('S6', 'A.8.1');
insert into compliance_clause_annex (clause_id, control_id) values ('S6', 'A.8.9');
insert into compliance_clause_annex (clause_id, control_id) values ('S6', 'A.8.19');
insert into compliance_clause_article (clause_id, article) values ('S6', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('S7', 'A.5.23');
insert into compliance_clause_annex (clause_id, control_id) values ('S7', 'A.6.7');
insert into compliance_clause_annex (clause_id, control_id) values ('S7', 'A.7.10');
insert into compliance_clause_annex (clause_id, control_id) values ('S7', 'A.8.12');
insert into compliance_clause_annex (clause_id, control_id) values ('S7', 'A.8.13');
insert into compliance_clause_article (clause_id, article) values ('S7', 'GDPR Art. 5(1)(f)');
insert into compliance_clause_article (clause_id, article) values ('S7', 'GDPR Art. 32(1)(c)');
insert into compliance_clause_annex (clause_id, control_id) values ('S8', 'A.5.1');
insert into compliance_clause_annex (clause_id, control_id) values ('S8', 'A.5.10');
insert into compliance_clause_annex (clause_id, control_id) values ('S8', 'A.5.36');
insert into compliance_clause_article (clause_id, article) values ('S8', 'GDPR Art. 24');
insert into compliance_clause_article (clause_id, article) values ('S8', 'GDPR Art. 32');
insert into compliance_clause_annex (clause_id, control_id) values ('C1', 'A.5.31');
insert into compliance_clause_annex (clause_id, control_id) values ('C1', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C1', 'ePrivacy Art. 5(3)');
insert into compliance_clause_article (clause_id, article) values ('C1', 'GDPR Art. 6(1)(a)');
insert into compliance_clause_article (clause_id, article) values ('C1', 'GDPR Art. 7');
insert into compliance_clause_article (clause_id, article) values ('C1', 'GDPR Art. 13');
insert into compliance_clause_annex (clause_id, control_id) values ('C2', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C2', 'GDPR Art. 12');
insert into compliance_clause_article (clause_id, article) values ('C2', 'GDPR Art. 13(1)(a)');
insert into compliance_clause_annex (clause_id, control_id) values ('C3', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C3', 'ePrivacy Art. 5(3)');
insert into compliance_clause_article (clause_id, article) values ('C3', 'GDPR Art. 12');
insert into compliance_clause_article (clause_id, article) values ('C3', 'GDPR Art. 13');
insert into compliance_clause_annex (clause_id, control_id) values ('C4', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C4', 'ePrivacy Art. 5(3)');
insert into compliance_clause_article (clause_id, article) values ('C4', 'GDPR Art. 12');
insert into compliance_clause_article (clause_id, article) values ('C4', 'GDPR Art. 13');
insert into compliance_clause_annex (clause_id, control_id) values ('C5', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C5', 'ePrivacy Art. 5(3)');
insert into compliance_clause_article (clause_id, article) values ('C5', 'GDPR Art. 6(1)(a)');
insert into compliance_clause_article (clause_id, article) values ('C5', 'GDPR Art. 7');
insert into compliance_clause_article (clause_id, article) values ('C5', 'GDPR Art. 25');
insert into compliance_clause_annex (clause_id, control_id) values ('C6', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C6', 'GDPR Art. 5(1)(a)');
insert into compliance_clause_article (clause_id, article) values ('C6', 'GDPR Art. 12');
insert into compliance_clause_annex (clause_id, control_id) values ('C7', 'A.5.31');
insert into compliance_clause_annex (clause_id, control_id) values ('C7', 'A.5.34');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 7(3)');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 12');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 15');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 16');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 17');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 18');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 20');
insert into compliance_clause_article (clause_id, article) values ('C7', 'GDPR Art. 21');
