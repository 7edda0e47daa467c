-- The customer's cookie policy says only "une autorité de contrôle": it names no supervisory
-- authority. The profile was shipped with the Belgian one filled in, so no public text ever fell
-- back to the right of art. 77 as such and the admin was never asked. Clear each authority field
-- that still holds exactly the shipped value (a value the admin entered is kept) and ask the admin.
update organisation_profile set authority_name_fr = null where authority_name_fr = 'Autorité de protection des données';
update organisation_profile set authority_name_nl = null where authority_name_nl = 'Gegevensbeschermingsautoriteit';
update organisation_profile set authority_name_en = null where authority_name_en = 'Data Protection Authority';
update organisation_profile set authority_address_fr = null where authority_address_fr = 'Rue de la Presse 35, 1000 Bruxelles';
update organisation_profile set authority_address_nl = null where authority_address_nl = 'Drukpersstraat 35, 1000 Brussel';
update organisation_profile set authority_address_en = null where authority_address_en = 'Rue de la Presse 35, 1000 Brussels';
update organisation_profile set authority_url_fr = null where authority_url_fr = 'https://www.autoriteprotectiondonnees.be';
update organisation_profile set authority_url_nl = null where authority_url_nl = 'https://www.gegevensbeschermingsautoriteit.be';
update organisation_profile set authority_url_en = null where authority_url_en = 'https://www.autoriteprotectiondonnees.be';

-- The question carries the usual answer for an establishment in Belgium as a hint, not as a value.
insert into organisation_question (question, note)
select 'supervisory-authority', 'APD/GBA (Autorité de protection des données / Gegevensbeschermingsautoriteit)'
from organisation_profile
where id = 1 and authority_name_fr is null and authority_name_nl is null and authority_name_en is null;

-- The policy staff acknowledge ("2.1 Work Behaviors") was given in English only; Charter translates
-- its title, never the customer's text. Staff in Flanders or Brussels may need it in Dutch or French
-- (language legislation on labour relations): the admin decides, with the organisation's own text.
insert into organisation_question (question, note)
values ('policy-language', 'Information security policy - Work behaviors');
