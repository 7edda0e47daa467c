-- The benchmark's site: one published declaration version (the snapshot is what Charter's JSON
-- of a Declaration looks like), allowed from https://www.bench.test. Runs on PostgreSQL and H2.
-- The controller is the organisation profile's, not the site's (the site's own fields are gone).
insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
  refusal_lifetime_days, wait_for_update_ms, created_at)
values ('b0000000-0000-4000-8000-000000000001', 'bench', 'Bench', 'https://www.bench.test', 'fr,nl,en', 'fr', 180, 90,
  500, timestamp with time zone '2026-11-26 00:00:00+00');
insert into declaration_version (id, site_id, version, published_at, published_by, material, material_version, summary_fr, summary_nl,
  summary_en, snapshot, snapshot_hash)
values ('b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001', 1,
  timestamp with time zone '2026-11-26 00:00:00+00', 'bench', true, 1, 'v1', 'v1', 'v1',
  '{"siteKey":"bench","version":1,"publishedAt":"2026-11-26T00:00:00Z","material":true,"materialVersion":1,"site":{"name":"Bench","origins":["https://www.bench.test"],"languages":["fr","nl","en"],"defaultLanguage":"fr","consentLifetimeDays":180,"refusalLifetimeDays":90,"waitForUpdateMs":500,"publicWebsites":["https://www.bench.test"]},"categories":[{"key":"necessary","necessary":true,"refuseOnGpc":false,"gcmTypes":[],"name":{"en":"Necessary"},"description":{"en":"Necessary"}},{"key":"analytics","necessary":false,"refuseOnGpc":false,"gcmTypes":["analytics_storage"],"name":{"en":"Analytics"},"description":{"en":"Analytics"}},{"key":"tracking","necessary":false,"refuseOnGpc":true,"gcmTypes":["ad_storage"],"name":{"en":"Tracking"},"description":{"en":"Tracking"}}],"services":[],"bannerTexts":{"en":{"title":"Cookies"}},"summary":{"en":"v1"}}',
  'bench');
