-- Issue 11, "the declaration must be true and complete".

-- Public websites: the websites the declaration names. The allowed origins stay a technical list
-- (CORS, consent log) that may hold staging or test addresses and never reach the legal text.
alter table consent_site add column public_websites varchar(2000);         -- one per line
update consent_site set public_websites = 'https://www.wegroup.be' where site_key = 'wegroup-be';

-- Who confirmed an entry that was to be confirmed (an admin, or the scanner), and when. The
-- audit trail has the event too; these keep the answer next to the entry.
alter table consent_cookie add column confirmed_by varchar(200);
alter table consent_cookie add column confirmed_at timestamp(6) with time zone;

-- The shipped WeGroup catalogue (only where the entries are still as shipped; the draft changes, the
-- published versions do not: the privacy team publishes when it agrees).
-- LogRocket's prefixes are not named by the seed: to be confirmed.
update consent_cookie set to_be_confirmed = true, note = 'The seed names no LogRocket cookie: the name (a prefix) is from LogRocket’s documentation (docs.logrocket.com, ‘Cookies’), the retention of 30 days is the seed’s (LogRocket states none). Confirm with a scan.'
where service_id = (select sv.id from consent_service sv join consent_site s on s.id = sv.site_id where s.site_key = 'wegroup-be' and sv.service_key = 'logrocket') and name in ('_lr_hb_*', '_lr_tabs_*') and to_be_confirmed = false and retention_days = 30;

-- GA4's _ga_<container-id>, as a pattern, so that the banner deletes it on withdrawal.
insert into consent_cookie (id, service_id, name, is_pattern, domain, third_party, retention_days,
  purpose_fr, purpose_nl, purpose_en, to_be_confirmed, note)
select '0b6f7c2e-5a1d-4f0e-9c3b-7d2e8a4f1c60', sv.id, '_ga_*', true, null, false, 730, 'Conserve l’état de la session de Google Analytics 4 (un cookie par propriété, nommé _ga_ suivi de l’identifiant du conteneur).', 'Bewaart de sessiestatus van Google Analytics 4 (één cookie per property, genaamd _ga_ gevolgd door de container-ID).', 'Keeps the Google Analytics 4 session state (one cookie per property, named _ga_ followed by the container id).', true, 'Not in the seed: Google Analytics 4 sets _ga_<container-id> (2 years, Google’s documentation). Declared as a pattern so that the banner deletes it on withdrawal; confirm with a scan that the site uses GA4 and its container id.'
from consent_service sv join consent_site s on s.id = sv.site_id
where s.site_key = 'wegroup-be' and sv.service_key = 'google-analytics'
  and not exists (select 1 from consent_cookie c where c.service_id = sv.id and c.name = '_ga_*');

-- _ga and _gid once, under Google Analytics: the Tawk.to copies with 180 days go (if unedited).
delete from consent_cookie where service_id = (select sv.id from consent_service sv join consent_site s on s.id = sv.site_id where s.site_key = 'wegroup-be' and sv.service_key = 'tawk-to') and name in ('_ga', '_gid') and retention_days = 180;
update consent_cookie set note = 'The seed lists _ga under Tawk.to with 180 days and under Google Analytics (table 4.3: 1 day - 2 years); Google documents 2 years. Declared once, here. The seed also lists ‘collect’: that is the request the Google Analytics tag sends (to /collect), not a cookie, so it is not declared as one.' where service_id = (select sv.id from consent_service sv join consent_site s on s.id = sv.site_id where s.site_key = 'wegroup-be' and sv.service_key = 'google-analytics') and name = '_ga' and note = 'The seed also lists ‘collect’: that is the request the Google Analytics tag sends (to /collect), not a cookie, so it is not declared as one.';
update consent_cookie set note = 'The seed lists _gid under Tawk.to with 180 days and under Google Analytics; Google documents 24 hours. Declared once, here.' where service_id = (select sv.id from consent_service sv join consent_site s on s.id = sv.site_id where s.site_key = 'wegroup-be' and sv.service_key = 'google-analytics') and name = '_gid' and note is null;

-- Texts at the point of choice: the shipped wording is replaced only where it is still the shipped
-- wording (a text equal to it was not edited); a site's own texts stay as they are.
update consent_category set description_fr = 'Ces cookies attribuent à votre navigateur un identifiant, qui est une donnée à caractère personnel, et enregistrent avec lui la manière dont vous visitez le site web, en vue d’améliorer le site web et l’expérience utilisateur, mais aussi de vous montrer une publicité ciblée, sur ce site et ailleurs.'
where category_key = 'tracking' and description_fr = 'Ces cookies enregistrent des informations analytiques (anonymes) sur la manière dont vous visitez le site web, en vue d’améliorer le site web et l’expérience utilisateur, mais aussi de pouvoir faire de la publicité de manière plus ciblée.'
  and site_id in (select id from consent_site where site_key = 'wegroup-be');
update consent_category set description_nl = 'Deze cookies geven uw browser een identificatiecode, die een persoonsgegeven is, en registreren daarmee hoe u de website bezoekt, om de website en de gebruikerservaring te verbeteren, maar ook om u gerichte reclame te tonen, op deze website en elders.'
where category_key = 'tracking' and description_nl = 'Deze cookies registreren (anonieme) analytische informatie over hoe u de website bezoekt, om de website en de gebruikerservaring te verbeteren, maar ook om gerichter te kunnen adverteren.'
  and site_id in (select id from consent_site where site_key = 'wegroup-be');
update consent_category set description_en = 'These cookies give your browser an identifier, which is personal data, and record with it how you visit the website, to improve the website and the user experience, and also to show you targeted advertising, on this site and elsewhere.'
where category_key = 'tracking' and description_en = 'These cookies record (anonymous) analytical information about how you visit the website, to improve the website and the user experience, and also to make advertising more targeted.'
  and site_id in (select id from consent_site where site_key = 'wegroup-be');
update consent_banner_text set text = 'Votre navigateur envoie le signal Global Privacy Control : nous avons donc refusé pour vous les cookies analytiques et de tracking. Vous pouvez les autoriser vous-même dans les paramètres.'
where language = 'fr' and text_key = 'gpcNotice' and text = 'Votre navigateur envoie le signal Global Privacy Control : les cookies de tracking sont refusés.';
update consent_banner_text set text = 'Uw browser stuurt het Global Privacy Control-signaal: daarom hebben we de analytische cookies en trackingcookies voor u geweigerd. U kunt ze zelf toestaan in de instellingen.'
where language = 'nl' and text_key = 'gpcNotice' and text = 'Uw browser stuurt het Global Privacy Control-signaal: trackingcookies worden geweigerd.';
update consent_banner_text set text = 'Your browser sends the Global Privacy Control signal, so we refused analytics and tracking cookies for you. You can allow them yourself in the settings.'
where language = 'en' and text_key = 'gpcNotice' and text = 'Your browser sends the Global Privacy Control signal: tracking cookies are refused.';
update consent_banner_text set text = 'Nous utilisons des cookies strictement nécessaires au fonctionnement du site. Avec votre accord, nous utilisons aussi des cookies analytiques, pour comprendre comment le site est utilisé, et des cookies de tracking, pour une publicité ciblée. Ces cookies contiennent un identifiant de votre navigateur : ce sont des données à caractère personnel. Vous pouvez tout accepter, tout refuser ou choisir par catégorie, et changer d’avis à tout moment.'
where language = 'fr' and text_key = 'body' and text = 'Nous utilisons des cookies strictement nécessaires au fonctionnement du site. Avec votre accord, nous utilisons aussi des cookies analytiques, pour comprendre comment le site est utilisé, et des cookies de tracking, pour une publicité plus ciblée. Vous pouvez tout accepter, tout refuser ou choisir par catégorie, et changer d’avis à tout moment.';
update consent_banner_text set text = 'We gebruiken strikt noodzakelijke cookies om de website te laten werken. Met uw toestemming gebruiken we ook analytische cookies, om te begrijpen hoe de website gebruikt wordt, en trackingcookies, voor gerichte reclame. Die cookies bevatten een identificatiecode van uw browser: het zijn persoonsgegevens. U kunt alles aanvaarden, alles weigeren of per categorie kiezen, en uw keuze op elk moment wijzigen.'
where language = 'nl' and text_key = 'body' and text = 'We gebruiken strikt noodzakelijke cookies om de website te laten werken. Met uw toestemming gebruiken we ook analytische cookies, om te begrijpen hoe de website gebruikt wordt, en trackingcookies, voor gerichtere reclame. U kunt alles aanvaarden, alles weigeren of per categorie kiezen, en uw keuze op elk moment wijzigen.';
update consent_banner_text set text = 'We use strictly necessary cookies to make the site work. With your consent we also use analytics cookies, to understand how the site is used, and tracking cookies, for targeted advertising. These cookies hold an identifier of your browser: they are personal data. You can accept all, refuse all or choose per category, and change your mind at any time.'
where language = 'en' and text_key = 'body' and text = 'We use strictly necessary cookies to make the site work. With your consent we also use analytics cookies, to understand how the site is used, and tracking cookies, for more targeted advertising. You can accept all, refuse all or choose per category, and change your mind at any time.';

-- Sites that kept Charter's default GPC notice get the new default (it names what was refused).
update consent_banner_text set text = 'Your browser sends the Global Privacy Control signal, so we refused for you every cookie that is not strictly necessary, analytics and tracking included. You can allow them yourself in the settings.'
where language = 'en' and text_key = 'gpcNotice' and text = 'Your browser sends the Global Privacy Control signal: cookies used for tracking are refused.';
update consent_banner_text set text = 'Votre navigateur envoie le signal Global Privacy Control : nous avons donc refusé pour vous tous les cookies qui ne sont pas strictement nécessaires, y compris les cookies analytiques et de tracking. Vous pouvez les autoriser vous-même dans les paramètres.'
where language = 'fr' and text_key = 'gpcNotice' and text = 'Votre navigateur envoie le signal Global Privacy Control : les cookies de suivi sont refusés.';
update consent_banner_text set text = 'Uw browser stuurt het Global Privacy Control-signaal: daarom hebben we voor u alle cookies geweigerd die niet strikt noodzakelijk zijn, ook analytische cookies en trackingcookies. U kunt ze zelf toestaan in de instellingen.'
where language = 'nl' and text_key = 'gpcNotice' and text = 'Uw browser stuurt het Global Privacy Control-signaal: cookies om u te volgen worden geweigerd.';
