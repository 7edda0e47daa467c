-- Software the policy prohibits (clause S8, prohibited activities): port and security scanners used
-- outside the security team, traffic sniffers, tools for pirated software. An installed item that
-- an entry matches is an S8 finding, whatever the approved catalogue says. SECURITY edits the list;
-- the security team's own use is an exemption (clause S8, check software:<name>).
create table prohibited_software (
    id uuid primary key,
    pattern varchar(300) not null,
    platform varchar(32),
    category varchar(16) not null,
    note varchar(500),
    created_at timestamp with time zone not null,
    created_by varchar(200) not null
);

insert into prohibited_software (id, pattern, platform, category, note, created_at, created_by) values
('00000000-0000-0000-0d5e-000000000801', 'nmap*', NULL, 'scanner', 'Nmap port scanner (Windows lists it as "Nmap 7.xx")', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000802', 'zenmap*', NULL, 'scanner', 'Zenmap, the graphical front end of Nmap', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000803', 'masscan', NULL, 'scanner', 'Masscan port scanner', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000804', 'zmap', NULL, 'scanner', 'ZMap network scanner', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000805', 'Angry IP Scanner*', NULL, 'scanner', 'Angry IP Scanner (the package is named ipscan on Linux)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000806', 'ipscan', 'linux', 'scanner', 'Angry IP Scanner''s Linux package', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000807', 'Advanced IP Scanner*', 'windows', 'scanner', 'Advanced IP Scanner', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000811', 'wireshark*', NULL, 'sniffer', 'Wireshark (also its Linux packages wireshark-qt, wireshark-common)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000812', 'tshark', NULL, 'sniffer', 'Wireshark''s command-line capture', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000813', 'tcpdump', 'linux', 'sniffer', 'tcpdump, when installed as a package (some server images ship it)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000814', 'ettercap*', NULL, 'sniffer', 'Ettercap (ettercap-common, ettercap-graphical)', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000815', 'bettercap', NULL, 'sniffer', 'Bettercap', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000816', 'dsniff', NULL, 'sniffer', 'dsniff', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000821', '*keygen*', NULL, 'piracy', 'Key generators for pirated licences', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000822', 'KMSpico*', 'windows', 'piracy', 'Unlicensed Windows and Office activator', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000823', 'KMSAuto*', 'windows', 'piracy', 'Unlicensed Windows and Office activator', current_timestamp, 'system'),
('00000000-0000-0000-0d5e-000000000824', 'Microsoft Toolkit*', 'windows', 'piracy', 'Unlicensed Windows and Office activator (not a Microsoft product)', current_timestamp, 'system');
