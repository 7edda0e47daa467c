-- The organisation profile (the controller in GDPR terms): one row. Shipped with what the
-- customer's cookie policy says about WeGroup and nothing more: fields it does not give stay null
-- and are open questions to the admin until filled or confirmed.
create table organisation_profile (
    id int primary key check (id = 1),
    name varchar(200) not null,
    legal_form_fr varchar(50),
    legal_form_nl varchar(50),
    legal_form_en varchar(50),
    company_number varchar(10),
    street varchar(200),
    box varchar(20),
    postcode varchar(10),
    city_fr varchar(100),
    city_nl varchar(100),
    city_en varchar(100),
    contact_email varchar(320),
    contact_form_url varchar(500),
    privacy_policy_url varchar(500),
    dpo_contact varchar(320),
    sender_name varchar(200),
    sender_email varchar(320),
    authority_name_fr varchar(200),
    authority_name_nl varchar(200),
    authority_name_en varchar(200),
    authority_address_fr varchar(300),
    authority_address_nl varchar(300),
    authority_address_en varchar(300),
    authority_url_fr varchar(500),
    authority_url_nl varchar(500),
    authority_url_en varchar(500),
    updated_by varchar(100),
    updated_at timestamp with time zone
);

-- The contact section's address ("Ottergemsesteenweg-Zuid 808 Bus 372 à Gand", no postcode);
-- "SA" and "société anonyme" are the policy's own, "NV" is the same form in Dutch (Code des
-- sociétés et des associations). The English legal form is left to the admin.
insert into organisation_profile (id, name, legal_form_fr, legal_form_nl, company_number, street, box,
    city_fr, city_nl, city_en, contact_email,
    authority_name_fr, authority_name_nl, authority_name_en,
    authority_address_fr, authority_address_nl, authority_address_en,
    authority_url_fr, authority_url_nl, authority_url_en)
values (1, 'WeGroup', 'SA', 'NV', '0680957816', 'Ottergemsesteenweg-Zuid 808', '372',
    'Gand', 'Gent', 'Ghent', 'hello@wegroup.be',
    'Autorité de protection des données', 'Gegevensbeschermingsautoriteit', 'Data Protection Authority',
    'Rue de la Presse 35, 1000 Bruxelles', 'Drukpersstraat 35, 1000 Brussel', 'Rue de la Presse 35, 1000 Brussels',
    'https://www.autoriteprotectiondonnees.be', 'https://www.gegevensbeschermingsautoriteit.be',
    'https://www.autoriteprotectiondonnees.be');

-- Questions to the admin: the seeded ones carry what the seed says besides the shipped value; an
-- empty field is a question of its own without a row, until the admin confirms it stays empty.
create table organisation_question (
    question varchar(40) primary key,
    note varchar(500),
    answered_by varchar(100),
    answered_at timestamp with time zone
);

insert into organisation_question (question, note)
values ('registered-address', 'Bomastraat 12a, 9000 Gand');
