import type { Locale } from '../i18n/locale';

/** Error wording: What the hub recomputes and refuses: amounts, till sessions, certificates. Merged by errorMessages() (error-messages.ts). */
export const TRUST_ERROR_MESSAGES = {
  closing_totals_mismatch: {
    it: 'Chiusura della cassa {id} non accettata: contante atteso dichiarato {claimed}, ma i movimenti registrati in centrale danno {expected}.',
    en: 'Closing of till {id} not accepted: expected cash reported {claimed}, but the entries the hub recorded add up to {expected}.',
  },
  certificate_id_unkeyed: {
    it: 'Il certificato {id} non ha la chiave casuale richiesta per la verifica pubblica: aggiornare la postazione.',
    en: 'Certificate {id} lacks the random key public verification requires: update the workstation.',
  },
  payment_amount_mismatch: {
    it: 'Importo non corrispondente per {debt}: incassati {amount}, dovuti {due} alla data del pagamento ({date}).',
    en: 'Amount does not match for {debt}: {amount} taken, {due} due on the payment date ({date}).',
  },
  payment_not_payable: {
    it: '{debt} non era pagabile allo sportello il {date}: {detail}',
    en: '{debt} could not be paid at the counter on {date}: {detail}',
  },
  payment_refused: {
    it: 'Pagamento di {debt} non accettato: {detail}',
    en: 'Payment of {debt} not accepted: {detail}',
  },
  payment_date_invalid: {
    it: 'Data del pagamento {paidAt} non valida: deve cadere nel giorno della cassa ({businessDate}) e non nel futuro.',
    en: 'Payment date {paidAt} not valid: it must fall on the till day ({businessDate}) and not in the future.',
  },
  till_session_unknown: {
    it: 'Cassa {id} sconosciuta alla centrale: il pagamento non è stato registrato.',
    en: 'Till session {id} is unknown to the hub: the payment was not recorded.',
  },
  till_session_closed: {
    it: 'La cassa {id} è già chiusa: nessun movimento può esservi aggiunto.',
    en: 'Till session {id} is already closed: no entry can be added to it.',
  },
  till_session_other_workstation: {
    it: 'La cassa {id} appartiene a un’altra postazione.',
    en: 'Till session {id} belongs to another workstation.',
  },
  till_session_exists: {
    it: 'La cassa {id} esiste già.',
    en: 'Till session {id} already exists.',
  },
  certificate_fee_mismatch: {
    it: 'Diritti di segreteria del certificato {id} non corrispondenti: indicati {amount}, dovuti {due}.',
    en: 'Secretarial fees of certificate {id} do not match: {amount} given, {due} due.',
  },
  certificate_fee_not_in_till: {
    it: 'I diritti del certificato {id} non risultano in nessuna cassa: aprire la cassa e rilasciarlo di nuovo.',
    en: 'The fees of certificate {id} are in no till: open the till and issue it again.',
  },
  certificate_not_verifiable: {
    it: 'Certificato {id} registrato ma non verificabile: {detail}.',
    en: 'Certificate {id} recorded but not verifiable: {detail}.',
  },
  verification_rate_limited: {
    it: 'Troppe verifiche da questo indirizzo: riprovare tra {seconds} secondi.',
    en: 'Too many verifications from this address: try again in {seconds} seconds.',
  },
} as const satisfies Record<string, Record<Locale, string>>;
