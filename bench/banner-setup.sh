#!/usr/bin/env bash
# Shared by bench/banner-bytes.sh and bench/banner-visible.sh (sourced, not run): starts Charter from
# the built jar on an empty embedded H2 database in a temporary folder, and publishes a banner.
#
# The site: wegroup-be when the seed ships it published, else "bench-banner", written straight into
# the database with a catalogue shaped like the seed's (three categories: necessary, analytics,
# tracking; six services; 16 cookies; texts in fr, nl and en; the one the banner's tests use).
#
# Sets CHARTER (http://localhost:<port>), SITE, VERSION, ORIGIN (http://127.0.0.1:<port>, where the
# test pages are to be served from), WORK, and stops what it started on exit.
# Needs java, curl, jq and unzip. KEEP=1 keeps the temporary folder (logs, database).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA=${JAVA:-java}
JAR=${JAR:-target/charter.jar}
for tool in "$JAVA" curl jq unzip; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 2; }
done
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_jar

WORK=$(mktemp -d "${TMPDIR:-/tmp}/charter-banner-bench.XXXXXX")
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		kill -TERM "$p" 2>/dev/null || true
		wait "$p" 2>/dev/null || true
	done
	if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

machine() {
	echo "date       $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine    $(nproc) x $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "java       $("$JAVA" -version 2>&1 | head -n 1)"
	echo "commit     $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' + uncommitted changes')"
}

CHARTER_PORT=$(free_port)
PAGE_PORT=$(free_port)
CHARTER=http://localhost:$CHARTER_PORT
ORIGIN=http://127.0.0.1:$PAGE_PORT
DB="jdbc:h2:file:$WORK/data/charter;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"

cp "$JAR" "$WORK/charter.jar"
(cd "$WORK" && CHARTER_ADMIN_EMAIL=bench-admin@example.com CHARTER_ADMIN_PASSWORD=bench-password-0123456789 \
	exec "$JAVA" -jar charter.jar --server.port="$CHARTER_PORT" --spring.datasource.url="$DB" >charter.log 2>&1) &
PIDS+=($!)
for _ in $(seq 1 360); do
	curl -fs -o /dev/null "$CHARTER/actuator/health/readiness" && break
	kill -0 "${PIDS[-1]}" 2>/dev/null || break
	sleep 0.5
done
curl -fs -o /dev/null "$CHARTER/actuator/health/readiness" || { tail -n 30 "$WORK/charter.log" >&2; exit 1; }

if curl -fs -o /dev/null "$CHARTER/c/wegroup-be/banner.js"; then
	SITE=wegroup-be
else
	SITE=bench-banner
	unzip -q -j -o "$WORK/charter.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/h2"
	snapshot=$(sed -e "s|@ORIGIN@|$ORIGIN|g" -e "s/'/''/g" <<'JSON'
{"siteKey":"bench-banner","version":1,"publishedAt":"2026-11-26T08:31:34.887720483Z","material":true,"materialVersion":1,"site":{"name":"Test site bench-banner","origins":["@ORIGIN@"],"languages":["fr","nl","en"],"defaultLanguage":"fr","consentLifetimeDays":182,"refusalLifetimeDays":90,"waitForUpdateMs":500,"controllerName":"WeGroup SA","controllerNumber":"0680.957.816","controllerAddress":"Ghent, Belgium","controllerEmail":"hello@wegroup.be","privacyPolicyUrl":null},"categories":[{"key":"necessary","necessary":true,"refuseOnGpc":false,"gcmTypes":["security_storage","functionality_storage"],"name":{"nl":"Strikt noodzakelijke cookies","fr":"Cookies strictement nécessaires","en":"Strictly necessary cookies"},"description":{"nl":"Onmisbaar om de site te laten werken: taal, cookiekeuzes.","fr":"Indispensables au fonctionnement du site : langue, choix en matière de cookies.","en":"Needed for the site to work: language, cookie choices."}},{"key":"analytics","necessary":false,"refuseOnGpc":false,"gcmTypes":["analytics_storage"],"name":{"nl":"Analytische cookies","fr":"Cookies analytiques","en":"Analytics cookies"},"description":{"nl":"Helpen ons begrijpen hoe de site gebruikt wordt, om hem te verbeteren.","fr":"Nous aident à comprendre comment le site est utilisé, pour l'améliorer.","en":"Help us understand how the site is used, to improve it."}},{"key":"tracking","necessary":false,"refuseOnGpc":true,"gcmTypes":["ad_storage","ad_user_data","ad_personalization"],"name":{"nl":"Trackingcookies","fr":"Cookies de tracking","en":"Tracking cookies"},"description":{"nl":"Registreren uw bezoek voor gerichtere reclame en de livechat.","fr":"Enregistrent votre visite pour une publicité plus ciblée et le chat en direct.","en":"Record your visit for more targeted advertising and the live chat."}}],"services":[{"key":"site","name":"Site web","provider":"WeGroup SA","category":"necessary","thirdParty":false,"privacyUrl":null,"description":{"nl":"De site zelf.","fr":"Le site lui-même.","en":"The site itself."},"cookies":[{"name":"lang","pattern":false,"domain":null,"thirdParty":false,"retentionDays":365,"retention":{"nl":"1 jaar","fr":"1 an","en":"1 year"},"purpose":{"nl":"Bewaart uw taalkeuze.","fr":"Conserve votre choix de langue.","en":"Keeps your choice of language."},"toBeConfirmed":false,"note":null},{"name":"charter_consent","pattern":false,"domain":null,"thirdParty":false,"retentionDays":182,"retention":{"nl":"6 maanden","fr":"6 mois","en":"6 months"},"purpose":{"nl":"Bewaart uw cookiekeuzes.","fr":"Conserve vos choix en matière de cookies.","en":"Keeps your cookie choices."},"toBeConfirmed":false,"note":null}]},{"key":"google-analytics","name":"Google Analytics","provider":"Google","category":"analytics","thirdParty":false,"privacyUrl":"https://policies.google.com/privacy","description":{"nl":"Meet hoeveel, wanneer en welke pagina's bezocht worden.","fr":"Mesure combien, quand et quelles pages sont visitées.","en":"Measures how many, when and which pages are visited."},"cookies":[{"name":"_ga","pattern":false,"domain":null,"thirdParty":false,"retentionDays":730,"retention":{"nl":"2 jaar","fr":"2 ans","en":"2 years"},"purpose":{"nl":"Onderscheidt bezoekers.","fr":"Distingue les visiteurs.","en":"Tells visitors apart."},"toBeConfirmed":false,"note":null},{"name":"_ga_*","pattern":true,"domain":null,"thirdParty":false,"retentionDays":730,"retention":{"nl":"2 jaar","fr":"2 ans","en":"2 years"},"purpose":{"nl":"Bewaart de sessiestatus.","fr":"Conserve l'état de la session.","en":"Keeps the session state."},"toBeConfirmed":false,"note":null},{"name":"_gid","pattern":false,"domain":null,"thirdParty":false,"retentionDays":1,"retention":{"nl":"1 dag","fr":"1 jour","en":"1 day"},"purpose":{"nl":"Onderscheidt bezoekers.","fr":"Distingue les visiteurs.","en":"Tells visitors apart."},"toBeConfirmed":false,"note":null},{"name":"_gat_gtag_UA_123265168_1","pattern":false,"domain":null,"thirdParty":false,"retentionDays":1,"retention":{"nl":"1 minuut","fr":"1 minute","en":"1 minute"},"purpose":{"nl":"Beperkt het aantal verzoeken.","fr":"Limite le nombre de requêtes.","en":"Limits the request rate."},"toBeConfirmed":false,"note":null}]},{"key":"logrocket","name":"LogRocket","provider":"LogRocket","category":"analytics","thirdParty":false,"privacyUrl":null,"description":{"nl":"Toont hoe de site gebruikt wordt om de ervaring te verbeteren.","fr":"Montre comment le site est utilisé pour améliorer l'expérience.","en":"Shows how the site is used to improve the experience."},"cookies":[{"name":"_lr_*","pattern":true,"domain":null,"thirdParty":false,"retentionDays":30,"retention":{"nl":"30 dagen","fr":"30 jours","en":"30 days"},"purpose":{"nl":"Identificeert de opgenomen sessie.","fr":"Identifie la session enregistrée.","en":"Identifies the recorded session."},"toBeConfirmed":false,"note":null}]},{"key":"tawk","name":"Tawk.to","provider":"tawk.to","category":"tracking","thirdParty":false,"privacyUrl":null,"description":{"nl":"Livechat met het supportteam.","fr":"Chat en direct avec l'équipe de support.","en":"Live chat with the support team."},"cookies":[{"name":"_tawkuuid","pattern":false,"domain":null,"thirdParty":false,"retentionDays":180,"retention":{"nl":"180 dagen","fr":"180 jours","en":"180 days"},"purpose":{"nl":"Herkent de chatbezoeker.","fr":"Reconnaît le visiteur du chat.","en":"Recognises the chat visitor."},"toBeConfirmed":false,"note":null},{"name":"TawkConnectionTime","pattern":false,"domain":null,"thirdParty":false,"retentionDays":null,"retention":{"nl":"Sessie","fr":"Session","en":"Session"},"purpose":{"nl":"Houdt de chatverbinding open.","fr":"Maintient la connexion au chat.","en":"Keeps the chat connected."},"toBeConfirmed":false,"note":null},{"name":"tawkUUID","pattern":false,"domain":null,"thirdParty":true,"retentionDays":180,"retention":{"nl":"180 dagen","fr":"180 jours","en":"180 days"},"purpose":{"nl":"Herkent de chatbezoeker.","fr":"Reconnaît le visiteur du chat.","en":"Recognises the chat visitor."},"toBeConfirmed":false,"note":null}]},{"key":"doubleclick","name":"DoubleClick","provider":"Google","category":"tracking","thirdParty":true,"privacyUrl":"https://policies.google.com/privacy","description":{"nl":"Gerichte reclame.","fr":"Publicité ciblée.","en":"Targeted advertising."},"cookies":[{"name":"IDE","pattern":false,"domain":null,"thirdParty":true,"retentionDays":390,"retention":{"nl":"13 maanden","fr":"13 mois","en":"13 months"},"purpose":{"nl":"Meet de doeltreffendheid van advertenties.","fr":"Mesure l'efficacité des publicités.","en":"Measures how well ads work."},"toBeConfirmed":false,"note":null},{"name":"test_cookie","pattern":false,"domain":null,"thirdParty":true,"retentionDays":null,"retention":{"nl":"15 minuten","fr":"15 minutes","en":"15 minutes"},"purpose":{"nl":"Controleert of cookies aanvaard worden.","fr":"Vérifie que les cookies sont acceptés.","en":"Checks that cookies are accepted."},"toBeConfirmed":false,"note":null}]},{"key":"medium","name":"Medium","provider":"A Medium Corporation","category":"tracking","thirdParty":true,"privacyUrl":null,"description":{"nl":"Delen van blogartikels.","fr":"Partage d'articles de blog.","en":"Sharing blog articles."},"cookies":[{"name":"optimizelyEndUserId","pattern":false,"domain":null,"thirdParty":true,"retentionDays":365,"retention":{"nl":"1 jaar","fr":"1 an","en":"1 year"},"purpose":{"nl":"Publieksmeting van Medium.","fr":"Mesure d'audience de Medium.","en":"Medium's audience measurement."},"toBeConfirmed":false,"note":null},{"name":"sid","pattern":false,"domain":null,"thirdParty":true,"retentionDays":365,"retention":{"nl":"1 jaar","fr":"1 an","en":"1 year"},"purpose":{"nl":"Medium-sessie.","fr":"Session Medium.","en":"Medium session."},"toBeConfirmed":false,"note":null},{"name":"uid","pattern":false,"domain":null,"thirdParty":true,"retentionDays":365,"retention":{"nl":"1 jaar","fr":"1 an","en":"1 year"},"purpose":{"nl":"Medium-identificatie.","fr":"Identifiant Medium.","en":"Medium identifier."},"toBeConfirmed":false,"note":null},{"name":"_cfruid","pattern":false,"domain":null,"thirdParty":true,"retentionDays":null,"retention":{"nl":"Sessie","fr":"Session","en":"Session"},"purpose":{"nl":"Bescherming tegen bots (Cloudflare).","fr":"Protection contre les robots (Cloudflare).","en":"Bot protection (Cloudflare)."},"toBeConfirmed":false,"note":null}]}],"bannerTexts":{"nl":{"title":"Cookies op deze site"},"fr":{"title":"Cookies sur ce site"},"en":{"title":"Cookies on this site"}},"summary":{"nl":"Versie 1","fr":"Version 1","en":"Version 1"}}
JSON
)
	cat >"$WORK/site.sql" <<SQL
insert into consent_site (id, site_key, name, origins, languages, default_language, consent_lifetime_days,
  refusal_lifetime_days, wait_for_update_ms, created_at)
values (random_uuid(), 'bench-banner', 'Benchmark site', '$ORIGIN', 'fr,nl,en', 'fr', 182, 90, 500,
  current_timestamp);
insert into declaration_version (id, site_id, version, published_at, published_by, material, material_version,
  summary_fr, summary_nl, summary_en, snapshot, snapshot_hash)
select random_uuid(), id, 1, current_timestamp, 'bench', true, 1, 'Version 1', 'Versie 1', 'Version 1', '$snapshot',
  'bench'
from consent_site where site_key = 'bench-banner';
SQL
	"$JAVA" -cp "$(ls "$WORK"/h2/h2-*.jar)" org.h2.tools.RunScript -url "$DB" -user sa -script "$WORK/site.sql"
	for _ in $(seq 1 40); do
		curl -fs -o /dev/null "$CHARTER/c/$SITE/banner.js" && break
		sleep 0.25
	done
fi
curl -fs -o /dev/null "$CHARTER/c/$SITE/banner.js" || { echo "bench: no banner for $SITE" >&2; exit 1; }
# shellcheck disable=SC2034 # read by the scripts that source this one
VERSION=$(curl -fs "$CHARTER/c/$SITE/config.json" | jq -r .version)
