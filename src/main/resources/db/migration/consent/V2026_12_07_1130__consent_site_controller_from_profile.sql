-- The organisation profile names the controller everywhere: a site's own controller fields go.
-- A site's privacy-policy address was the declaration's link where the profile gave none: it moves
-- to the profile when the profile has none (the first site's, by key), so no published link is lost.
-- Published versions keep their JSON as frozen; reading it ignores these fields.
update organisation_profile set privacy_policy_url = (
    select min(s.privacy_policy_url) from consent_site s
    where s.privacy_policy_url is not null and s.privacy_policy_url <> ''
      and s.site_key = (select min(t.site_key) from consent_site t
                        where t.privacy_policy_url is not null and t.privacy_policy_url <> ''))
where id = 1 and (privacy_policy_url is null or privacy_policy_url = '')
  and exists (select 1 from consent_site s where s.privacy_policy_url is not null and s.privacy_policy_url <> '');

alter table consent_site drop column controller_name;
alter table consent_site drop column controller_number;
alter table consent_site drop column controller_address;
alter table consent_site drop column controller_email;
alter table consent_site drop column privacy_policy_url;
