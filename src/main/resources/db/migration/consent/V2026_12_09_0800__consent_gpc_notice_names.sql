-- The GPC notice names the categories Global Privacy Control refused ({categories}, filled in by the
-- banner from the catalogue's "refused under GPC" setting) instead of saying "analytics and tracking"
-- whatever the setting. Texts still as Charter shipped them (the defaults, the WeGroup seed) take the
-- new wording; a text someone wrote stays as written.
update consent_banner_text set text = 'Votre navigateur envoie le signal Global Privacy Control. Nous avons donc refusé pour vous : {categories}.'
where language = 'fr' and text_key = 'gpcNotice' and text = 'Votre navigateur envoie le signal Global Privacy Control : nous avons donc refusé pour vous les cookies analytiques et de tracking.';
update consent_banner_text set text = 'Uw browser stuurt het Global Privacy Control-signaal. Daarom hebben we voor u geweigerd: {categories}.'
where language = 'nl' and text_key = 'gpcNotice' and text = 'Uw browser stuurt het Global Privacy Control-signaal: daarom hebben we analytische cookies en trackingcookies voor u geweigerd.';
update consent_banner_text set text = 'Your browser sends the Global Privacy Control signal, so we refused these cookies for you: {categories}.'
where language = 'en' and text_key = 'gpcNotice' and text = 'Your browser sends the Global Privacy Control signal, so we refused analytics and tracking cookies for you.';
