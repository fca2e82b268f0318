import type { Locale } from '../i18n/locale';
import { serviceErrors, type ServicePart } from '../services/registered';
import { WIRE_ERROR_MESSAGES } from './wire-errors';
import { HTTP_ERROR_MESSAGES } from './http-errors';
import { LOGIN_ERROR_MESSAGES } from './login-errors';
import { AUDIT_ERROR_MESSAGES } from './audit-errors';
import { TRUST_ERROR_MESSAGES } from './trust-errors';
import { IDENTITY_ERROR_MESSAGES } from './identity-errors';
import { DESK_SECURITY_ERROR_MESSAGES } from './desk-security-errors';
import { OPS_ERROR_MESSAGES } from './ops-errors';

/**
 * Every error a user can meet, with its wording in each language. Codes are stable API:
 * the renderer and tests match on them, never on the text.
 */
const CORE_ERROR_MESSAGES = {
  invalid_input: {
    it: 'Dati non validi: {detail}',
    en: 'Invalid data: {detail}',
  },
  unknown_call: {
    it: 'Operazione sconosciuta: {call}',
    en: 'Unknown operation: {call}',
  },
  unauthorized_sender: {
    it: 'Richiesta rifiutata: provenienza non autorizzata.',
    en: 'Request refused: unauthorised origin.',
  },
  not_logged_in: {
    it: 'Accesso richiesto: effettuare il login.',
    en: 'Please log in first.',
  },
  session_expired: {
    it: 'Sessione scaduta per inattività ({minutes} minuti). Accedere di nuovo.',
    en: 'Session expired after {minutes} minutes of inactivity. Please log in again.',
  },
  wrong_credentials: {
    it: 'Nome utente o password errati. Tentativi rimasti prima del blocco: {remaining}.',
    en: 'Wrong username or password. Attempts left before lockout: {remaining}.',
  },
  account_locked: {
    it: "Account bloccato per troppi tentativi errati. Riprovare dopo le {until} o rivolgersi all'amministratore.",
    en: 'Account locked after too many failed attempts. Try again after {until} or contact the administrator.',
  },
  account_disabled: {
    it: "Account disabilitato. Rivolgersi all'amministratore.",
    en: 'Account disabled. Contact the administrator.',
  },
  wrong_comune: {
    it: 'Questo utente non appartiene al comune di questa postazione ({comune}).',
    en: 'This user does not belong to the comune of this workstation ({comune}).',
  },
  workstation_unknown: {
    it: 'Postazione non registrata presso il server centrale.',
    en: 'Workstation not enrolled with the central hub.',
  },
  hub_unreachable: {
    it: 'Il server centrale non risponde. Verificare la rete e riprovare.',
    en: 'The central hub is not responding. Check the network and try again.',
  },
  hub_error: {
    it: 'Il server centrale ha risposto con un errore ({status}).',
    en: 'The central hub answered with an error ({status}).',
  },
  registry_not_ready: {
    it: "L'anagrafe locale non è ancora stata scaricata dal server centrale.",
    en: 'The local registry has not been downloaded from the hub yet.',
  },
  resident_not_found: {
    it: 'Scheda anagrafica non trovata.',
    en: 'Registry record not found.',
  },
  workstation_revoked: {
    it: 'Questa postazione è stata revocata dal server centrale: i dati personali locali sono stati cancellati. Rivolgersi ai Servizi Informatici.',
    en: 'This workstation was revoked by the central hub: local personal data has been wiped. Contact IT.',
  },
  update_required: {
    it: 'Questa versione di Sportello è troppo vecchia per il server centrale: aggiornare la postazione.',
    en: 'This version of Sportello is too old for the central hub: update the workstation.',
  },
  rebootstrap_required: {
    it: "Il server centrale ha cambiato formato dei dati: l'anagrafe locale viene scaricata di nuovo.",
    en: 'The hub changed its data format: the local registry is being downloaded again.',
  },
  enrolment_code_invalid: {
    it: 'Codice di registrazione non valido, scaduto o già usato.',
    en: 'Enrolment code invalid, expired or already used.',
  },
  already_enrolled: {
    it: 'Questa postazione è già registrata ({workstation}).',
    en: 'This workstation is already enrolled ({workstation}).',
  },
  not_enrolled: {
    it: 'Postazione non ancora registrata: inserire indirizzo del server e codice di registrazione.',
    en: 'Workstation not enrolled yet: enter the hub address and the enrolment code.',
  },
  mutation_unknown: {
    it: 'Operazione non riconosciuta dal server centrale ({name}).',
    en: 'Operation not recognised by the hub ({name}).',
  },
  resident_not_current: {
    it: 'La scheda non è più di un residente ({status}): modifica non applicata.',
    en: 'The record is no longer a current resident ({status}): change not applied.',
  },
  clerk_unknown: {
    it: 'Operatore sconosciuto o disabilitato per questo comune ({clerk}).',
    en: 'Clerk unknown or disabled for this comune ({clerk}).',
  },
  offline_login_unavailable: {
    it: 'Server centrale non raggiungibile e nessun accesso recente di questo operatore su questa postazione: impossibile accedere fuori linea.',
    en: 'Hub unreachable and no recent login of this clerk on this workstation: offline login is not possible.',
  },
  certificate_refused: {
    it: 'Certificato non rilasciabile: {detail}',
    en: 'Certificate cannot be issued: {detail}',
  },
  certificate_not_found: {
    it: 'Certificato {id} non trovato.',
    en: 'Certificate {id} not found.',
  },
  certificate_already_revoked: {
    it: 'Il certificato {id} è già stato revocato.',
    en: 'Certificate {id} has already been revoked.',
  },
  certificate_pdf_elsewhere: {
    it: 'Il documento del certificato {id} è conservato sulla postazione che lo ha emesso.',
    en: 'The document of certificate {id} is kept on the workstation that issued it.',
  },
  certificate_series_mismatch: {
    it: 'Il numero {id} non appartiene alla serie di questa postazione ({series}).',
    en: "Number {id} is not of this workstation's series ({series}).",
  },
  marca_already_used: {
    it: 'La marca da bollo n. {marcaId} è già stata usata per il certificato {id}: una marca vale per un solo certificato.',
    en: 'Revenue stamp no. {marcaId} was already used for certificate {id}: one stamp, one certificate.',
  },
  series_missing: {
    it: 'Questa postazione non ha ancora una serie di numerazione: accedere una volta con il server centrale raggiungibile.',
    en: 'This workstation has no numbering series yet: log in once while the hub is reachable.',
  },
  declaration_refused: {
    it: 'Dichiarazione non compilabile: {detail}',
    en: 'Declaration cannot be prepared: {detail}',
  },
  declaration_not_found: {
    it: 'Dichiarazione {id} non trovata.',
    en: 'Declaration {id} not found.',
  },
  debt_not_found: {
    it: 'Nessun verbale o avviso «{key}» per questo comune.',
    en: 'No fine or notice “{key}” for this comune.',
  },
  payment_not_found: {
    it: 'Pagamento {id} non trovato.',
    en: 'Payment {id} not found.',
  },
  reversal_exceeds_payment: {
    it: 'Lo storno supera quanto resta del pagamento {receipt}.',
    en: 'The reversal exceeds what is left of payment {receipt}.',
  },
  session_not_open: {
    it: 'Nessuna cassa aperta ({id}): aprire la giornata prima di incassare.',
    en: 'No open till ({id}): open the day before taking payments.',
  },
  cashdesk_refused: {
    it: 'Operazione di cassa non eseguita: {detail}',
    en: 'Cash desk operation not done: {detail}',
  },
  notice_paid: {
    it: "L'avviso {notice} risulta già pagato (ricevuta {receipt}).",
    en: 'Notice {notice} is already paid (receipt {receipt}).',
  },
  notice_expired: {
    it: "L'avviso {notice} è scaduto il {date}: rivolgersi all'ufficio tributi per l'importo aggiornato.",
    en: 'Notice {notice} expired on {date}: the tax office gives the updated amount.',
  },
  fine_paid: {
    it: 'Il verbale {key} risulta già pagato (ricevuta {receipt}).',
    en: 'Fine {key} is already paid (receipt {receipt}).',
  },
  fine_not_payable: {
    it: 'Il verbale {key} non è pagabile allo sportello: {detail}',
    en: 'Fine {key} cannot be paid at the counter: {detail}',
  },
  approver_invalid: {
    it: "Approvazione non valida: serve un responsabile diverso dall'operatore, con la sua password.",
    en: 'Approval not valid: a supervisor other than the clerk must enter their password.',
  },
  ...WIRE_ERROR_MESSAGES,
  ...HTTP_ERROR_MESSAGES,
  ...LOGIN_ERROR_MESSAGES,
  ...AUDIT_ERROR_MESSAGES,
  ...TRUST_ERROR_MESSAGES,
  ...IDENTITY_ERROR_MESSAGES,
  ...DESK_SECURITY_ERROR_MESSAGES,
  ...OPS_ERROR_MESSAGES,
  internal: {
    it: "Errore interno. L'operazione non è stata eseguita; riprovare o contattare l'assistenza.",
    en: 'Internal error. Nothing was changed; try again or contact support.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

type ErrorMessages = typeof CORE_ERROR_MESSAGES & ServicePart<'errors'>;
export type ErrorCode = keyof ErrorMessages & string;

let merged: Record<ErrorCode, Record<Locale, string>> | null = null;

/**
 * The core's wording and each registered service's. Merged on first use, not at load: the
 * services' modules may themselves raise errors, and this module must not need them loaded first.
 */
export function errorMessages(): Record<ErrorCode, Record<Locale, string>> {
  merged ??= { ...CORE_ERROR_MESSAGES, ...serviceErrors() } as Record<ErrorCode, Record<Locale, string>>;
  return merged;
}
