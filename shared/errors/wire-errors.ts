import type { Locale } from '../i18n/locale';

/** Error wording: Sync wire contract, quarantine of records a desk cannot read, version skew. Merged by errorMessages() (error-messages.ts). */
export const WIRE_ERROR_MESSAGES = {
  change_kind_unknown: {
    it: 'Questo sportello non conosce ancora questo tipo di dato ({entity}): sarà applicato dopo l’aggiornamento del programma.',
    en: 'This counter does not know this kind of record yet ({entity}): it will be applied after the program is updated.',
  },
  change_unreadable: {
    it: 'Dato ricevuto dal server non leggibile da questo sportello: messo da parte e segnalato all’assistenza; tutto il resto è stato aggiornato.',
    en: 'A record from the server this counter cannot read: set aside and reported to support; everything else was updated.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
