import { interpolate, type Locale } from '../i18n/locale';
import {
  ACTOR_ROLE_LABELS,
  CASE_EVENT_LABELS,
  CASE_STATUS_LABELS,
  type ActorRole,
  type CaseEventType,
  type CaseStatus,
} from './case-model';

/**
 * Why a case operation was refused. `reason` is stable API (code and tests match on it);
 * `message` names the states and events in the reader's language.
 */
export type CaseProblem =
  | {
      reason: 'illegal_transition';
      event: CaseEventType;
      from: CaseStatus;
      allowed: readonly CaseEventType[];
    }
  | { reason: 'role_not_allowed'; event: CaseEventType; role: ActorRole }
  | { reason: 'four_eyes'; event: CaseEventType; actorId: string }
  | { reason: 'not_assignee'; actorId: string; assigneeId: string }
  | { reason: 'not_applicant'; actorId: string }
  | { reason: 'reason_required'; event: CaseEventType }
  | { reason: 'empty_field'; field: string }
  | { reason: 'invalid_timestamp'; field: string; value: string }
  | { reason: 'invalid_date'; field: string; value: string }
  | { reason: 'time_goes_backwards'; at: string; last: string }
  | { reason: 'protocol_required' }
  | { reason: 'invalid_protocol'; value: string; detail: Record<Locale, string> }
  | { reason: 'protocol_year_mismatch'; numberYear: number; dateYear: number }
  | { reason: 'registered_in_future'; registeredAt: string; at: string }
  | { reason: 'received_after_registration'; receivedOn: string; registeredOn: string }
  | { reason: 'date_out_of_order'; field: string; value: string; notBefore: string }
  | { reason: 'information_suspension_limit'; max: number; previousFrom: string }
  | { reason: 'suspension_too_long'; days: number; max: number }
  | { reason: 'suspension_after_term'; dueDate: string }
  | { reason: 'refusal_notice_not_applicable'; procedure: string }
  | { reason: 'observation_period_running'; until: string }
  | { reason: 'silence_not_applicable'; procedure: string }
  | { reason: 'silence_not_yet'; formsOn: string }
  | { reason: 'silence_blocked'; noticeOn: string }
  | { reason: 'silence_already_formed'; formedOn: string }
  | { reason: 'refusal_notice_required' }
  | { reason: 'decision_differs_from_proposal'; event: CaseEventType; proposed: 'approve' | 'reject' }
  | { reason: 'final_act_required'; outcome: 'approved' | 'rejected' }
  | { reason: 'withdrawal_not_allowed'; from: CaseStatus }
  | { reason: 'procedure_of_other_comune'; procedure: string; comune: string }
  | { reason: 'unknown_procedure'; code: string; comune: string }
  | { reason: 'no_procedure_on_date'; code: string; comune: string; date: string }
  | { reason: 'ambiguous_procedure'; code: string; comune: string; date: string };

export type CaseReason = CaseProblem['reason'];

export type CaseError = CaseProblem & { message: Record<Locale, string> };

export type CaseResult<T> = { ok: true; value: T } | { ok: false; error: CaseError };

const MESSAGES = {
  illegal_transition: {
    it: 'Impossibile {event}: la pratica è «{from}». Da questo stato si può: {allowed}.',
    en: 'Cannot {event}: the case is “{from}”. From this state you may: {allowed}.',
  },
  role_not_allowed: {
    it: 'Il ruolo «{role}» non può {event}.',
    en: 'The “{role}” role may not {event}.',
  },
  four_eyes: {
    it: 'Questa pratica richiede una seconda approvazione: chi ha proposto l’esito ({actorId}) non può anche {event}.',
    en: 'This case needs a second approval: whoever proposed the outcome ({actorId}) may not also {event}.',
  },
  not_assignee: {
    it: 'La pratica è assegnata a {assigneeId}: {actorId} non può proporre l’esito (serve il responsabile).',
    en: 'The case is assigned to {assigneeId}: {actorId} may not propose the outcome (a supervisor may).',
  },
  not_applicant: {
    it: 'Solo il richiedente può ritirare la propria istanza ({actorId} non lo è).',
    en: 'Only the applicant may withdraw their application ({actorId} is not the applicant).',
  },
  reason_required: {
    it: 'Per {event} serve la motivazione.',
    en: 'A reason is required to {event}.',
  },
  empty_field: { it: 'Il campo «{field}» è vuoto.', en: 'The field “{field}” is empty.' },
  invalid_timestamp: {
    it: 'Data e ora non valide in «{field}»: «{value}» (formato AAAA-MM-GGThh:mm).',
    en: 'Invalid date and time in “{field}”: “{value}” (format YYYY-MM-DDThh:mm).',
  },
  invalid_date: {
    it: 'Data non valida in «{field}»: «{value}» (formato AAAA-MM-GG).',
    en: 'Invalid date in “{field}”: “{value}” (format YYYY-MM-DD).',
  },
  time_goes_backwards: {
    it: 'L’evento ({at}) precede l’ultimo già registrato ({last}).',
    en: 'The event ({at}) precedes the last one recorded ({last}).',
  },
  protocol_required: {
    it: 'Per protocollare la pratica serve il numero di protocollo.',
    en: 'Registering the case requires a protocol number.',
  },
  invalid_protocol: {
    it: 'Numero di protocollo «{value}» non valido: {detail}',
    en: 'Invalid protocol number “{value}”: {detail}',
  },
  protocol_year_mismatch: {
    it: 'Il numero di protocollo è dell’anno {numberYear} ma la data è del {dateYear}.',
    en: 'The protocol number belongs to {numberYear} but the date is in {dateYear}.',
  },
  registered_in_future: {
    it: 'La registrazione di protocollo ({registeredAt}) è successiva all’operazione ({at}).',
    en: 'The protocol registration ({registeredAt}) is later than the operation ({at}).',
  },
  received_after_registration: {
    it: 'La data di ricevimento ({receivedOn}) è successiva alla protocollazione ({registeredOn}).',
    en: 'The date of receipt ({receivedOn}) is after the protocol registration ({registeredOn}).',
  },
  date_out_of_order: {
    it: '«{field}» ({value}) non può precedere il {notBefore} né essere nel futuro.',
    en: '“{field}” ({value}) may not precede {notBefore} nor lie in the future.',
  },
  information_suspension_limit: {
    it: 'Il termine è già stato sospeso per acquisire informazioni (dal {previousFrom}): la sospensione è ammessa una sola volta (art. 2 c.7 L. 241/1990).',
    en: 'The term was already suspended to obtain information (from {previousFrom}): this suspension is allowed only once (L. 241/1990 art. 2 c.7).',
  },
  suspension_too_long: {
    it: 'Sospensione di {days} giorni: al massimo {max} (art. 2 c.7 L. 241/1990).',
    en: 'Suspension of {days} days: at most {max} (L. 241/1990 art. 2 c.7).',
  },
  suspension_after_term: {
    it: 'Il termine è scaduto il {dueDate}: non può più essere sospeso.',
    en: 'The term expired on {dueDate}: it can no longer be suspended.',
  },
  refusal_notice_not_applicable: {
    it: 'Il preavviso di rigetto (art. 10-bis L. 241/1990) non si applica al procedimento «{procedure}».',
    en: 'The notice of intended refusal (L. 241/1990 art. 10-bis) does not apply to the “{procedure}” procedure.',
  },
  observation_period_running: {
    it: 'Il richiedente può presentare osservazioni fino al {until} (art. 10-bis L. 241/1990): riprendere prima solo se sono già arrivate.',
    en: 'The applicant may file observations until {until} (L. 241/1990 art. 10-bis): resume earlier only if they have arrived.',
  },
  silence_not_applicable: {
    it: 'Per il procedimento «{procedure}» il silenzio non vale assenso.',
    en: 'For the “{procedure}” procedure silence does not mean consent.',
  },
  silence_not_yet: {
    it: 'Il silenzio-assenso si forma solo dal {formsOn}.',
    en: 'Silence-assent forms only from {formsOn}.',
  },
  silence_blocked: {
    it: 'Il {noticeOn} è stato comunicato il preavviso di rigetto (motivi ostativi): il silenzio-assenso non si forma.',
    en: 'A notice of intended refusal (grounds for refusal) was sent on {noticeOn}: silence-assent does not form.',
  },
  silence_already_formed: {
    it: 'Il silenzio-assenso si è formato il {formedOn}: un diniego ora sarebbe inefficace (art. 2 c.8-bis L. 241/1990); resta solo l’autotutela (art. 21-nonies).',
    en: 'Silence-assent formed on {formedOn}: a refusal now would be ineffective (L. 241/1990 art. 2 c.8-bis); only self-redress remains (art. 21-nonies).',
  },
  refusal_notice_required: {
    it: 'Prima di respingere va comunicato il preavviso di rigetto con 10 giorni per le osservazioni (art. 10-bis L. 241/1990).',
    en: 'Before rejecting, a notice of intended refusal with 10 days for observations must be sent (L. 241/1990 art. 10-bis).',
  },
  decision_differs_from_proposal: {
    it: 'L’esito proposto è «{proposed}»: per {event} occorre prima rinviare la pratica all’istruttoria.',
    en: 'The proposed outcome is “{proposed}”: to {event}, first return the case for review.',
  },
  final_act_required: {
    it: 'Per chiudere una pratica {outcome} servono numero e data di protocollo del provvedimento finale.',
    en: 'Closing an {outcome} case requires the protocol number and date of the final act.',
  },
  withdrawal_not_allowed: {
    it: 'Per questo procedimento l’istanza non si può più ritirare quando la pratica è «{from}».',
    en: 'For this procedure the application can no longer be withdrawn once the case is “{from}”.',
  },
  procedure_of_other_comune: {
    it: 'Il procedimento «{procedure}» del catalogo non è del comune {comune}.',
    en: 'The catalogue procedure “{procedure}” does not belong to comune {comune}.',
  },
  unknown_procedure: {
    it: 'Procedimento sconosciuto nel catalogo di {comune}: «{code}».',
    en: 'Procedure not in the catalogue of {comune}: “{code}”.',
  },
  no_procedure_on_date: {
    it: 'Nessuna versione del procedimento «{code}» in vigore a {comune} il {date}.',
    en: 'No version of the “{code}” procedure in force in {comune} on {date}.',
  },
  ambiguous_procedure: {
    it: 'Il catalogo ha più versioni di «{code}» per {comune} in vigore il {date}: correggere il catalogo.',
    en: 'The catalogue has several versions of “{code}” for {comune} in force on {date}: fix the catalogue.',
  },
} as const satisfies Record<CaseReason, Record<Locale, string>>;

const PROPOSAL_LABELS = {
  approve: { it: 'accoglimento', en: 'approval' },
  reject: { it: 'rigetto', en: 'rejection' },
} as const;

const OUTCOME_LABELS = {
  approved: { it: 'accolta', en: 'approved' },
  rejected: { it: 'respinta', en: 'rejected' },
} as const;

/** The message parameters in one language: states, events and roles by their label. */
function paramsIn(problem: CaseProblem, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  if ('event' in problem) params.event = CASE_EVENT_LABELS[problem.event][locale];
  if ('from' in problem) params.from = CASE_STATUS_LABELS[problem.from][locale];
  if ('role' in problem) params.role = ACTOR_ROLE_LABELS[problem.role][locale];
  if ('allowed' in problem) {
    params.allowed =
      problem.allowed.length === 0
        ? '—'
        : problem.allowed.map((e) => CASE_EVENT_LABELS[e][locale]).join(', ');
  }
  if ('detail' in problem) params.detail = problem.detail[locale];
  if ('proposed' in problem) params.proposed = PROPOSAL_LABELS[problem.proposed][locale];
  if (problem.reason === 'final_act_required') params.outcome = OUTCOME_LABELS[problem.outcome][locale];
  return params;
}

export function caseError(problem: CaseProblem): CaseError {
  const template = MESSAGES[problem.reason];
  return {
    ...problem,
    message: {
      it: interpolate(template.it, paramsIn(problem, 'it')),
      en: interpolate(template.en, paramsIn(problem, 'en')),
    },
  };
}

export function caseFail<T>(problem: CaseProblem): CaseResult<T> {
  return { ok: false, error: caseError(problem) };
}
