/*
 * Charter's consent banner: the one script a website embeds, /c/{site}/banner.js.
 *
 * Charter serves this file minified (closure compiler, SIMPLE) and wrapped in a function that binds
 * __CHARTER_BOOT__ to the site's boot data (BannerBoot.java): site key, current and material
 * version, languages, lifetimes, categories with their Consent Mode types, first-party cookie
 * names and whether Global Privacy Control refuses them, the first layer's texts per language, the
 * build id and the stylesheet: the first layer is drawn from it alone, with no second request to
 * wait for. The second layer's texts, services and cookies in one language come from the versioned,
 * immutable config, fetched once the first layer is drawn (so Customise opens at once), or when the
 * settings or a placeholder need it. A returning
 * visitor with a valid choice costs one request: this script.
 *
 * No dependency. What it draws lives in shadow roots (the page's CSS cannot reach it) styled by a
 * constructed stylesheet, so it works on a page whose Content-Security-Policy allows scripts and
 * styles only from Charter's origin. Texts always go in as text nodes, never as HTML.
 */
(function (B) {
  'use strict';
  const W = window, D = document, N = navigator;
  if (W.Charter) {
    return; // embedded twice
  }
  const COOKIE = 'charter_consent';
  const me = D.currentScript || D.querySelector('script[src*="/c/' + B.site + '/banner.js"]');
  // e.g. https://charter.example/c/wegroup-be/ : every other URL is relative to it.
  const base = me ? me.src.replace(/banner\.js([?#].*)?$/, '') : '/c/' + B.site + '/';
  const cats = B.categories;
  const optional = cats.filter(c => !c.necessary);
  const secure = location.protocol == 'https:' ? '; Secure' : '';
  const gpc = N.globalPrivacyControl === true;
  const listeners = [];

  // Cookies go through the browser's own accessor; document.cookie itself is guarded below.
  const jar = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')
      || Object.getOwnPropertyDescriptor(HTMLDocument.prototype, 'cookie');
  const readJar = () => jar.get.call(D);
  const writeJar = v => jar.set.call(D, v);

  // Language: the page's <html lang>, then the browser's, then the site's default.
  const pick = l => (l = String(l || '').toLowerCase().split('-')[0], B.languages.indexOf(l) >= 0 ? l : '');
  const lang = pick(D.documentElement.lang) || (N.languages || [N.language]).map(pick).find(l => l)
      || B.defaultLanguage;

  // ---- the choice -------------------------------------------------------------------------------

  // {visitorId, consentId, version, time (s), method, lang, granted: {category: true, 'category:service': true}}
  let choice = null;
  let stored = null;
  // A category, or one service of it ('category:service', granted from its placeholder).
  const grantedOf = keys => {
    const g = {};
    keys.forEach(k => { if (optional.some(c => c.key == k.split(':')[0])) g[k] = true; });
    return g;
  };
  const allOf = () => grantedOf(optional.map(c => c.key));
  const lifetime = g => optional.some(c => g[c.key]) ? B.consentLifetimeDays : B.refusalLifetimeDays;
  const granted = k => cats.some(c => c.key == k && (c.necessary || !!(choice && choice.granted[k])));
  // A blocked element runs with its category, or with its own service (data-service).
  const allowed = d => granted(d.category) || !!(choice && choice.granted[d.category + ':' + d.service]);

  // charter_consent=<visitor id>.<consent id>.<version>.<time>.<granted keys joined by +>.<method>.<language>
  // An empty consent id: the choice is not in the consent log yet ("-": the log refused it for good).
  const found = readJar().match(/(?:^|;\s*)charter_consent=([^;]*)/);
  if (found) {
    const p = found[1].split('.');
    if (p.length > 4) {
      stored = {visitorId: p[0], consentId: p[1], version: +p[2], time: +p[3], granted: grantedOf(p[4].split('+')),
          method: p[5] || 'CUSTOM', lang: pick(p[6]) || lang};
    }
  }
  const save = () => writeJar(COOKIE + '=' + [choice.visitorId, choice.consentId, choice.version, choice.time,
      Object.keys(choice.granted).join('+'), choice.method, choice.lang].join('.')
      + '; Max-Age=' + lifetime(choice.granted) * 86400 + '; Path=/; SameSite=Lax' + secure);

  // A cookie named in the catalogue for a category without consent.
  const refused = name => optional.some(c => !granted(c.key)
      && c.cookies.some(p => p.slice(-1) == '*' ? name.indexOf(p.slice(0, -1)) == 0 : name == p));

  // Stops new cookies of refused categories, whoever writes them through document.cookie.
  // Deletions (an empty value) always pass.
  try {
    Object.defineProperty(D, 'cookie', {
      configurable: true,
      get: readJar,
      set: v => {
        const kv = String(v).split(';')[0], i = kv.indexOf('=');
        if (!(i > 0 && kv.slice(i + 1).trim() && refused(kv.slice(0, i).trim()))) {
          writeJar(v);
        }
      }
    });
  } catch (e) {
    // a browser that does not let us guard: consent still decides what runs
  }

  // Deletes the first-party cookies of refused categories, on this host and its parent domains,
  // on every path from the root to this page.
  const erase = () => {
    const names = readJar().split(';').map(s => s.split('=')[0].trim()).filter(n => n && refused(n));
    if (!names.length) {
      return;
    }
    const host = location.hostname, domains = [''], paths = ['/'];
    if (!/^[\d.]+$|:/.test(host)) {
      host.split('.').forEach((_, i, a) => { if (i < a.length - 1) domains.push('; Domain=' + a.slice(i).join('.')); });
    }
    let path = '';
    location.pathname.split('/').forEach(s => { if (s) { path += '/' + s; paths.push(path, path + '/'); } });
    names.forEach(n => domains.forEach(d => paths.forEach(p => writeJar(n + '=; Max-Age=0; Path=' + p + d + secure))));
  };

  // ---- Google Consent Mode v2 -------------------------------------------------------------------

  W.dataLayer = W.dataLayer || [];
  if (typeof W.gtag != 'function') {
    W.gtag = function () { W.dataLayer.push(arguments); };
  }
  const consentMode = () => {
    const s = {ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied'};
    cats.forEach(c => c.gcm.forEach(t => { if (s[t] != 'granted') s[t] = granted(c.key) ? 'granted' : 'denied'; }));
    return s;
  };
  const update = () => W.gtag('consent', 'update', consentMode());
  // Before any tag: everything denied (but the necessary category's types).
  W.gtag('consent', 'default', Object.assign(consentMode(), {wait_for_update: B.waitForUpdateMs}));

  // ---- recording --------------------------------------------------------------------------------

  const newId = () => btoa(String.fromCharCode.apply(null, crypto.getRandomValues(new Uint8Array(16))))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  // A CORS simple request (text/plain): no preflight, and it survives the page being left. The choice
  // applies whatever the answer; a failure (network, 403, 429, 5xx) is tried again 1, 2, 4 ... 32 s
  // later, then on the next page load while the cookie holds no consent id. The record carries the
  // choice as made and its age in seconds, so the log dates it when it was made. A 400 is final.
  const record = (c, n = 0) => {
    const choices = {};
    optional.forEach(k => { choices[k.key] = !!c.granted[k.key]; });
    for (const k in c.granted) {
      choices[k] = true;
    }
    fetch(base + 'consents', {
      method: 'POST', keepalive: true, credentials: 'omit',
      headers: {'Content-Type': 'text/plain;charset=UTF-8'},
      body: JSON.stringify({visitorId: c.visitorId, version: c.version, method: c.method, choices, language: c.lang,
          pageUrl: location.origin + location.pathname, age: Math.max(0, Math.floor(Date.now() / 1000) - c.time)})
    }).then(r => r.ok ? r.json() : r.status == 400 ? {consentId: '-'} : Promise.reject()).then(r => {
      c.consentId = String(r.consentId).replace(/[^\w-]/g, '');
      if (choice == c) {
        save();
      }
    }).catch(() => {
      if (n < 6) {
        setTimeout(() => record(c, n + 1), 1e3 << n);
      }
    });
  };

  const decide = (g, method) => {
    if (choice && Object.keys(choice.granted).some(k => !g[k])) {
      method = 'WITHDRAW';
    }
    const prev = choice || stored;
    choice = {visitorId: prev ? prev.visitorId : newId(), consentId: '', version: B.version,
        time: Math.floor(Date.now() / 1000), method, lang, granted: g};
    save();
    record(choice);
    update();
  };

  // ---- blocked scripts and iframes --------------------------------------------------------------

  let queue = Promise.resolve();
  // One after the other in document order: an external script runs before the next one starts.
  const run = e => new Promise(next => {
    if (e.tagName == 'IFRAME') {
      if (e.charterPh) {
        e.charterPh.remove();
        e.style.display = e.charterDisplay;
      }
      e.src = e.dataset.src;
      e.removeAttribute('data-src');
      return next();
    }
    const s = D.createElement('script');
    [].forEach.call(e.attributes, a => { if (a.name != 'type' && a.name != 'data-category') s.setAttribute(a.name, a.value); });
    if (e.dataset.type) {
      s.type = e.dataset.type;
    }
    s.nonce = e.nonce;
    if (s.src) {
      s.async = false;
      s.onload = s.onerror = next;
    } else {
      s.text = e.text;
    }
    e.replaceWith(s);
    if (!s.src) {
      next();
    }
  });
  const activate = () => D.querySelectorAll('script[type="text/plain"][data-category],iframe[data-category][data-src]')
      .forEach(e => {
        if (!e.charterRun && allowed(e.dataset)) {
          e.charterRun = 1;
          queue = queue.then(() => run(e));
        }
      });

  // ---- drawing ----------------------------------------------------------------------------------

  // The first layer's rules come with this script; the whole stylesheet comes with the config.
  let sheet, css = B.css;
  const shadow = el => {
    const r = el.attachShadow({mode: 'open'});
    try {
      if (!('adoptedStyleSheets' in r)) {
        throw 0;
      }
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
      }
      r.adoptedStyleSheets = [sheet];
    } catch (e) {
      r.append(h('link', {rel: 'stylesheet', href: base + 'banner.css?h=' + B.build}));
    }
    return r;
  };

  const h = (tag, props, ...kids) => {
    const e = D.createElement(tag);
    for (const k in props) {
      const v = props[k];
      if (v === false || v == null) {
        continue;
      }
      if (k.slice(0, 2) == 'on') {
        e.addEventListener(k.slice(2), v);
      } else if (k == 'role' || k.indexOf('-') > 0) {
        e.setAttribute(k, v);
      } else {
        e[k] = v;
      }
    }
    kids.flat(9).forEach(k => { if (k || k === 0) e.append(k); });
    return e;
  };

  // The config, and what settings.js draws from it (the second layer, placeholders).
  let cfg, ui, loading;
  const get = (path, as) => fetch(base + path + B.build, {credentials: 'omit'}).then(r => {
    if (!r.ok) {
      throw Error('Charter: ' + path + ' ' + r.status);
    }
    return r[as]();
  });
  // settings.js hands its drawing functions over here, given what they draw with.
  const code = () => new Promise((ok, ko) => {
    W.__charterSettings = f => {
      delete W.__charterSettings;
      ui = f({h, t, lang, base, gpc, optional, link, buttons, button, choose, grantedOf, shadow, gpcNote, close,
        cfg: () => cfg, choice: () => choice, stored: () => stored, root: () => root});
      ok();
    };
    (D.head || D.documentElement).append(h('script', {src: base + 'settings.js?b=' + B.build, nonce: me && me.nonce,
      onerror: ko}));
  });
  // The second layer's texts, categories, services and cookies, its rules (the whole stylesheet) and code.
  const config = () => loading || (loading = Promise.all([get('v/' + B.version + '/config.' + lang + '.json?b=', 'json'),
    get('banner.css?h=', 'text'), code()]).then(([c, s]) => {
    css = s;
    if (sheet) {
      sheet.replaceSync(s);
    }
    cfg = c;
  }, e => {
    loading = null;
    throw e;
  }));
  // A text with its {names} filled in: the config's once loaded, else the first layer's from the boot data.
  const t = (k, v = {}) => ((cfg ? cfg.texts : B.texts[lang])[k] || '').replace(/\{(\w+)\}/g, (_, n) => v[n] || '');

  // A blocked iframe shows, in its place, its service, its category and what that category is for
  // (drawn by settings.js).
  const placeholders = () => {
    const blocked = [].filter.call(D.querySelectorAll('iframe[data-category][data-src]'),
        f => !f.charterPh && !allowed(f.dataset));
    if (blocked.length) {
      config().then(() => blocked.forEach(f => {
        if (!f.charterPh && !allowed(f.dataset)) {
          ui.placeholder(f);
        }
      }), () => {});
    }
  };

  const apply = () => {
    erase();
    activate();
    placeholders();
    D.dispatchEvent(new CustomEvent('charter:consent', {detail: api.consent()}));
  };

  let host, root, wrap, settingsButton, layer = 0, from = 0, back = null, notice = false;
  const mount = () => {
    if (!host) {
      host = D.createElement('charter-consent');
      root = shadow(host);
      wrap = root.appendChild(h('div'));
      (D.body || D.documentElement).append(host);
    }
  };
  const deepActive = () => {
    let a = D.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) {
      a = a.shadowRoot.activeElement;
    }
    return a;
  };
  const settings = () => {
    mount();
    if (!settingsButton && !D.querySelector('[data-charter-settings]')) {
      settingsButton = root.appendChild(h('button', {className: 'sb', type: 'button', onclick: () => api.show()},
          t('settings')));
    }
  };
  const done = () => {
    layer = 0;
    mount();
    wrap.replaceChildren();
    settings();
    if (back && back != D.body && back.isConnected) {
      back.focus();
    }
    back = null;
  };
  const choose = (g, method) => {
    decide(g, method);
    notice = false;
    done();
    listeners.forEach(f => {
      try {
        f(api.consent());
      } catch (e) {
        setTimeout(() => { throw e; });
      }
    });
    apply();
  };

  const button = (k, f) => h('button', {className: 'b', type: 'button', onclick: f}, t(k));
  const buttons = last => h('div', {className: 'bs'}, button('acceptAll', () => choose(allOf(), 'ACCEPT_ALL')),
      button('refuseAll', () => choose({}, 'REFUSE_ALL')), last);
  const link = () => h('a', {href: base + 'declaration?lang=' + lang}, t('declarationLink'));
  const gpcNote = () => notice && h('p', {className: 'n'}, t('gpcNotice'));
  // First layer: not a wall (aria-modal false, the page stays usable), three equal buttons.
  const first = () => h('div', {className: 'cb', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ct',
      'aria-describedby': 'cd', tabIndex: -1, lang},
      h('h2', {id: 'ct'}, t('title')),
      // Who asks (the controller) and with which partners, as the config names them.
      h('p', {id: 'cd'}, t('body'), ' ', t('controller'), ' ', link()),
      gpcNote(),
      buttons(button('customise', () => open(2))));

  const close = () => from == 1 ? open(1, true) : done();

  // The first layer needs no config: it is drawn from the boot data, without waiting.
  const open = (n, toCustomise) => (n > 1 ? config() : Promise.resolve()).then(() => {
    mount();
    if (!layer) {
      back = deepActive(); // focus goes back there when the banner closes
    }
    from = layer;
    layer = n;
    const v = n > 1 ? ui.second() : first();
    wrap.replaceChildren(v);
    if (n > 1) {
      v.firstChild.focus();
    } else if (toCustomise) {
      v.querySelector('.bs').lastChild.focus();
    } else if (!back || back == D.body) {
      v.focus(); // shown at page load: take focus only if nothing else has it
    }
  });

  // ---- API --------------------------------------------------------------------------------------

  const api = W.Charter = {
    /** The choice in force, or null before any. */
    consent: () => choice && {visitorId: choice.visitorId, consentId: choice.consentId || null, version: choice.version,
        time: new Date(choice.time * 1000).toISOString(), categories: Object.fromEntries(cats.map(c => [c.key, granted(c.key)])),
        services: Object.keys(choice.granted).filter(k => k.indexOf(':') > 0)},
    /** Opens the settings (second layer). */
    show: () => open(2),
    /** on('change', fn): fn(consent) after each choice. */
    on: (type, f) => { if (type == 'change') listeners.push(f); }
  };

  // ---- start ------------------------------------------------------------------------------------

  if (stored && stored.version >= B.materialVersion && stored.time * 1000 + lifetime(stored.granted) * 864e5 > Date.now()) {
    choice = stored;
    update();
    if (!choice.consentId) {
      record(choice); // not in the consent log yet: sent again, as it was chosen
    }
  } else if (gpc && optional.some(c => c.gpc)) {
    // Global Privacy Control answers for the visitor on the categories marked "refused under GPC" (as
    // the consent log checks): recorded as such, and the banner names them.
    decide({}, 'GPC');
    notice = true;
  }
  // The other categories are still asked about, on every page, until the visitor chooses.
  if (choice && choice.method == 'GPC' && optional.some(c => !c.gpc)) {
    notice = true;
  }
  const start = () => {
    new MutationObserver(() => { activate(); placeholders(); }).observe(D.documentElement, {childList: true, subtree: true});
    D.addEventListener('click', e => {
      const el = e.target.closest && e.target.closest('[data-charter-settings]');
      if (el) {
        e.preventDefault();
        api.show();
      }
    });
    if (choice) {
      apply();
    } else {
      placeholders();
    }
    if (!choice || notice) {
      // Then the second layer's config, so that Customise opens at once.
      open(1).then(config).catch(() => {});
    } else {
      settings();
    }
  };
  if (D.readyState == 'loading') {
    D.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(__CHARTER_BOOT__);
