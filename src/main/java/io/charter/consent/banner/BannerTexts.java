package io.charter.consent.banner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.charter.consent.Declaration;

/**
 * The texts the banner shows, by key. A published declaration carries its own texts per language
 * ({@link Declaration#bannerTexts()}); any key it lacks falls back to these defaults, so a site
 * always gets a complete banner. {@code {category}} is replaced by a category's name.
 */
final class BannerTexts {

	/**
	 * Every key the banner uses. The catalogue's banner texts use the same names (CatalogueRules);
	 * {@code settingsDescription} and {@code gpcRefused} are not edited there yet and come from here.
	 * {@code myCookieData} labels the settings layer's link to Charter's request form; {@code receipt}
	 * ({@code {id}}, {@code {date}}), {@code receiptLink} and {@code receiptPending} show the consent
	 * log's receipt of the choice in force there. {@code placeholder} names {@code {category}} (its purpose
	 * follows it), {@code placeholderButton} {@code {service}}: the embed's service, else its category.
	 */
	static final List<String> KEYS = List.of("title", "body", "declarationLink", "acceptAll", "refuseAll",
			"customise", "settings", "settingsDescription", "save", "close", "alwaysOn", "services", "gpcNotice",
			"gpcRefused", "placeholder", "placeholderButton", "myCookieData", "receipt", "receiptLink", "receiptPending");

	private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
			"en", texts(
					"We use cookies",
					"Some cookies are needed for this site to work. With your permission we also use others, for example to measure visits. You can accept or refuse them, all or by category, and change your mind at any time.",
					"Cookie declaration",
					"Accept all", "Refuse all", "Customise",
					"Cookie settings",
					"Choose which categories of cookies you allow. Strictly necessary cookies are always on.",
					"Save my choices", "Close", "Always on", "Services and cookies",
					"Your browser sends a Global Privacy Control signal: we refused the cookies that track you or share your data.",
					"Refused because of your browser's Global Privacy Control signal.",
					"This content needs cookies of the category \u201c{category}\u201d, used for:",
					"Allow \u201c{service}\u201d and show",
					"My cookie data",
					"Consent {id}, {date}.", "Read the record", "Not in our consent log yet: it will be sent again."),
			"fr", texts(
					"Nous utilisons des cookies",
					"Certains cookies sont nécessaires au fonctionnement de ce site. Avec votre accord, nous en utilisons d'autres, par exemple pour mesurer les visites. Vous pouvez les accepter ou les refuser, tous ou par catégorie, et changer d'avis à tout moment.",
					"Déclaration relative aux cookies",
					"Tout accepter", "Tout refuser", "Personnaliser",
					"Paramètres des cookies",
					"Choisissez les catégories de cookies que vous autorisez. Les cookies strictement nécessaires sont toujours actifs.",
					"Enregistrer mes choix", "Fermer", "Toujours actifs", "Services et cookies",
					"Votre navigateur envoie un signal Global Privacy Control : nous avons refusé les cookies qui vous suivent ou partagent vos données.",
					"Refusé en raison du signal Global Privacy Control de votre navigateur.",
					"Ce contenu nécessite des cookies de la catégorie « {category} », utilisés pour :",
					"Autoriser « {service} » et afficher",
					"Mes données de cookies",
					"Consentement {id} du {date}.", "Lire l'enregistrement",
					"Pas encore dans notre registre des consentements : il sera renvoyé."),
			"nl", texts(
					"Wij gebruiken cookies",
					"Sommige cookies zijn nodig om deze site te laten werken. Met uw toestemming gebruiken we ook andere, bijvoorbeeld om bezoeken te meten. U kunt ze aanvaarden of weigeren, allemaal of per categorie, en op elk moment van gedachten veranderen.",
					"Cookieverklaring",
					"Alles aanvaarden", "Alles weigeren", "Aanpassen",
					"Cookie-instellingen",
					"Kies welke categorieën cookies u toestaat. Strikt noodzakelijke cookies staan altijd aan.",
					"Mijn keuzes bewaren", "Sluiten", "Altijd actief", "Diensten en cookies",
					"Uw browser stuurt een Global Privacy Control-signaal: we hebben de cookies geweigerd die u volgen of uw gegevens delen.",
					"Geweigerd vanwege het Global Privacy Control-signaal van uw browser.",
					"Deze inhoud heeft cookies nodig van de categorie \u201e{category}\u201d, gebruikt voor:",
					"\u201e{service}\u201d toestaan en tonen",
					"Mijn cookiegegevens",
					"Toestemming {id} van {date}.", "De registratie lezen",
					"Nog niet in ons toestemmingsregister: ze wordt opnieuw verstuurd."));

	private BannerTexts() {
	}

	private static Map<String, String> texts(String... values) {
		if (values.length != KEYS.size()) {
			throw new IllegalStateException("Default banner texts do not match the keys");
		}
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < KEYS.size(); i++) {
			texts.put(KEYS.get(i), values[i]);
		}
		return texts;
	}

	/** The texts of one language: the declaration's where it has them, else the defaults. */
	static Map<String, String> of(Declaration declaration, String language) {
		Map<String, String> defaults = DEFAULTS.getOrDefault(language, DEFAULTS.get("en"));
		Map<String, String> published = declaration.bannerTexts() == null ? Map.of()
				: declaration.bannerTexts().getOrDefault(language, Map.of());
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : KEYS) {
			String text = published.get(key);
			texts.put(key, text == null || text.isBlank() ? defaults.get(key) : text);
		}
		return texts;
	}
}
