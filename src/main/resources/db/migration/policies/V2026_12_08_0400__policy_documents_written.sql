-- Documents written in the console: a title per language (title stays the English one), the clauses
-- the document serves (comma-separated ids; null for the shipped document, whose text marks them),
-- whether people must acknowledge it (a duty) and when it was retired (no longer a duty; its
-- versions and acknowledgements are kept).
alter table policy_document add column title_fr varchar(200);
alter table policy_document add column title_nl varchar(200);
alter table policy_document add column clauses varchar(200);
alter table policy_document add column acknowledgement_required boolean default true not null;
alter table policy_document add column retired_at timestamp with time zone;

-- The shipped document's title in the two other languages, as its reminders and lists now show it.
update policy_document set title_fr = 'Politique de sécurité de l''information - Comportements au travail',
    title_nl = 'Informatiebeveiligingsbeleid - Gedrag op het werk'
where id = 'work-behaviors' and title_fr is null;
