/*
 * The consent banner's second layer (settings) and the placeholders of blocked iframes:
 * /c/{site}/settings.js, loaded by banner.js with the config once the first layer is drawn (or when
 * the settings or a placeholder need it), so the first view does not carry it. Charter serves it
 * minified (closure compiler, SIMPLE); it hands its drawing functions to banner.js, which gives them
 * what they draw with (see code() in banner.js). Texts always go in as text nodes, never as HTML.
 */
(function () {
  'use strict';
  const give = window.__charterSettings;
  if (typeof give != 'function') {
    return; // loaded by anything but the banner
  }
  give(X => {
    const {h, t, lang, base, gpc, optional, link, buttons, button, choose, grantedOf, shadow, gpcNote, close} = X;
    const D = document;

    // Charter's request form, with the visitor id filled in: once there is one (after a choice).
    const mine = (v = X.choice() || X.stored()) => v && [' \u00b7 ', h('a', {href: base.replace(/c\/[^/]*\/$/, '')
        + 'privacy/requests?visitor=' + encodeURIComponent(v.visitorId) + '&lang=' + lang}, t('myCookieData'))];
    // The receipt of the choice in force: its consent id and date, and a link to read the record.
    const receipt = (v = X.choice()) => v && (v.consentId.length > 1
        ? h('p', null, t('receipt', {id: v.consentId, date: new Date(v.time * 1e3).toLocaleString(lang)}), ' ',
            h('a', {href: base + 'consents/' + v.consentId}, t('receiptLink')))
        : !v.consentId && h('p', null, t('receiptPending')));

    // The second layer is modal: Escape closes it and Tab stays inside.
    const keys = ev => {
      if (ev.key == 'Escape') {
        ev.preventDefault();
        close();
      } else if (ev.key == 'Tab') {
        const box = ev.currentTarget, a = X.root().activeElement;
        const f = box.querySelectorAll('button,a,input:not(:disabled),summary');
        if (ev.shiftKey ? a == f[0] || a == box : a == f[f.length - 1]) {
          ev.preventDefault();
          f[ev.shiftKey ? f.length - 1 : 0].focus();
        }
      }
    };

    return {
      // Second layer: one switch per category, off unless granted; necessary on and locked.
      second: () => {
        const choice = X.choice(), g = choice ? choice.granted : {};
        return h('div', {className: 'ov'}, h('div', {className: 'cs', role: 'dialog', 'aria-modal': 'true',
            'aria-labelledby': 'st', tabIndex: -1, lang, onkeydown: keys},
            h('div', {className: 'hd'}, h('h2', {id: 'st'}, t('settings')),
                h('button', {className: 'x', type: 'button', 'aria-label': t('close'), onclick: close}, '\u00d7')),
            h('p', null, t('settingsDescription'), ' ', link(), mine()),
            receipt(),
            gpcNote(),
            X.cfg().categories.map(c => {
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
              const now = X.choice();
              const g = grantedOf(Object.keys(now ? now.granted : {}).filter(k => k.indexOf(':') > 0));
              optional.forEach(c => { if (X.root().getElementById('k-' + c.key).checked) g[c.key] = true; });
              choose(g, 'CUSTOM');
            }))));
      },

      // In place of a blocked iframe: its service, its category and what that category is for, and a
      // button that allows its service only (data-service), else its category.
      placeholder: f => {
        const c = X.cfg().categories.find(x => x.key == f.dataset.category);
        if (!c) {
          return;
        }
        const s = c.services.find(x => x.key == f.dataset.service);
        const v = {category: c.name, service: s ? s.name : c.name};
        const ph = D.createElement('charter-placeholder');
        const box = h('div', {className: 'ph', lang}, s && h('b', null, s.name), h('p', null, t('placeholder', v)),
            h('p', null, c.description),
            h('button', {className: 'b', type: 'button',
              onclick: () => {
                const choice = X.choice();
                choose(Object.assign({}, choice && choice.granted, {[s ? c.key + ':' + s.key : c.key]: true}), 'CUSTOM');
              }},
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
      }
    };
  });
})();
