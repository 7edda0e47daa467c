-- Live chat is its own category (GDPR Art. 4(11): consent is specific): the shipped WeGroup catalogue
-- filed Tawk.to under analytics, so accepting analytics loaded the chat. Only where the site still has
-- the entry as shipped (Tawk.to under analytics, its name, provider and French description unchanged)
-- and no category "chat" yet: a site's own choices stay. The draft changes, the published versions do
-- not: the banner keeps the published version until the privacy team publishes the next one.
insert into consent_category (id, site_id, category_key, position, necessary, refuse_on_gpc, gcm_types,
  name_fr, name_nl, name_en, description_fr, description_nl, description_en)
select cast('6c1f0e2a-9d4b-4c7e-8a15-3f2b7d9e0c41' as uuid), s.id, 'chat', 15, false, false, '',
  'Cookies de live chat', 'Livechatcookies', 'Live chat cookies',
  'Ces cookies servent au live chat avec notre équipe de support (Tawk.to).',
  'Deze cookies dienen voor de livechat met ons supportteam (Tawk.to).',
  'These cookies are used for the live chat with our support team (Tawk.to).'
from consent_site s
where s.site_key = 'wegroup-be'
  and not exists (select 1 from consent_category c where c.site_id = s.id and c.category_key = 'chat')
  and exists (select 1 from consent_service sv where sv.site_id = s.id and sv.service_key = 'tawk-to'
    and sv.category_key = 'analytics' and sv.name = 'Tawk.to' and sv.provider = 'tawk.to'
    and sv.description_fr = 'Dans sa plateforme, WeGroup utilise Tawk.to pour prévoir un live chat avec l’équipe de support. Le chat reconnaît les visiteurs d’une visite à l’autre ; il n’est chargé qu’avec votre accord.');

update consent_service set category_key = 'chat'
where service_key = 'tawk-to' and category_key = 'analytics' and name = 'Tawk.to' and provider = 'tawk.to'
  and description_fr = 'Dans sa plateforme, WeGroup utilise Tawk.to pour prévoir un live chat avec l’équipe de support. Le chat reconnaît les visiteurs d’une visite à l’autre ; il n’est chargé qu’avec votre accord.'
  and site_id in (select c.site_id from consent_category c join consent_site s on s.id = c.site_id
    where s.site_key = 'wegroup-be' and c.category_key = 'chat');

-- The first layer names the new purpose, where its text is still the shipped one.
update consent_banner_text set text = 'Nous utilisons des cookies strictement nécessaires au fonctionnement du site. Avec votre accord, nous utilisons aussi des cookies analytiques, pour comprendre comment le site est utilisé, des cookies de live chat, pour discuter avec notre équipe de support, et des cookies de tracking, pour une publicité ciblée. Ces cookies contiennent un identifiant de votre navigateur : ce sont des données à caractère personnel. Vous pouvez tout accepter, tout refuser ou choisir par catégorie, et changer d’avis à tout moment.'
where language = 'fr' and text_key = 'body' and text = 'Nous utilisons des cookies strictement nécessaires au fonctionnement du site. Avec votre accord, nous utilisons aussi des cookies analytiques, pour comprendre comment le site est utilisé, et des cookies de tracking, pour une publicité ciblée. Ces cookies contiennent un identifiant de votre navigateur : ce sont des données à caractère personnel. Vous pouvez tout accepter, tout refuser ou choisir par catégorie, et changer d’avis à tout moment.'
  and site_id in (select c.site_id from consent_category c join consent_site s on s.id = c.site_id
    where s.site_key = 'wegroup-be' and c.category_key = 'chat');
update consent_banner_text set text = 'We gebruiken strikt noodzakelijke cookies om de website te laten werken. Met uw toestemming gebruiken we ook analytische cookies, om te begrijpen hoe de website gebruikt wordt, livechatcookies, om met ons supportteam te chatten, en trackingcookies, voor gerichte reclame. Die cookies bevatten een identificatiecode van uw browser: het zijn persoonsgegevens. U kunt alles aanvaarden, alles weigeren of per categorie kiezen, en uw keuze op elk moment wijzigen.'
where language = 'nl' and text_key = 'body' and text = 'We gebruiken strikt noodzakelijke cookies om de website te laten werken. Met uw toestemming gebruiken we ook analytische cookies, om te begrijpen hoe de website gebruikt wordt, en trackingcookies, voor gerichte reclame. Die cookies bevatten een identificatiecode van uw browser: het zijn persoonsgegevens. U kunt alles aanvaarden, alles weigeren of per categorie kiezen, en uw keuze op elk moment wijzigen.'
  and site_id in (select c.site_id from consent_category c join consent_site s on s.id = c.site_id
    where s.site_key = 'wegroup-be' and c.category_key = 'chat');
update consent_banner_text set text = 'We use strictly necessary cookies to make the site work. With your consent we also use analytics cookies, to understand how the site is used, live chat cookies, to chat with our support team, and tracking cookies, for targeted advertising. These cookies hold an identifier of your browser: they are personal data. You can accept all, refuse all or choose per category, and change your mind at any time.'
where language = 'en' and text_key = 'body' and text = 'We use strictly necessary cookies to make the site work. With your consent we also use analytics cookies, to understand how the site is used, and tracking cookies, for targeted advertising. These cookies hold an identifier of your browser: they are personal data. You can accept all, refuse all or choose per category, and change your mind at any time.'
  and site_id in (select c.site_id from consent_category c join consent_site s on s.id = c.site_id
    where s.site_key = 'wegroup-be' and c.category_key = 'chat');
