import { ACTOR_ROLE_LABELS, type ActorRole } from '../cases/case-model';
import { interpolate, type Locale } from '../i18n/locale';
import { cents } from '../money/cents';
import { formatEuro } from '../money/euro-format';
import {
  CHANNEL_LABELS,
  REFUND_METHOD_LABELS,
  SESSION_STATUS_LABELS,
  STEP_LABELS,
  type CashdeskStep,
  type PaymentChannel,
  type RefundMethod,
  type SessionStatus,
  type SessionStep,
} from './cashdesk-messages';

/**
 * Why the cash desk refused something. `reason` is stable API (code and tests match on it);
 * `message` is for the screen. Amounts travel as integer cents in fields ending in `Cents` and
 * are written as euro in the message.
 */
export type CashdeskProblem =
  // --- receipt numbers ---
  | { reason: 'invalid_receipt_number'; value: string; detail: string }
  | { reason: 'invalid_series_code'; value: string }
  | { reason: 'receipt_series_exhausted'; series: string; year: number }
  | { reason: 'receipt_clock_backwards'; lastYear: number; date: string }
  // --- common ---
  | { reason: 'invalid_date'; field: string; value: string }
  | { reason: 'invalid_timestamp'; field: string; value: string }
  | { reason: 'invalid_amount'; field: string; value: string }
  | { reason: 'role_not_allowed'; step: CashdeskStep; role: ActorRole }
  // --- payments ---
  | { reason: 'unknown_channel'; value: string }
  | { reason: 'nothing_due' }
  | { reason: 'amount_mismatch'; amountCents: number; dueCents: number }
  | { reason: 'cash_not_enabled' }
  | { reason: 'cash_over_limit'; amountCents: number; limitCents: number }
  | { reason: 'tendered_not_cash'; channel: PaymentChannel }
  | { reason: 'tendered_too_little'; tenderedCents: number; amountCents: number }
  | { reason: 'psp_transaction_id_required' }
  | { reason: 'invalid_psp_transaction_id'; value: string }
  | { reason: 'notice_number_required' }
  | { reason: 'invalid_notice_number'; value: string; detail: Record<Locale, string> }
  | { reason: 'notice_mismatch'; given: string; expected: string }
  // --- counter sessions ---
  | { reason: 'session_closed'; sessionId: string }
  | { reason: 'illegal_session_step'; step: SessionStep; status: SessionStatus }
  | { reason: 'session_already_exists'; clerkId: string; businessDate: string; sessionId: string }
  | { reason: 'workstation_busy'; workstation: string; clerkId: string; sessionId: string }
  | { reason: 'previous_session_open'; sessionId: string; businessDate: string }
  | { reason: 'session_of_other_day'; businessDate: string; date: string }
  | { reason: 'not_session_clerk'; actorId: string; clerkId: string }
  | { reason: 'own_session_sign_off'; actorId: string }
  | { reason: 'discrepancy_note_required'; discrepancyCents: number }
  | { reason: 'time_goes_backwards'; at: string; last: string }
  // --- reversals ---
  | { reason: 'reason_too_short'; min: number; length: number }
  | {
      reason: 'reversal_exceeds_original';
      amountCents: number;
      availableCents: number;
      originalCents: number;
    }
  | { reason: 'approval_required' }
  | { reason: 'approver_not_supervisor'; approverId: string; role: ActorRole }
  | { reason: 'approver_is_requester'; approverId: string }
  | { reason: 'refund_method_not_allowed'; method: RefundMethod; channel: PaymentChannel }
  | { reason: 'correction_moves_no_money' }
  // --- double payments ---
  | { reason: 'duplicate_hub_sequence'; sequence: number; paymentIds: string }
  | { reason: 'payment_of_other_debt'; paymentId: string };

export type CashdeskReason = CashdeskProblem['reason'];

export type CashdeskError = CashdeskProblem & { message: Record<Locale, string> };

export type CashdeskResult<T> = { ok: true; value: T } | { ok: false; error: CashdeskError };

const MESSAGES = {
  invalid_receipt_number: {
    it: 'Numero di ricevuta «{value}» non valido: {detail}.',
    en: 'Invalid receipt number “{value}”: {detail}.',
  },
  invalid_series_code: {
    it: 'Serie della postazione «{value}» non valida: da 1 a 8 lettere maiuscole o cifre.',
    en: 'Invalid workstation series “{value}”: 1 to 8 capital letters or digits.',
  },
  receipt_series_exhausted: {
    it: 'La serie di ricevute {series} del {year} è esaurita: assegnare una nuova serie alla postazione.',
    en: 'Receipt series {series} of {year} is used up: assign the workstation a new series.',
  },
  receipt_clock_backwards: {
    it: 'L’ultima ricevuta della postazione è del {lastYear}, dopo la data di oggi ({date}): controllare l’orologio del PC.',
    en: 'The workstation’s last receipt is of {lastYear}, after today’s date ({date}): check the PC clock.',
  },
  invalid_date: {
    it: 'Data non valida in «{field}»: «{value}» (formato AAAA-MM-GG).',
    en: 'Invalid date in “{field}”: “{value}” (format YYYY-MM-DD).',
  },
  invalid_timestamp: {
    it: 'Data e ora non valide in «{field}»: «{value}» (formato AAAA-MM-GGThh:mm).',
    en: 'Invalid date and time in “{field}”: “{value}” (format YYYY-MM-DDThh:mm).',
  },
  invalid_amount: {
    it: 'Importo non valido in «{field}»: «{value}» (centesimi interi, maggiori di zero).',
    en: 'Invalid amount in “{field}”: “{value}” (whole cents, greater than zero).',
  },
  role_not_allowed: {
    it: 'Il ruolo «{role}» non può {step}.',
    en: 'The “{role}” role may not {step}.',
  },
  unknown_channel: {
    it: 'Modalità di pagamento «{value}» sconosciuta (carta POS, contanti o avviso pagoPA).',
    en: 'Unknown payment channel “{value}” (card POS, cash or pagoPA notice).',
  },
  nothing_due: {
    it: 'Non c’è nulla da pagare per questa posizione.',
    en: 'Nothing is due on this position.',
  },
  amount_mismatch: {
    it: 'Importo {amountCents} diverso dal dovuto {dueCents}: allo sportello si paga l’importo esatto.',
    en: 'Amount {amountCents} differs from the amount due {dueCents}: the counter takes the exact amount.',
  },
  cash_not_enabled: {
    it: 'Il comune non accetta contanti a questo sportello: pagamento con carta o avviso pagoPA.',
    en: 'The comune does not take cash at this counter: pay by card or pagoPA notice.',
  },
  cash_over_limit: {
    it: 'Pagamento in contanti di {amountCents}: il limite fissato dal comune è {limitCents}.',
    en: 'Cash payment of {amountCents}: the comune’s limit is {limitCents}.',
  },
  tendered_not_cash: {
    it: 'L’importo consegnato (per il resto) vale solo per i contanti, non per {channel}.',
    en: 'The amount tendered (for change) applies to cash only, not to {channel}.',
  },
  tendered_too_little: {
    it: 'Consegnati {tenderedCents}, meno del dovuto {amountCents}.',
    en: 'Tendered {tenderedCents}, less than the amount {amountCents}.',
  },
  psp_transaction_id_required: {
    it: 'Per il pagamento con carta serve l’identificativo della transazione del PSP (sullo scontrino del POS).',
    en: 'A card payment needs the PSP transaction id (on the POS slip).',
  },
  invalid_psp_transaction_id: {
    it: 'Identificativo della transazione PSP «{value}» non valido: da 1 a 35 lettere, cifre o . _ - / :',
    en: 'Invalid PSP transaction id “{value}”: 1 to 35 letters, digits or . _ - / :',
  },
  notice_number_required: {
    it: 'Per il pagamento con avviso pagoPA serve il codice avviso.',
    en: 'A pagoPA notice payment needs the notice number.',
  },
  invalid_notice_number: {
    it: 'Codice avviso «{value}» non valido: {detail}',
    en: 'Invalid notice number “{value}”: {detail}',
  },
  notice_mismatch: {
    it: 'Il codice avviso {given} non è quello della posizione ({expected}).',
    en: 'The notice number {given} is not the position’s ({expected}).',
  },
  session_closed: {
    it: 'La cassa {sessionId} è chiusa e vistata: non può più cambiare. Le correzioni si registrano come storni nella cassa di oggi.',
    en: 'Till session {sessionId} is closed and signed off: it can no longer change. Corrections are recorded as reversals in today’s session.',
  },
  illegal_session_step: {
    it: 'Impossibile {step}: la cassa è «{status}».',
    en: 'Cannot {step}: the till session is “{status}”.',
  },
  session_already_exists: {
    it: '{clerkId} ha già una cassa per il {businessDate} ({sessionId}): una sola cassa per operatore e giorno.',
    en: '{clerkId} already has a till session for {businessDate} ({sessionId}): one session per clerk and day.',
  },
  workstation_busy: {
    it: 'Sulla postazione {workstation} è ancora aperta la cassa {sessionId} di {clerkId}: chiuderla prima.',
    en: 'Workstation {workstation} still has {clerkId}’s till session {sessionId} open: close it first.',
  },
  previous_session_open: {
    it: 'La cassa del {businessDate} ({sessionId}) non è stata chiusa: contarla e farla vistare prima di aprirne una nuova.',
    en: 'The till session of {businessDate} ({sessionId}) was not closed: count it and have it signed off before opening a new one.',
  },
  session_of_other_day: {
    it: 'La cassa è del {businessDate}, l’operazione del {date}: chiudere la cassa e aprirne una per oggi.',
    en: 'The till session is of {businessDate}, the operation of {date}: close it and open one for today.',
  },
  not_session_clerk: {
    it: 'La cassa è di {clerkId}: {actorId} non può operarvi (serve il titolare o un responsabile).',
    en: 'The till session belongs to {clerkId}: {actorId} may not use it (its clerk or a supervisor may).',
  },
  own_session_sign_off: {
    it: '{actorId} non può vistare la chiusura della propria cassa: serve un altro responsabile.',
    en: '{actorId} may not sign off their own till session: another supervisor must.',
  },
  discrepancy_note_required: {
    it: 'Differenza di cassa di {discrepancyCents}: annotare la spiegazione prima del visto.',
    en: 'Cash discrepancy of {discrepancyCents}: write an explanation before signing off.',
  },
  time_goes_backwards: {
    it: 'L’operazione ({at}) precede l’ultima già registrata ({last}).',
    en: 'The operation ({at}) precedes the last one recorded ({last}).',
  },
  reason_too_short: {
    it: 'Motivazione troppo breve ({length} caratteri): almeno {min}, perché resti comprensibile a un controllo.',
    en: 'Reason too short ({length} characters): at least {min}, so that an audit can understand it.',
  },
  reversal_exceeds_original: {
    it: 'Storno di {amountCents}: del pagamento originale ({originalCents}) restano stornabili {availableCents}.',
    en: 'Reversal of {amountCents}: of the original payment ({originalCents}) only {availableCents} can still be reversed.',
  },
  approval_required: {
    it: 'Rimborsi e correzioni richiedono l’approvazione di un responsabile.',
    en: 'Refunds and corrections need a supervisor’s approval.',
  },
  approver_not_supervisor: {
    it: '{approverId} ha il ruolo «{role}»: solo un responsabile può approvare lo storno.',
    en: '{approverId} has the “{role}” role: only a supervisor may approve the reversal.',
  },
  approver_is_requester: {
    it: '{approverId} ha chiesto lo storno e non può anche approvarlo: serve un’altra persona.',
    en: '{approverId} requested the reversal and may not also approve it: another person must.',
  },
  refund_method_not_allowed: {
    it: 'Un pagamento con {channel} non si rimborsa con {method}.',
    en: 'A payment by {channel} cannot be refunded by {method}.',
  },
  correction_moves_no_money: {
    it: 'Una correzione annulla una registrazione errata e non restituisce denaro: non indicare come rimborsare.',
    en: 'A correction cancels a wrong entry and returns no money: do not give a refund method.',
  },
  duplicate_hub_sequence: {
    it: 'Due pagamenti ({paymentIds}) hanno lo stesso ordine di arrivo all’hub ({sequence}): dati incoerenti.',
    en: 'Two payments ({paymentIds}) have the same hub arrival order ({sequence}): inconsistent data.',
  },
  payment_of_other_debt: {
    it: 'Il pagamento {paymentId} non riguarda questa posizione.',
    en: 'Payment {paymentId} does not belong to this position.',
  },
} as const satisfies Record<CashdeskReason, Record<Locale, string>>;

function paramsFor(problem: CashdeskProblem, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (typeof value === 'number' && key.endsWith('Cents') && Number.isSafeInteger(value)) {
      params[key] = formatEuro(cents(value), locale);
    } else if (typeof value === 'string' || typeof value === 'number') {
      params[key] = value;
    } else if (typeof value === 'object' && value !== null && locale in value) {
      params[key] = (value as Record<Locale, string>)[locale];
    }
  }
  if ('role' in problem) params.role = ACTOR_ROLE_LABELS[problem.role][locale];
  if ('step' in problem) params.step = STEP_LABELS[problem.step][locale];
  if ('status' in problem) params.status = SESSION_STATUS_LABELS[problem.status][locale];
  if ('channel' in problem) params.channel = CHANNEL_LABELS[problem.channel][locale];
  if ('method' in problem) params.method = REFUND_METHOD_LABELS[problem.method][locale];
  return params;
}

export function cashdeskError(problem: CashdeskProblem): CashdeskError {
  const message = (locale: Locale): string =>
    interpolate(MESSAGES[problem.reason][locale], paramsFor(problem, locale));
  return { ...problem, message: { it: message('it'), en: message('en') } };
}

export function cashdeskFail<T>(problem: CashdeskProblem): CashdeskResult<T> {
  return { ok: false, error: cashdeskError(problem) };
}

export function cashdeskOk<T>(value: T): CashdeskResult<T> {
  return { ok: true, value };
}
