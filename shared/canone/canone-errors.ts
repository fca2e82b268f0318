import { PARTITA_IVA_MESSAGES } from '../codice-fiscale/partita-iva';
import type { Locale } from '../i18n/locale';
import { CANONE_RULE_MESSAGES } from './problems';

/**
 * Why a canone application, decision or run was refused, in words a clerk can read out. Codes
 * are stable API: the pure rules' (shared/canone/problems.ts `CANONE_RULE_CODES`, the VAT
 * number check of shared/codice-fiscale/partita-iva.ts) and the service's own. `{param}`
 * placeholders are filled by AppError. Merged into ERROR_MESSAGES through service.ts.
 */
export const CANONE_ERROR_MESSAGES = {
  // the pure rules (fee.ts, tariffs.ts, zones.ts) and the VAT number check, in their own words
  ...CANONE_RULE_MESSAGES,
  ...PARTITA_IVA_MESSAGES,
  // the service's own (desk and hub)
  canone_codice_fiscale_invalid: {
    it: 'Codice fiscale del richiedente non valido («{value}»).',
    en: 'The applicant’s tax code is not valid (“{value}”).',
  },
  canone_street_unknown: {
    it: '«{street}» non è una via del comune {comune}: scegliere la via dallo stradario.',
    en: '“{street}” is not a street of comune {comune}: pick the street from the street list.',
  },
  canone_spot_full: {
    it: 'Il posto in {street} {civic} è già occupato per {bookedM2} m² su {capacityM2} dal {from} al {to}: non c’è spazio per altri {measure} m².',
    en: 'The spot at {street} {civic} already has {bookedM2} m² of {capacityM2} booked from {from} to {to}: there is no room for {measure} more m².',
  },
  canone_procedure_mismatch: {
    it: 'La pratica «{procedure}» non corrisponde al tipo «{category}»: le insegne e i cartelli sono esposizione pubblicitaria, il resto occupazione di suolo pubblico.',
    en: 'Case type “{procedure}” does not match “{category}”: signs and boards are advertising, the rest is public land occupation.',
  },
  canone_own_sign_not_advertising: {
    it: 'L’esenzione dell’insegna di esercizio vale solo per insegne e mezzi pubblicitari, non per «{category}».',
    en: 'The own-sign exemption applies to signs and advertising media only, not to “{category}”.',
  },
  canone_application_unknown: {
    it: 'Domanda di concessione non trovata ({id}): aggiornare i dati dello sportello e riprovare.',
    en: 'Concession application not found ({id}): sync the counter and try again.',
  },
  canone_not_revocable: {
    it: 'La concessione non si può revocare: la domanda è {status}.',
    en: 'The concession cannot be revoked: the application is {status}.',
  },
  canone_revoke_date_invalid: {
    it: 'Data di fine non valida ({endsOn}): non prima dell’inizio ({start}) e non oltre la scadenza ({end}).',
    en: 'Invalid end date ({endsOn}): not before the start ({start}) nor after the term ({end}).',
  },
  canone_case_not_for_application: {
    it: 'La pratica {caseId} non ha una domanda di concessione collegata.',
    en: 'Case {caseId} has no concession application attached.',
  },
  canone_yearly_year_invalid: {
    it: 'Anno non valido per l’emissione annuale: {year} (ammessi dal {min} al {max}).',
    en: 'Invalid year for the yearly run: {year} (from {min} to {max}).',
  },
  canone_yearly_running: {
    it: 'L’emissione annuale del comune {comune} è già in corso: attendere che finisca.',
    en: 'The yearly run of comune {comune} is already in progress: wait for it to finish.',
  },
  canone_concession_unknown: {
    it: 'Concessione non trovata: numero o codice di verifica errati.',
    en: 'Concession not found: wrong number or verification key.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type CanoneErrorCode = keyof typeof CANONE_ERROR_MESSAGES;
