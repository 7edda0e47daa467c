#!/usr/bin/env bash
# Time from navigation to consent banner visible in headless Chromium: Charter's banner against
# vanilla-cookieconsent 3.1.0 (packed from the npm registry) on the same test page, in the same run.
# Run from anywhere; see docs/banner.md.
#
#   bench/banner-visible.sh               # 5 fresh pages of each, interleaved
#   RUNS=9 bench/banner-visible.sh
#
# Each run is a new Chromium session with a new, empty profile (cold cache, new connections), driven
# through chromedriver's WebDriver HTTP API with curl. Before the page loads, a script injected with
# Page.addScriptToEvaluateOnNewDocument watches the DOM (mutation observer and animation frames) and
# notes performance.now() - time since the navigation started - when the banner's dialog is first laid
# out with a non-zero box, not display:none and not visibility:hidden (an opacity fade-in still
# counts as visible): Charter's first layer (.cb in the shadow root of <charter-consent>), or
# vanilla-cookieconsent's consent modal (#cc-main .cm).
#
# The page is the same for both, served by python3's http.server from 127.0.0.1: Charter's page
# embeds <script src="http://localhost:<port>/c/<site>/banner.js"> in <head> as documented;
# vanilla-cookieconsent's page loads its CSS, its UMD script and a configuration script (two
# categories, English texts) from the page's own origin, as its documentation shows. Charter runs
# from the built jar, warmed up with 300 requests before the runs.
#
# Needs chromium and chromedriver (CHROME_BIN, CHROMEDRIVER), python3, npm, and what
# bench/banner-setup.sh needs.
set -euo pipefail
RUNS=${RUNS:-5}
CHROME=${CHROME_BIN:-/usr/bin/chromium}
DRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
for tool in "$CHROME" "$DRIVER" python3 npm; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is needed" >&2; exit 2; }
done
# shellcheck source=bench/banner-setup.sh
source "$(dirname "$0")/banner-setup.sh"

PAGES=$WORK/pages
mkdir -p "$PAGES" "$WORK/npm"
(cd "$WORK/npm" && npm pack --silent vanilla-cookieconsent@3.1.0 >/dev/null 2>&1 && tar xzf vanilla-cookieconsent-3.1.0.tgz)
cp "$WORK/npm/package/dist/cookieconsent.umd.js" "$WORK/npm/package/dist/cookieconsent.css" "$PAGES/"

body='<main><h1>Benchmark page</h1>
<p>A page of a site that asks for consent before analytics and tracking cookies. The banner is the
only thing on it that loads anything.</p>
<p>Some more text, and <a href="#top">a link</a>.</p></main>'
cat >"$PAGES/charter.html" <<HTML
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title>
<script src="$CHARTER/c/$SITE/banner.js"></script>
</head><body>
$body
</body></html>
HTML
cat >"$PAGES/cc.html" <<HTML
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Benchmark page</title>
<link rel="stylesheet" href="cookieconsent.css">
<script defer src="cookieconsent.umd.js"></script>
<script defer src="cc-config.js"></script>
</head><body>
$body
</body></html>
HTML
cat >"$PAGES/cc-config.js" <<'JS'
CookieConsent.run({
  hideFromBots: false, // the browser here is driven by WebDriver, which it would take for a bot
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, tracking: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on this site',
          description: 'Some cookies are needed for this site to work. With your permission we also use others, for example to measure visits. You can accept or refuse them, all or by category, and change your mind at any time.',
          acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Refuse all', showPreferencesBtn: 'Customise',
          footer: '<a href="#declaration">Cookie declaration</a>'
        },
        preferencesModal: {
          title: 'Cookie settings', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Refuse all',
          savePreferencesBtn: 'Save my choices', closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary cookies', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics cookies', description: 'Help us understand how the site is used.', linkedCategory: 'analytics' },
            { title: 'Tracking cookies', description: 'Record your visit for more targeted advertising.', linkedCategory: 'tracking' }
          ]
        }
      }
    }
  }
});
JS

(cd "$PAGES" && exec python3 -m http.server "$PAGE_PORT" --bind 127.0.0.1 >"$WORK/pages.log" 2>&1) &
PIDS+=($!)
DRIVER_PORT=$(free_port)
"$DRIVER" --port="$DRIVER_PORT" >"$WORK/chromedriver.log" 2>&1 &
PIDS+=($!)
WD=http://127.0.0.1:$DRIVER_PORT
# A run that stops half way must not leave its browser behind: the open session is closed first.
close_open_session() {
	if [[ -f $WORK/session ]]; then
		curl -s -X DELETE "$WD/session/$(cat "$WORK/session")" >/dev/null || true
	fi
	cleanup
}
trap close_open_session EXIT
for _ in $(seq 1 40); do
	curl -fs -o /dev/null "$WD/status" && curl -fs -o /dev/null "$ORIGIN/charter.html" && break
	sleep 0.25
done

# Charter is measured warm, as a server in service is.
for _ in $(seq 1 100); do
	curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "$CHARTER/c/$SITE/banner.js"
	curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "$CHARTER/c/$SITE/v/$VERSION/config.en.json"
	curl -fs -o /dev/null -H 'Accept-Encoding: gzip' "$CHARTER/c/$SITE/config.json?lang=en"
done

watcher=$(cat <<'JS'
(() => {
  const shown = el => {
    if (!el) return false;
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden';
  };
  const check = () => {
    if (window.__visibleAt !== undefined) return;
    const host = document.querySelector('charter-consent');
    if (shown(host && host.shadowRoot && host.shadowRoot.querySelector('.cb')) || shown(document.querySelector('#cc-main .cm'))) {
      window.__visibleAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true});
  const frame = () => { check(); if (window.__visibleAt === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();
JS
)

wd() { # method path [json]: the WebDriver answer; a WebDriver error stops the run and is shown
	local out
	if ! out=$(curl -sS --fail-with-body -X "$1" -H 'Content-Type: application/json' "$WD$2" ${3:+-d "$3"}); then
		echo "bench: WebDriver $1 $2 failed: $out" >&2
		exit 1
	fi
	printf '%s\n' "$out"
}
measure() { # page run -> milliseconds to visible, and DOMContentLoaded
	local dir=$WORK/profile-$1-$2 sid result
	sid=$(wd POST /session "$(jq -n --arg bin "$CHROME" --arg dir "$dir" '{capabilities: {alwaysMatch: {browserName: "chrome",
		"goog:chromeOptions": {binary: $bin, args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--window-size=1280,900", ("--user-data-dir=" + $dir)]}}}}')" | jq -r .value.sessionId)
	echo "$sid" >"$WORK/session"
	wd POST "/session/$sid/goog/cdp/execute" "$(jq -n --arg s "$watcher" '{cmd: "Page.addScriptToEvaluateOnNewDocument", params: {source: $s}}')" >/dev/null
	wd POST "/session/$sid/url" "{\"url\": \"$ORIGIN/$1.html\"}" >/dev/null
	result=null
	for _ in $(seq 1 100); do
		result=$(wd POST "/session/$sid/execute/sync" '{"script": "return window.__visibleAt === undefined ? null : [window.__visibleAt, performance.getEntriesByType(\"navigation\")[0].domContentLoadedEventEnd]", "args": []}' | jq -c .value)
		[[ $result != null ]] && break
		sleep 0.1
	done
	wd DELETE "/session/$sid" >/dev/null
	rm -f "$WORK/session"
	rm -rf "$dir"
	[[ $result != null ]] || { echo "bench: no banner on $1.html" >&2; exit 1; }
	jq -r '"\(.[0]) \(.[1])"' <<<"$result"
}

echo "== Time from navigation to banner visible (headless Chromium, fresh profile per page)"
machine
echo "chromium   $("$CHROME" --version 2>/dev/null | head -n 1)"
echo "site       $SITE, version $VERSION; $RUNS pages of each, interleaved, after one unmeasured page of each"
res=$(measure charter warmup)
res=$(measure cc warmup)
declare -a CH CC
for ((i = 1; i <= RUNS; i++)); do
	res=$(measure charter "$i")
	read -r v d <<<"$res"
	CH+=("$v")
	printf 'run %d  charter  visible %7.1f ms  (DOMContentLoaded %7.1f ms)\n' "$i" "$v" "$d"
	res=$(measure cc "$i")
	read -r v d <<<"$res"
	CC+=("$v")
	printf 'run %d  vanilla  visible %7.1f ms  (DOMContentLoaded %7.1f ms)\n' "$i" "$v" "$d"
done
mc=$(median %.1f "${CH[@]}")
mv=$(median %.1f "${CC[@]}")
echo
printf '%-28s %10s\n' "banner" "median ms"
printf '%-28s %10s\n' "Charter" "$mc"
printf '%-28s %10s\n' "vanilla-cookieconsent 3.1.0" "$mv"
echo "ratio Charter / vanilla-cookieconsent: $(awk -v a="$mc" -v b="$mv" 'BEGIN { printf "%.2f", a / b }')"
if awk -v a="$mc" -v b="$mv" 'BEGIN { exit !(a <= b) }'; then echo "target not slower: met"; else echo "target not slower: MISSED"; fi
