\set v random(1, 2000000000)
insert into bench_consent (id, site_id, visitor_id, version, method, choices, language, page_url, source_hash, browser, recorded_at)
values (gen_random_uuid(), 'b0000000-0000-4000-8000-000000000001', 'pgbench' || :v || 'xxxxxxxxxxxx', 1, 'ACCEPT_ALL',
  'analytics=1,tracking=1', 'fr', 'https://www.bench.test/fr/page',
  '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0', 'Firefox 132', now());
