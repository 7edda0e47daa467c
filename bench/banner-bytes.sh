#!/usr/bin/env bash
# Bytes over the wire to show the consent banner in one language, against two open-source banners
# packed from the npm registry in the same run. Run from anywhere; see docs/banner.md.
#
#   bench/banner-bytes.sh                  # language fr
#   LANGUAGE=en bench/banner-bytes.sh
#
# Charter: the gzip bodies Charter sends (Accept-Encoding: gzip) for what a first visit loads before
# the banner shows: /c/<site>/banner.js alone (code, the first layer's styles, boot data with the first
# layer's texts in every language of the site: the first layer is drawn from it, without waiting for
# anything else). Printed beside it, what the script fetches once the first layer is drawn, so that
# Customise opens at once: the versioned /c/<site>/v/<version>/config.<lang>.json (the second layer's
# texts, categories, services and cookies in one language), settings.js (the second layer's and the
# placeholders' code) and banner.css (the whole stylesheet). Headers are not counted, for any of them.
# (Before 2026-12-07 the first layer waited for the config, and the total was banner.js + config.)
#
# The others, measured the way the issue did: each dist file compressed with `gzip -9 < file`,
# summed: vanilla-cookieconsent 3.1.0 dist/cookieconsent.umd.js + dist/cookieconsent.css (without any
# translation or configuration, which a site adds), Klaro 0.7 dist/klaro.js (styles included; its
# translations too). Needs npm, gzip, and what bench/banner-setup.sh needs.
set -euo pipefail
LANGUAGE=${LANGUAGE:-fr}
command -v npm >/dev/null || { echo "bench: npm is needed" >&2; exit 2; }
# shellcheck source=bench/banner-setup.sh
source "$(dirname "$0")/banner-setup.sh"

gz_body() { # bytes of a response body as sent with gzip
	curl -fs -H 'Accept-Encoding: gzip' -o "$WORK/body" -D "$WORK/headers" "$1"
	grep -qi '^content-encoding: gzip' "$WORK/headers" || { echo "bench: $1 was not sent gzip" >&2; exit 1; }
	wc -c <"$WORK/body" | tr -d ' '
}
script=$(gz_body "$CHARTER/c/$SITE/banner.js")
curl -fs "$CHARTER/c/$SITE/banner.js" >"$WORK/banner.js"
build=$(grep -o '"build":"[^"]*"' "$WORK/banner.js" | cut -d'"' -f4)
# The boot data is the argument of the script's last call: its languages are those of its texts.
boot=$(sed -n 's/.*})(\(.*\));$/\1/p' "$WORK/banner.js" | tail -n 1)
# A build older than 2026-12-07 (JAR=... of an earlier commit) draws nothing before its config: both count.
waits=0
jq -e --arg l "$LANGUAGE" '.texts[$l].title' <<<"$boot" >/dev/null || waits=1
declare -A configs
for l in $(jq -r '.languages[]' <<<"$boot"); do
	configs[$l]=$(gz_body "$CHARTER/c/$SITE/v/$VERSION/config.$l.json?b=$build")
done
config=${configs[$LANGUAGE]}
if ((waits)); then
	settings=0 stylesheet=0 charter=$((script + config)) later=0
	echo "(an older build: its first layer waits for config.$LANGUAGE.json, counted in the total)"
else
	settings=$(gz_body "$CHARTER/c/$SITE/settings.js?b=$build")
	stylesheet=$(gz_body "$CHARTER/c/$SITE/banner.css?h=$build")
	charter=$script
	later=$((config + settings + stylesheet))
fi

mkdir -p "$WORK/npm" && cd "$WORK/npm"
npm pack --silent vanilla-cookieconsent@3.1.0 klaro@0.7 >packed.txt 2>/dev/null
mkdir cc klaro
tar xzf "$(grep vanilla packed.txt)" -C cc
tar xzf "$(grep klaro packed.txt)" -C klaro
gz() { gzip -9 <"$1" | wc -c | tr -d ' '; }
cc_js=$(gz cc/package/dist/cookieconsent.umd.js)
cc_css=$(gz cc/package/dist/cookieconsent.css)
cc=$((cc_js + cc_css))
klaro=$(gz klaro/package/dist/klaro.js)
cd - >/dev/null

echo "== Bytes to show the banner (gzip)"
machine
echo "site       $SITE, version $VERSION, language $LANGUAGE"
echo
printf '%-52s %8s %s\n' "what" "bytes" "ratio to Charter"
printf '%-52s %8d %s\n' "Charter banner.js: to show, every language" "$charter" "1.00"
echo "  then, once the first layer is drawn (for the settings):"
printf '%-52s %8d\n' "  Charter config.$LANGUAGE.json" "$config"
for l in "${!configs[@]}"; do
	[[ $l == "$LANGUAGE" ]] || printf '%-52s %8d\n' "  (Charter config.$l.json, for comparison)" "${configs[$l]}"
done
printf '%-52s %8d\n' "  Charter settings.js" "$settings"
printf '%-52s %8d\n' "  Charter banner.css (whole stylesheet)" "$stylesheet"
printf '%-52s %8d\n' "  Charter first visit in all, $LANGUAGE" "$((charter + later))"
printf '%-52s %8d %s\n' "vanilla-cookieconsent 3.1.0 (js $cc_js + css $cc_css)" "$cc" "$(awk -v a="$cc" -v b="$charter" 'BEGIN { printf "%.2f", a / b }')"
printf '%-52s %8d %s\n' "klaro $(jq -r .version "$WORK/npm/klaro/package/package.json") (klaro.js)" "$klaro" "$(awk -v a="$klaro" -v b="$charter" 'BEGIN { printf "%.2f", a / b }')"
echo
if ((charter <= 6000)); then echo "target <= 6000 B: met ($charter B)"; else echo "target <= 6000 B: MISSED ($charter B)"; fi
