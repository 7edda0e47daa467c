-- Clause S8 was shipped with the first paragraph of "Prohibited Activities" only: without "The list
-- below is by no means exhaustive" and without the list itself, so the clause table showed a
-- narrower rule than the customer's policy. A new version with the policy's full text, the way an
-- edit on the compliance page records one (version 1 stays for what an auditor saw before, the
-- controls mapped to it are carried over); only where nobody has changed S8 since it was shipped.
insert into compliance_clause_version (clause_id, version, title, wording, kind, changed_at, changed_by)
select 'S8', 2, 'Prohibited activities', 'The following activities are prohibited. Under certain conditions and with the explicit written consent of the security team, personnel may be exempted from certain of these restrictions during the course of their legitimate job responsibilities (e.g. planned penetration testing, systems administration staff may have a need to disable the network access of a host if that host is disrupting production services).

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
- Attempts to subvert technologies used to effect system configuration of company-managed devices (e.g. MDM) or personal devices voluntarily used for company purposes (e.g. mobile Work Profiles).', 'REWORDED', timestamp with time zone '2026-12-09 13:10:00+00', 'system'
from compliance_clause where id = 'S8' and current_version = 1 and retired_at is null;

insert into compliance_clause_control (clause_id, version, control_id)
select clause_id, 2, control_id from compliance_clause_control
where clause_id = 'S8' and version = 1
  and exists (select 1 from compliance_clause_version where clause_id = 'S8' and version = 2);

update compliance_clause set current_version = 2
where id = 'S8' and current_version = 1
  and exists (select 1 from compliance_clause_version where clause_id = 'S8' and version = 2);
