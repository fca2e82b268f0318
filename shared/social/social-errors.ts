/**
 * Why a social filing, an import or a read was refused, in words the social worker can read to
 * the family. Codes are stable API; `{param}` placeholders are filled by AppError. Merged into
 * ERROR_MESSAGES through the service declaration.
 */
export const SOCIAL_ERROR_MESSAGES = {
  social_office_only: {
    it: 'I dati dei servizi sociali sono riservati all’ufficio servizi sociali: il suo profilo non vi appartiene.',
    en: 'Social-services data are reserved to the social-services office: your account is not part of it.',
  },
  social_workstation_outside_office: {
    it: 'Questa postazione non è dell’ufficio servizi sociali: le pratiche sociali si trattano solo dalle sue postazioni.',
    en: 'This workstation is not one of the social-services office’s: social files are handled only at its workstations.',
  },
  social_supervisors_only: {
    it: 'La lista d’attesa dell’assistenza domiciliare è visibile solo ai responsabili dell’ufficio servizi sociali.',
    en: 'The home-care waiting list is shown only to the supervisors of the social-services office.',
  },
  social_not_found: {
    it: 'Pratica sociale non trovata ({id}).',
    en: 'Social-services record not found ({id}).',
  },
  social_already_filed: {
    it: 'La domanda {id} è già registrata.',
    en: 'Application {id} is already recorded.',
  },
  social_beneficiary_unknown: {
    it: 'Il beneficiario non è un residente del comune in anagrafe.',
    en: 'The beneficiary is not a resident of the comune in the registry.',
  },
  social_decree_missing: {
    it: 'Per un {role_it} serve il riferimento del decreto di nomina del tribunale.',
    en: 'A {role_en} needs the reference of the court’s appointing decree.',
  },
  social_requester_missing: {
    it: 'Dati del richiedente mancanti: {field_it}.',
    en: 'Requester’s data missing: {field_en}.',
  },
  social_iban_invalid: {
    it: 'IBAN «{iban}» non valido: {detail_it}.',
    en: 'IBAN “{iban}” is not valid: {detail_en}.',
  },
  social_isee_invalid: {
    it: 'Valore ISEE non valido: {detail_it}.',
    en: 'Invalid ISEE value: {detail_en}.',
  },
  social_amount_invalid: {
    it: 'Importo non valido: {detail_it}.',
    en: 'Invalid amount: {detail_en}.',
  },
  social_period_invalid: {
    it: 'Periodo non valido: {detail_it}.',
    en: 'Invalid period: {detail_en}.',
  },
  social_step_invalid: {
    it: 'Passo non possibile: la pratica è «{status_it}» ({detail_it}).',
    en: 'Step not possible: the record is “{status_en}” ({detail_en}).',
  },
  sad_hours_zero: {
    it: 'Il piano di assistenza (PAI) deve prevedere almeno un’ora settimanale (indicate: {hours}).',
    en: 'The care plan (PAI) needs at least one hour a week (given: {hours}).',
  },
  sad_operators_invalid: {
    it: 'Numero di operatori non valido ({operators}): da 1 a 3.',
    en: 'Invalid number of operators ({operators}): 1 to 3.',
  },
  sad_tasks_missing: {
    it: 'Il piano di assistenza deve indicare almeno una prestazione.',
    en: 'The care plan needs at least one task.',
  },
  social_rate_mismatch: {
    it: 'Tariffa oraria diversa da quella dovuta: indicata {claimed}, dovuta {due}.',
    en: 'Hourly rate differs from the rate due: given {claimed}, due {due}.',
  },
  social_tariff_missing: {
    it: 'Nessuna tariffa SAD in vigore il {day} per il comune.',
    en: 'No SAD tariff in force on {day} for the comune.',
  },
  social_month_invalid: {
    it: 'Mese non valido ({month}): {detail_it}.',
    en: 'Invalid month ({month}): {detail_en}.',
  },
  social_import_invalid: {
    it: 'File delle ore non leggibile: {detail_it}.',
    en: 'Hours file not readable: {detail_en}.',
  },
  sad_hours_line_invalid: {
    it: 'Riga {line}: {reason_it}.',
    en: 'Line {line}: {reason_en}.',
  },
  social_case_mismatch: {
    it: 'La pratica allegata non corrisponde alla domanda ({detail}).',
    en: 'The attached case does not match the application ({detail}).',
  },
} as const;

export type SocialErrorCode = keyof typeof SOCIAL_ERROR_MESSAGES;
