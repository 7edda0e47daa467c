-- The banner's "my cookie data" link (settings layer, to the request form) is a banner text like the
-- others. Sites created before it get the default wording, so their drafts stay publishable; until
-- they publish again, the banner uses the same default.
insert into consent_banner_text (site_id, language, text_key, text)
select s.id, l.language, 'myCookieData', l.text
from consent_site s
cross join (select 'fr' as language, 'Mes données de cookies' as text
            union all select 'nl', 'Mijn cookiegegevens'
            union all select 'en', 'My cookie data') l
where not exists (select 1 from consent_banner_text t
                  where t.site_id = s.id and t.language = l.language and t.text_key = 'myCookieData');
