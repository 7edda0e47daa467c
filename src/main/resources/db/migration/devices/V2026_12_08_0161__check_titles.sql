-- SECURITY may give a check its own title per language, versioned like the rest of the check; null
-- keeps the title shipped with Charter (the message bundles).
alter table device_check add column title_en varchar(200);
alter table device_check add column title_fr varchar(200);
alter table device_check add column title_nl varchar(200);
alter table device_check_version add column title_en varchar(200);
alter table device_check_version add column title_fr varchar(200);
alter table device_check_version add column title_nl varchar(200);
