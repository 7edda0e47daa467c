-- A blocked embed's placeholder now names its category and its button the service (or category) it
-- allows; publishing refuses texts that do not. Texts still as Charter shipped them (the defaults and
-- the WeGroup seed said only "the cookies it uses") take the new defaults; a text someone wrote is
-- left alone, and the admin page asks for it to be fixed before the next publication.
update consent_banner_text set text = 'This content needs cookies of the category “{category}”, used for:'
where text_key = 'placeholder' and language = 'en' and text = 'This content stays blocked until you accept the cookies it uses.';
update consent_banner_text set text = 'Ce contenu nécessite des cookies de la catégorie « {category} », utilisés pour :'
where text_key = 'placeholder' and language = 'fr' and text = 'Ce contenu reste bloqué tant que vous n’avez pas accepté les cookies qu’il utilise.';
update consent_banner_text set text = 'Deze inhoud heeft cookies nodig van de categorie „{category}”, gebruikt voor:'
where text_key = 'placeholder' and language = 'nl' and text = 'Deze inhoud blijft geblokkeerd tot u de cookies aanvaardt die hij gebruikt.';
update consent_banner_text set text = 'Allow “{service}” and show'
where text_key = 'placeholderButton' and language = 'en' and text = 'Allow and show';
update consent_banner_text set text = 'Autoriser « {service} » et afficher'
where text_key = 'placeholderButton' and language = 'fr' and text = 'Autoriser et afficher';
update consent_banner_text set text = '„{service}” toestaan en tonen'
where text_key = 'placeholderButton' and language = 'nl' and text = 'Toestaan en tonen';
