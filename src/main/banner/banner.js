/*
 * Charter's consent banner: the one script a website embeds, /c/{site}/banner.js.
 *
 * Charter serves this file minified (closure compiler, SIMPLE) and wrapped in a function that binds
 * __CHARTER_BOOT__ to the site's boot data (BannerBoot.java): site key, current and material
 * version, languages, lifetimes, categories with their Consent Mode types and first-party cookie
 * names, the label of the settings control per language, the build id and the stylesheet. The
 * texts, services and cookies in one language come from the versioned, immutable config, fetched
 * only when something must be shown, as soon as this script runs. A returning visitor with a valid
 * choice costs one request: this script.
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

  let sheet;
  const shadow = el => {
    const r = el.attachShadow({mode: 'open'});
    try {
      if (!('adoptedStyleSheets' in r)) {
        throw 0;
      }
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(B.css);
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

  let cfg, loading;
  const config = () => loading || (loading = fetch(base + 'v/' + B.version + '/config.' + lang + '.json?b=' + B.build,
      {credentials: 'omit'}).then(r => {
    if (!r.ok) {
      throw Error('Charter: config ' + r.status);
    }
    return r.json();
  }).then(c => cfg = c, e => {
    loading = null;
    throw e;
  }));
  // A text with its {names} filled in.
  const t = (k, v = {}) => (cfg.texts[k] || '').replace(/\{(\w+)\}/g, (_, n) => v[n] || '');

  // A blocked iframe shows, in its place, its service, its category and what that category is for,
  // and a button that allows its service only (data-service), else its category.
  const placeholders = () => {
    const blocked = [].filter.call(D.querySelectorAll('iframe[data-category][data-src]'),
        f => !f.charterPh && !allowed(f.dataset));
    if (blocked.length) {
      config().then(() => blocked.forEach(f => {
        const c = cfg.categories.find(x => x.key == f.dataset.category);
        if (!c || f.charterPh || allowed(f.dataset)) {
          return;
        }
        const s = c.services.find(x => x.key == f.dataset.service);
        const v = {category: c.name, service: s ? s.name : c.name};
        const ph = D.createElement('charter-placeholder');
        const box = h('div', {className: 'ph', lang}, s && h('b', null, s.name), h('p', null, t('placeholder', v)),
            h('p', null, c.description),
            h('button', {className: 'b', type: 'button',
              onclick: () => choose(Object.assign({}, choice && choice.granted, {[s ? c.key + ':' + s.key : c.key]: true}), 'CUSTOM')},
                t('placeholderButton', v)));
        if (f.offsetWidth) {
          box.style.width = f.offsetWidth + 'px';
          box.style.minHeight = f.offsetHeight + 'px';
        }
        shadow(ph).append(box);
        f.before(ph);
        f.charterPh = ph;
        f.charterDisplay = f.style.display;
        f.style.display = 'none';
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
          B.settingsLabel[lang]));
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
  // Charter's request form, with the visitor id filled in: once there is one (after a choice).
  const mine = (v = choice || stored) => v && [' \u00b7 ', h('a', {href: base.replace(/c\/[^/]*\/$/, '')
      + 'privacy/requests?visitor=' + encodeURIComponent(v.visitorId) + '&lang=' + lang}, t('myCookieData'))];
  const gpcNote = () => notice && h('p', {className: 'n'}, t('gpcNotice'));
  // The receipt of the choice in force: its consent id and date, and a link to read the record.
  const receipt = (v = choice) => v && (v.consentId.length > 1
      ? h('p', null, t('receipt', {id: v.consentId, date: new Date(v.time * 1e3).toLocaleString(lang)}), ' ',
          h('a', {href: base + 'consents/' + v.consentId}, t('receiptLink')))
      : !v.consentId && h('p', null, t('receiptPending')));

  // First layer: not a wall (aria-modal false, the page stays usable), three equal buttons.
  const first = () => h('div', {className: 'cb', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ct',
      'aria-describedby': 'cd', tabIndex: -1, lang},
      h('h2', {id: 'ct'}, t('title')),
      // Who asks (the controller) and with which partners, as the config names them.
      h('p', {id: 'cd'}, t('body'), ' ', t('controller'), ' ', link()),
      gpcNote(),
      buttons(button('customise', () => open(2))));

  // Second layer: one switch per category, off unless granted; necessary on and locked.
  const second = () => {
    const g = choice ? choice.granted : {};
    return h('div', {className: 'ov'}, h('div', {className: 'cs', role: 'dialog', 'aria-modal': 'true',
        'aria-labelledby': 'st', tabIndex: -1, lang, onkeydown: keys},
        h('div', {className: 'hd'}, h('h2', {id: 'st'}, t('settings')),
            h('button', {className: 'x', type: 'button', 'aria-label': t('close'), onclick: close}, '\u00d7')),
        h('p', null, t('settingsDescription'), ' ', link(), mine()),
        receipt(),
        gpcNote(),
        cfg.categories.map(c => {
          const id = 'k-' + c.key;
          return h('div', {className: 'cat'},
              h('div', {className: 'row'},
                  h('label', {htmlFor: id}, c.name),
                  c.necessary && h('span', null, t('alwaysOn')),
                  h('input', {type: 'checkbox', role: 'switch', id, checked: c.necessary || !!g[c.key],
                      disabled: c.necessary, 'aria-describedby': id + 'd'})),
              h('p', {id: id + 'd'}, c.description, gpc && c.refuseOnGpc && !g[c.key] ? ' ' + t('gpcRefused') : ''),
              c.services.length > 0 && h('details', null,
                  h('summary', null, t('services') + ' (' + c.services.length + ')'),
                  h('ul', null, c.services.map(s => h('li', null, h('b', null, s.name),
                      s.provider && s.provider != s.name ? ' (' + s.provider + ')' : '', s.description ? ': ' + s.description : '',
                      h('ul', null, s.cookies.map(k => h('li', null, h('code', null, k.name), k.purpose ? ' \u2013 ' + k.purpose : '',
                          k.retention ? ' (' + k.retention + ')' : ''))))))));
        }),
        buttons(button('save', () => {
          // The switches are the categories'; services allowed one by one from a placeholder stay allowed
          // (refusing all withdraws them too).
          const g = grantedOf(Object.keys(choice ? choice.granted : {}).filter(k => k.indexOf(':') > 0));
          optional.forEach(c => { if (root.getElementById('k-' + c.key).checked) g[c.key] = true; });
          choose(g, 'CUSTOM');
        }))));
  };

  // The second layer is modal: Escape closes it and Tab stays inside.
  const keys = ev => {
    if (ev.key == 'Escape') {
      ev.preventDefault();
      close();
    } else if (ev.key == 'Tab') {
      const box = ev.currentTarget, a = root.activeElement;
      const f = box.querySelectorAll('button,a,input:not(:disabled),summary');
      if (ev.shiftKey ? a == f[0] || a == box : a == f[f.length - 1]) {
        ev.preventDefault();
        f[ev.shiftKey ? f.length - 1 : 0].focus();
      }
    }
  };
  const close = () => from == 1 ? open(1, true) : done();

  const open = (n, toCustomise) => config().then(() => {
    mount();
    if (!layer) {
      back = deepActive(); // focus goes back there when the banner closes
    }
    from = layer;
    layer = n;
    const v = n > 1 ? second() : first();
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
  } else if (gpc) {
    // Global Privacy Control answers for the visitor: recorded as such, and the banner says so.
    decide({}, 'GPC');
    notice = true;
  }
  if (!choice || notice) {
    config().catch(() => {}); // under way while the page is still parsing
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
      open(1).catch(() => {});
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
