import { formatDate } from '../../shared/i18n/registry-labels';
import type { Locale } from '../../shared/i18n/locale';
import { esc, page } from './booking-pages';
import type { OfficePlan } from './office-plans';

/** The citizen's booking page: service → day and time → name, tax code, contact → code and QR. */

const W = {
  it: {
    title: 'Prenota un appuntamento',
    pickService: 'Scegliere il servizio',
    minutes: 'circa {m} minuti',
    pickDay: 'Giorni con posti liberi',
    noDays: 'Nessun posto libero nei prossimi giorni: riprovare più avanti o presentarsi con un biglietto.',
    pickTime: 'Orari liberi del {day}',
    noTimes: 'Nessun orario libero in questo giorno.',
    you: 'I tuoi dati',
    name: 'Nome e cognome',
    cf: 'Codice fiscale',
    cfHint: '16 caratteri, come sulla tessera sanitaria.',
    contact: 'Recapito per la conferma (almeno uno)',
    email: 'E-mail',
    phone: 'Telefono',
    submit: 'Prenota',
    back: 'Cambia servizio',
    errorTitle: 'La prenotazione non è stata registrata',
    doneTitle: 'Prenotazione registrata',
    code: 'Codice della prenotazione',
    when: 'Quando',
    service: 'Servizio',
    qr: 'Codice QR da mostrare alla colonnina all’ingresso',
    bring: 'Cosa portare',
    sent: 'La conferma è inviata al recapito indicato o, se il Comune ne ha già uno, a quello registrato presso il Comune.',
    toConfirm:
      'Tre giorni prima arriverà un promemoria con il link per confermare: senza conferma l’appuntamento viene liberato.',
    confirmedTitle: 'Prenotazione confermata',
    confirmedText: 'L’appuntamento {code} del {when} è confermato. A presto.',
  },
  en: {
    title: 'Book an appointment',
    pickService: 'Choose the service',
    minutes: 'about {m} minutes',
    pickDay: 'Days with free places',
    noDays: 'No free places in the coming days: please try again later or come and take a ticket.',
    pickTime: 'Free times on {day}',
    noTimes: 'No free time on this day.',
    you: 'Your details',
    name: 'Full name',
    cf: 'Tax code (codice fiscale)',
    cfHint: '16 characters, as on the health insurance card.',
    contact: 'Where to send the confirmation (at least one)',
    email: 'E-mail',
    phone: 'Phone',
    submit: 'Book',
    back: 'Change service',
    errorTitle: 'The booking was not registered',
    doneTitle: 'Booking registered',
    code: 'Booking code',
    when: 'When',
    service: 'Service',
    qr: 'QR code to show at the kiosk by the entrance',
    bring: 'What to bring',
    sent: 'The confirmation is sent to the contact you gave or, if the comune already holds one, to the one on its records.',
    toConfirm:
      'Three days before, a reminder will bring a link to confirm: without confirmation the slot is released.',
    confirmedTitle: 'Booking confirmed',
    confirmedText: 'Appointment {code} on {when} is confirmed. See you soon.',
  },
} as const;

const fill = (s: string, p: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (w, k: string) => String(p[k] ?? w));
const other = (l: Locale): Locale => (l === 'it' ? 'en' : 'it');
const whenOf = (slot: string, lang: Locale) =>
  `${formatDate(slot.slice(0, 10))} ${lang === 'it' ? 'alle' : 'at'} ${slot.slice(11, 16)}`;

export interface BookingFormState {
  service: string;
  day: string;
  days: { day: string; free: number }[];
  slots: { start: string; free: number }[];
  values: { slotStart?: string; name?: string; cf?: string; email?: string; phone?: string };
  error: string | null;
}

export function servicesPage(plan: OfficePlan, base: string, lang: Locale, nonce: string): string {
  const w = W[lang];
  const items = plan.services
    .map(
      (s) =>
        `<li><a href="${esc(`${base}?lang=${lang}&service=${s.key}`)}" data-service="${s.key}">${esc(s.label[lang])} <span class="hint">(${fill(w.minutes, { m: s.minutes })})</span></a></li>`,
    )
    .join('');
  return page(
    { lang, title: w.title, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${w.title}</h1><h2>${w.pickService}</h2><ul class="choices">${items}</ul>`,
  );
}

export function formPage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  st: BookingFormState,
): string {
  const w = W[lang];
  const service = plan.services.find((s) => s.key === st.service);
  const q = (extra: string) => esc(`${base}?lang=${lang}&service=${st.service}${extra}`);
  const days =
    st.days.length === 0
      ? `<p>${w.noDays}</p>`
      : `<ul class="days">${st.days
          .map(
            (d) =>
              `<li><a href="${q(`&day=${d.day}`)}" data-day="${d.day}"${d.day === st.day ? ' aria-current="date"' : ''}>${formatDate(d.day)}</a></li>`,
          )
          .join('')}</ul>`;
  const v = st.values;
  const slots =
    st.slots.length === 0
      ? `<p>${w.noTimes}</p>`
      : `<div class="slots">${st.slots
          .map(
            (s, i) =>
              `<div class="slot"><label for="slot-${i}"><input type="radio" id="slot-${i}" name="slotStart" value="${s.start}" required${v.slotStart === s.start ? ' checked' : ''}><span>${s.start.slice(11, 16)}</span></label></div>`,
          )
          .join('')}</div>`;
  const error = st.error
    ? `<div class="error" role="alert" id="form-error"><h2>${w.errorTitle}</h2><p>${esc(st.error)}</p></div>`
    : '';
  const val = (x?: string) => (x ? ` value="${esc(x)}"` : '');
  const form = `<form method="post" action="${esc(`${base}?lang=${lang}`)}"${st.error ? ' aria-describedby="form-error"' : ''}>
<input type="hidden" name="service" value="${esc(st.service)}"><input type="hidden" name="lang" value="${lang}">
<fieldset><legend>${fill(w.pickTime, { day: formatDate(st.day) })}</legend>${slots}</fieldset>
<fieldset><legend>${w.you}</legend>
<label class="field" for="name">${w.name}</label><input type="text" id="name" name="name" autocomplete="name" required maxlength="100"${val(v.name)}>
<label class="field" for="cf">${w.cf}</label><p class="hint" id="cf-hint">${w.cfHint}</p><input type="text" id="cf" name="cf" aria-describedby="cf-hint" autocapitalize="characters" autocomplete="off" spellcheck="false" required maxlength="20"${val(v.cf)}>
</fieldset>
<fieldset><legend>${w.contact}</legend>
<label class="field" for="email">${w.email}</label><input type="email" id="email" name="email" autocomplete="email" maxlength="254"${val(v.email)}>
<label class="field" for="phone">${w.phone}</label><input type="tel" id="phone" name="phone" autocomplete="tel" maxlength="20"${val(v.phone)}>
</fieldset>
<button type="submit">${w.submit}</button></form>`;
  return page(
    {
      lang,
      title: w.title,
      plan,
      nonce,
      otherLangHref: `${base}?lang=${other(lang)}&service=${st.service}&day=${st.day}`,
    },
    `<h1>${w.title}: ${esc(service?.label[lang] ?? st.service)}</h1><p><a href="${esc(`${base}?lang=${lang}`)}">${w.back}</a></p>${error}<h2>${w.pickDay}</h2>${days}${st.slots.length > 0 || st.error ? form : ''}`,
  );
}

export function donePage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  b: { code: string; service: string; slotStart: string; status: 'booked' | 'confirmed'; qrSvg: string },
): string {
  const w = W[lang];
  const service = plan.services.find((s) => s.key === b.service);
  const bring = (service?.bring[lang] ?? []).map((x) => `<li>${esc(x)}</li>`).join('');
  return page(
    { lang, title: w.doneTitle, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${w.doneTitle}</h1><div class="ok" role="status"><p>${w.code}:</p><p class="code" data-booking-code>${esc(b.code)}</p></div>
<dl><dt>${w.service}</dt><dd>${esc(service?.label[lang] ?? b.service)}</dd><dt>${w.when}</dt><dd data-slot="${b.slotStart}">${whenOf(b.slotStart, lang)}</dd></dl>
<figure class="qr" role="img" aria-label="${w.qr}">${b.qrSvg}<figcaption>${w.qr}</figcaption></figure>
<h2>${w.bring}</h2><ul>${bring}</ul><p>${w.sent}</p>${b.status === 'booked' ? `<p>${w.toConfirm}</p>` : ''}`,
  );
}

export function confirmedPage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  code: string,
  slotStart: string,
): string {
  const w = W[lang];
  return page(
    { lang, title: w.confirmedTitle, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${w.confirmedTitle}</h1><p class="ok" role="status">${esc(fill(w.confirmedText, { code, when: whenOf(slotStart, lang) }))}</p>`,
  );
}

export function messagePage(
  plan: OfficePlan,
  base: string,
  lang: Locale,
  nonce: string,
  title: string,
  message: string,
): string {
  return page(
    { lang, title, plan, nonce, otherLangHref: `${base}?lang=${other(lang)}` },
    `<h1>${esc(title)}</h1><p class="error" role="alert">${esc(message)}</p>`,
  );
}
