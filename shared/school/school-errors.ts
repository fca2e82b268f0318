import type { Locale } from '../i18n/locale';
import { ISEE_RULE_MESSAGES } from '../isee/problems';
import { SCHOOL_AGE_MESSAGES } from './school-age';

/**
 * Why an enrolment, an absence, an ISEE change, an attendance import or a billing run was refused,
 * in words a clerk can read out. Codes are stable API. The ISEE engine's codes (shared/isee,
 * `ISEE_RULE_MESSAGES`) and `school_age_invalid` (shared/school/school-age.ts) are spread here
 * are spread here. `{param}` placeholders are filled by AppError.
 */
export const SCHOOL_OWN_ERROR_MESSAGES = {
  school_codice_fiscale_invalid: {
    it: 'Codice fiscale non valido («{value}»).',
    en: 'The tax code is not valid (“{value}”).',
  },
  school_resident_unknown: {
    it: 'La persona {residentId} non è nell’anagrafe del comune: inserirla a mano come non residente.',
    en: 'Person {residentId} is not in the comune’s registry: enter them by hand as non-resident.',
  },
  school_year_not_open: {
    it: 'Le iscrizioni per l’anno scolastico {schoolYear} non sono aperte.',
    en: 'Enrolment for school year {schoolYear} is not open.',
  },
  school_month_outside_year: {
    it: 'Il mese {month} non è nell’anno scolastico {schoolYear} (da settembre a giugno).',
    en: 'Month {month} is not in school year {schoolYear} (September to June).',
  },
  school_unknown_school: {
    it: 'La scuola {code} non è tra le scuole del comune per il servizio scelto.',
    en: 'School {code} is not one of the comune’s schools for the chosen service.',
  },
  school_unknown_stop: {
    it: 'La fermata {stop} non è sulla linea {route}.',
    en: 'Stop {stop} is not on route {route}.',
  },
  school_already_enrolled: {
    it: '{child} è già iscritto/a al servizio {service} per l’anno {schoolYear}.',
    en: '{child} is already enrolled in {service} for {schoolYear}.',
  },
  school_no_tariff: {
    it: 'Nessuna tariffa {service} in vigore per il comune {comune} il {day}.',
    en: 'No {service} tariff in force for comune {comune} on {day}.',
  },
  school_enrolment_unknown: {
    it: 'Iscrizione non trovata ({id}): aggiornare i dati dello sportello e riprovare.',
    en: 'Enrolment not found ({id}): sync the counter and try again.',
  },
  school_not_canteen: {
    it: 'Le assenze si segnano solo per la mensa.',
    en: 'Absences are marked for the canteen only.',
  },
  school_not_a_school_day: {
    it: 'Il {day} non è un giorno di scuola ({why}).',
    en: '{day} is not a school day ({why}).',
  },
  school_day_outside_enrolment: {
    it: 'Il {day} è fuori dal periodo dell’iscrizione (dal {from}).',
    en: '{day} is outside the enrolment (from {from}).',
  },
  school_withdraw_month_invalid: {
    it: 'Il ritiro dal {month} non è possibile: l’iscrizione inizia a {start}.',
    en: 'Withdrawal from {month} is not possible: the enrolment starts in {start}.',
  },
  school_already_withdrawn: {
    it: 'L’iscrizione è già stata ritirata dal {month}.',
    en: 'The enrolment was already withdrawn from {month}.',
  },
  school_payer_unknown: {
    it: 'Nessuna iscrizione ha come pagante {codiceFiscale}: iscrivere prima un figlio.',
    en: 'No enrolment has {codiceFiscale} as payer: enrol a child first.',
  },
  school_month_invalid: {
    it: 'Mese non valido per la fatturazione: {month} (non prima del {min}, non oltre il mese in corso).',
    en: 'Invalid month for billing: {month} (not before {min}, not after the current month).',
  },
  school_billing_running: {
    it: 'La fatturazione del comune {comune} è già in corso: attendere che finisca.',
    en: 'The billing run of comune {comune} is already in progress: wait for it to finish.',
  },
  school_attendance_bad_row: {
    it: 'Riga non valida: attesi giorno (AAAA-MM-GG o GG/MM/AAAA), codice fiscale e numero di pasti (0–3), separati da «;».',
    en: 'Invalid row: expected day (YYYY-MM-DD or DD/MM/YYYY), tax code and number of meals (0–3), separated by “;”.',
  },
  school_attendance_unknown_child: {
    it: 'Il codice fiscale {codiceFiscale} non è di un bambino iscritto alla mensa di questa scuola il {day}.',
    en: 'Tax code {codiceFiscale} is not a child enrolled in this school’s canteen on {day}.',
  },
  school_attendance_duplicate: {
    it: 'Il bambino {codiceFiscale} compare due volte per il {day}: vale la prima riga.',
    en: 'Child {codiceFiscale} appears twice for {day}: the first row counts.',
  },
  school_attendance_too_large: {
    it: 'Il file delle presenze è troppo grande ({lines} righe, al massimo {max}).',
    en: 'The attendance file is too large ({lines} rows, at most {max}).',
  },
  school_attendance_empty: {
    it: 'Il file delle presenze è vuoto o senza intestazione «giorno;codice fiscale;pasti».',
    en: 'The attendance file is empty or lacks the header “day;tax code;meals”.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export const SCHOOL_ERROR_MESSAGES = {
  // the ISEE statement and tariff engine's codes (shared/isee/problems.ts), in their own words
  ...ISEE_RULE_MESSAGES,
  // school age by level (school-age.ts)
  ...SCHOOL_AGE_MESSAGES,
  ...SCHOOL_OWN_ERROR_MESSAGES,
} as const satisfies Record<string, Record<Locale, string>>;

export type SchoolErrorCode = keyof typeof SCHOOL_ERROR_MESSAGES;
