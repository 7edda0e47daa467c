-- The declaration published Google's 1 minute for _gat_gtag_UA_123265168_1 where the organisation's
-- policy (table 4.3) says 1 day – 2 years for Google Analytics' cookies: a fact the organisation did
-- not give. Where the entry is still as shipped, it takes the organisation's range; Google's figure
-- goes into the note, an open question for the admin. The draft changes; the privacy team publishes.
update consent_cookie set retention_days = 730, retention_text_fr = '1 jour – 2 ans',
  retention_text_nl = '1 dag – 2 jaar', retention_text_en = '1 day – 2 years',
  note = 'The seed gives 1 day – 2 years for Google Analytics’ cookies; Google documents 1 minute for this one (not published: the organisation did not say so). Universal Analytics (UA-…) stopped processing data in July 2023: if the site uses Google Analytics 4, this cookie is gone. Confirm with a scan.'
where name = '_gat_gtag_UA_123265168_1' and retention_days = 0 and to_be_confirmed = true
  and retention_text_fr = '1 minute' and retention_text_nl = '1 minuut' and retention_text_en = '1 minute'
  and service_id in (select sv.id from consent_service sv join consent_site s on s.id = sv.site_id
    where s.site_key = 'wegroup-be' and sv.service_key = 'google-analytics');
