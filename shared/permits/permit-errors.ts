import { isIsoDate } from '../calendar/iso-date';
import { formatDate } from '../i18n/registry-labels';
import { interpolate, type Locale } from '../i18n/locale';
import { isLocalDateTime } from '../protocol/local-date-time';
import type { PermitRefusal } from './eligibility';
import { isPermitKind, PERMIT_KIND_LABELS } from './permit-kinds';
import { PERMIT_UI, type PermitUiKey } from './permit-ui';

/**
 * Why a permit was refused, in words a clerk can read out to the citizen. Codes are stable API
 * (eligibility.ts, validity.ts, fees.ts); `{param}` placeholders are filled by
 * `permitRefusalMessage`, which writes dates as dd/mm/yyyy. Merged later into ERROR_MESSAGES.
 */
export const PERMIT_ERROR_MESSAGES = {
  permit_household_exists: {
    it: 'C’è già un permesso ZTL in questa famiglia: {plate} fino al {until} (n. {number}). Se ne rilascia uno solo per famiglia.',
    en: 'There is already one ZTL permit in this household: {plate} until {until} (no. {number}). Only one is issued per household.',
  },
  permit_not_resident_in_zone: {
    it: 'L’indirizzo ({street}) non è nella zona richiesta ({zone}): il permesso spetta a chi abita nella zona.',
    en: 'The address ({street}) is not in the zone asked for ({zone}): the permit is for people living in the zone.',
  },
  permit_private_parking: {
    it: 'Il richiedente dispone di box, posto auto o cortile privato: questo permesso spetta solo a chi non ne ha.',
    en: 'The applicant has a private garage, parking space or courtyard: this permit is only for those who have none.',
  },
  permit_retroactive: {
    it: 'Il permesso non può iniziare nel passato ({start}): non si rilasciano permessi retroattivi.',
    en: 'The permit cannot start in the past ({start}): permits are never retroactive.',
  },
  permit_too_far_ahead: {
    it: 'Inizio troppo lontano ({start}): al massimo {max} giorni da oggi, cioè entro il {latest}.',
    en: 'Start too far ahead ({start}): at most {max} days from today, that is by {latest}.',
  },
  permit_cude_too_many_plates: {
    it: 'Il contrassegno disabili può avere al massimo {max} targhe; ne sono state indicate {count}.',
    en: 'A disabled parking card can have at most {max} plates; {count} were given.',
  },
  permit_too_many_plates: {
    it: 'Questo permesso vale per {max} targa: ne sono state indicate {count}. Serve un permesso per ogni veicolo.',
    en: 'This permit is for {max} plate: {count} were given. Each vehicle needs its own permit.',
  },
  permit_overlap: {
    it: 'La targa {plate} ha già un permesso dello stesso tipo valido dal {from} al {until} (n. {number}).',
    en: 'Plate {plate} already has a permit of the same type valid from {from} to {until} (no. {number}).',
  },
  permit_revoked_not_renewable: {
    it: 'Il permesso n. {number} è stato revocato: non si può rinnovare. Occorre una nuova domanda.',
    en: 'Permit no. {number} was revoked: it cannot be renewed. A new application is needed.',
  },
  permit_kind_unknown: {
    it: 'Tipo di permesso «{kind}» non previsto da questo comune alla data di oggi.',
    en: 'Permit type “{kind}” is not issued by this comune as of today.',
  },
  permit_holder_not_head: {
    it: 'Il permesso residenti ZTL si intesta al capofamiglia (intestatario della scheda di famiglia).',
    en: 'The ZTL residents permit is issued in the name of the head of household.',
  },
  permit_household_cap: {
    it: 'La famiglia ha già {count} permessi di sosta residenti: il massimo è {cap}.',
    en: 'The household already has {count} resident parking permits: the maximum is {cap}.',
  },
  permit_end_required: {
    it: 'Indicare la data di fine della condizione certificata (non prima dell’inizio, {start}).',
    en: 'Give the end date of the certified condition (not before the start, {start}).',
  },
  permit_requirement_missing: {
    it: 'Requisito mancante: {requirement}.',
    en: 'Missing requirement: {requirement}.',
  },
  plate_invalid: {
    it: 'Targa «{plate}» non valida per la nazione {country}.',
    en: 'Plate “{plate}” is not valid for country {country}.',
  },
  invalid_start: {
    it: 'Data o ora di inizio non valida: «{start}».',
    en: 'Invalid start date or time: “{start}”.',
  },
  // the counter's own (electron/desk/permits)
  permit_not_found: {
    it: 'Permesso non trovato ({id}): aggiornare i dati dello sportello e riprovare.',
    en: 'Permit not found ({id}): sync the counter and try again.',
  },
  permit_not_in_force: {
    it: 'Il permesso n. {number} non è più in vigore (scaduto o sostituito da un duplicato).',
    en: 'Permit no. {number} is no longer in force (expired or replaced by a duplicate).',
  },
  permit_already_revoked: {
    it: 'Il permesso n. {number} è già revocato.',
    en: 'Permit no. {number} is already revoked.',
  },
  // the hub's, when what a counter sent does not match the hub's own data and rules
  permit_fee_mismatch: {
    it: 'Tariffa del permesso {number} non corretta: incassati {amount}, dovuti {due} al {date}. Il permesso non è stato registrato.',
    en: 'Wrong fee for permit {number}: {amount} taken, {due} due on {date}. The permit was not recorded.',
  },
  permit_payment_unseen: {
    it: 'Pagamento del permesso {number} non riscontrabile: la tariffa si incassa in contanti nella cassa di questa postazione o con un avviso pagoPA. Il permesso non è stato registrato.',
    en: 'Payment for permit {number} cannot be traced: the fee is taken in cash into this workstation’s till or by a pagoPA notice. The permit was not recorded.',
  },
  permit_validity_mismatch: {
    it: 'Validità del permesso non corretta ({field}): indicato {claimed}, secondo le regole {due}.',
    en: 'Wrong permit validity ({field}): {claimed} given, {due} by the rules.',
  },
  permit_series_mismatch: {
    it: 'Il numero {number} non appartiene alla serie di questa postazione ({series}).',
    en: 'Number {number} is not in this workstation’s series ({series}).',
  },
  permit_transit_not_found: {
    it: 'Transito {id} non trovato in questo comune.',
    en: 'Transit {id} not found in this comune.',
  },
  permit_transit_decided: {
    it: 'Il transito {id} è già stato esaminato ({status}).',
    en: 'Transit {id} has already been reviewed ({status}).',
  },
  permit_pagopa_unavailable: {
    it: 'Non si può generare l’avviso pagoPA per il permesso {number} da questa postazione: incassare in contanti o chiedere all’ufficio tributi.',
    en: 'No pagoPA notice can be generated for permit {number} at this workstation: take cash, or ask the tax office.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PermitErrorCode = keyof typeof PERMIT_ERROR_MESSAGES;

/** A param as the message shows it: dates dd/mm/yyyy, kinds and requirements in words. */
function shown(key: string, value: string | number, locale: Locale): string | number {
  if (typeof value === 'number') return value;
  if (key === 'kind' && isPermitKind(value)) return PERMIT_KIND_LABELS[value][locale];
  if (key === 'requirement') {
    const label = `permit.requirement.${value}`;
    return label in PERMIT_UI[locale] ? PERMIT_UI[locale][label as PermitUiKey] : value;
  }
  // IsoDate and LocalDateTime are both `string`: a failed guard on `value` would narrow it to
  // never, so the first guard runs on a copy
  const text: string = value;
  if (isIsoDate(text)) return formatDate(text);
  if (isLocalDateTime(value)) return `${formatDate(value.slice(0, 10))} ${value.slice(11, 16)}`;
  return value;
}

/** The message of a refusal (or any permit error with params) in `locale`. */
export function permitRefusalMessage(
  refusal: { code: PermitErrorCode | PermitRefusal['code']; params: Record<string, string | number> },
  locale: Locale,
): string {
  const params = Object.fromEntries(Object.entries(refusal.params).map(([k, v]) => [k, shown(k, v, locale)]));
  return interpolate(PERMIT_ERROR_MESSAGES[refusal.code][locale], params);
}
