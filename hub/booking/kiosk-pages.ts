import type { Locale } from '../../shared/i18n/locale';
import { esc, page } from './booking-pages';
import type { OfficePlan } from './office-plans';

/**
 * The kiosk at the door (a touch screen, or the clerk at the entrance) and the waiting-room display
 * (a browser on a TV). Tickets are codes, never names.
 */

const K = {
  it: {
    title: 'Accoglienza',
    booked: 'Ho una prenotazione',
    code: 'Codice della prenotazione (o inquadrare il QR)',
    checkIn: 'Registra l’arrivo',
    walkIn: 'Non ho una prenotazione: prendo un biglietto per',
    ticket: 'Il tuo biglietto',
    ahead: 'Persone in attesa prima di te: {n}.',
    watch: 'Attendere la chiamata sullo schermo della sala.',
    again: 'Nuova operazione',
    errorTitle: 'Operazione non riuscita',
  },
  en: {
    title: 'Welcome desk',
    booked: 'I have a booking',
    code: 'Booking code (or scan the QR)',
    checkIn: 'Check in',
    walkIn: 'No booking: take a ticket for',
    ticket: 'Your ticket',
    ahead: 'People waiting before you: {n}.',
    watch: 'Please wait for your call on the waiting-room screen.',
    again: 'New operation',
    errorTitle: 'That did not work',
  },
} as const;

const other = (l: Locale): Locale => (l === 'it' ? 'en' : 'it');

export function kioskPage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  error: string | null = null,
): string {
  const k = K[lang];
  const lines = [...new Map(plan.services.map((s) => [s.line, s])).values()]
    .map(
      (s) =>
        `<li><form method="post" action="${esc(`${base}/biglietto?lang=${lang}`)}"><input type="hidden" name="line" value="${s.line}"><button type="submit" data-line="${s.line}">${s.line} – ${esc(s.label[lang])}</button></form></li>`,
    )
    .join('');
  const err = error
    ? `<div class="error" role="alert"><h2>${k.errorTitle}</h2><p>${esc(error)}</p></div>`
    : '';
  return page(
    { lang, title: k.title, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${k.title}</h1>${err}<h2>${k.booked}</h2><form method="post" action="${esc(`${base}/arrivo?lang=${lang}`)}"><label class="field" for="code">${k.code}</label><input type="text" id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required maxlength="64" autofocus><p><button type="submit">${k.checkIn}</button></p></form><h2>${k.walkIn}</h2><ul class="choices">${lines}</ul>`,
  );
}

export function kioskTicketPage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  t: { code: string; service: string; ahead: number },
): string {
  const k = K[lang];
  return page(
    { lang, title: k.ticket, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${k.ticket}</h1><div role="status"><p class="ticket" data-ticket>${esc(t.code)}</p><p>${esc(t.service)}</p><p>${k.ahead.replace('{n}', String(t.ahead))}</p><p>${k.watch}</p></div><p><a href="${esc(`${base}?lang=${lang}`)}">${k.again}</a></p>`,
  );
}

const D = {
  it: {
    title: 'Sala d’attesa',
    called: 'Chiamati',
    ticket: 'Biglietto',
    counter: 'Sportello',
    lines: 'Attesa stimata',
    waiting: 'in attesa',
    minutes: 'circa {m} min',
    sound: 'Attiva il suono',
  },
  en: {
    title: 'Waiting room',
    called: 'Called',
    ticket: 'Ticket',
    counter: 'Counter',
    lines: 'Estimated wait',
    waiting: 'waiting',
    minutes: 'about {m} min',
    sound: 'Turn sound on',
  },
} as const;

/**
 * The display polls the state every few seconds (bounded: one small JSON per screen, no open
 * connection to hold), redraws the table, and chimes when the newest call changes.
 */
export function displayPage(
  plan: OfficePlan,
  base: string,
  stateUrl: string,
  lang: Locale,
  nonce: string,
): string {
  const d = D[lang];
  const script = `(() => {
const url = ${JSON.stringify(stateUrl)};
const W = ${JSON.stringify({ waiting: d.waiting, minutes: d.minutes })};
let last = null, audio = null;
const chime = () => { if (!audio) return; const o = audio.createOscillator(), g = audio.createGain();
  o.frequency.value = 880; g.gain.setValueAtTime(0.2, audio.currentTime); g.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
  o.connect(g); g.connect(audio.destination); o.start(); o.stop(audio.currentTime + 0.8); };
document.getElementById('sound').addEventListener('click', (e) => { audio = new AudioContext(); e.target.hidden = true; });
const cell = (t) => { const td = document.createElement('td'); td.textContent = t; return td; };
async function tick() {
  try {
    const res = await fetch(url, { cache: 'no-store' });
    if (res.ok) {
      const s = await res.json();
      const body = document.getElementById('called-rows'); body.replaceChildren();
      for (const c of s.called) { const tr = document.createElement('tr'); tr.dataset.ticket = c.code; tr.append(cell(c.code), cell(String(c.counter))); body.append(tr); }
      const ul = document.getElementById('lines'); ul.replaceChildren();
      for (const l of s.lines) { const li = document.createElement('li'); li.dataset.line = l.line;
        li.textContent = l.line + ' – ' + l.label + ': ' + l.waiting + ' ' + W.waiting + ', ' + W.minutes.replace('{m}', l.estimatedMinutes); ul.append(li); }
      if (s.lastCall !== null && s.lastCall !== last) { if (last !== null) chime(); last = s.lastCall; }
      document.body.dataset.updated = String(Date.now());
    }
  } catch { /* the next tick tries again */ }
  setTimeout(tick, 3000);
}
tick();
})();`;
  return page(
    {
      lang,
      title: d.title,
      plan,
      nonce,
      script,
      otherLangHref: `${base}?lang=${other(lang)}`,
      extraStyle:
        'main{max-width:60rem}table{width:100%;border-collapse:collapse;font-size:2.4rem}th,td{padding:8px 12px;border-bottom:2px solid #5c6f82;text-align:left}td{font-weight:800;font-family:ui-monospace,monospace}',
    },
    `<h1>${d.title}</h1><p><button type="button" id="sound">${d.sound}</button></p><h2>${d.called}</h2><table aria-live="polite"><thead><tr><th scope="col">${d.ticket}</th><th scope="col">${d.counter}</th></tr></thead><tbody id="called-rows"></tbody></table><h2>${d.lines}</h2><ul id="lines"></ul>`,
  );
}
