import type { IsoDate } from '../calendar/iso-date';
import type { Locale } from '../i18n/locale';
import type { LocalDateTime } from '../protocol/local-date-time';
import type { ProtocolNumber } from '../protocol/protocol-number';
import type { ProcedureDefinition } from './procedure-catalogue';

/**
 * The shape of a case (pratica) as the rules see it: states, events, actors, suspensions and
 * the timeline entry each transition produces. Storage maps its rows to these types.
 */

export const CASE_STATUSES = [
  'draft',
  'submitted',
  'registered',
  'taken_in_charge',
  'suspended',
  'proposed_outcome',
  'approved',
  'rejected',
  'withdrawn',
  'closed',
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Submitted and not yet decided: what the supervisor's queue and "open case" checks mean. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'submitted',
  'registered',
  'taken_in_charge',
  'suspended',
  'proposed_outcome',
];

export const CASE_EVENT_TYPES = [
  'submit',
  'register',
  'take_in_charge',
  'suspend',
  'resume',
  'propose',
  'approve',
  'reject',
  'return_for_review',
  'silence_assent',
  'withdraw',
  'close',
] as const;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * Who acts. `citizen` is the applicant (online or signing a written withdrawal), `clerk` the
 * officer handling the case (responsabile del procedimento, L. 241/1990 art. 5-6),
 * `supervisor` the head of office who may also adopt the final act, `system` the scheduler
 * (silence-assent, automatic closing) and the protocol service.
 */
export type ActorRole = 'citizen' | 'clerk' | 'supervisor' | 'system';

export interface Actor {
  id: string;
  role: ActorRole;
}

/**
 * A suspension of the term (DOMAIN.md §9.2: {start, end, reason, reference}).
 *
 * - information_request: L. 241/1990 art. 2 c.7: once, at most 30 days, to obtain information
 *   or certificates the administration does not already hold. The term restarts when the
 *   information arrives (`resumedOn`) and in any case after `maxDays`.
 * - refusal_notice: art. 10-bis (notice of intended refusal, "preavviso di rigetto"): the
 *   applicant has 10 days from RECEIPT of the notice for written observations; since
 *   DL 76/2020 the notice suspends the term, which restarts 10 days after the observations
 *   are filed or, without observations, when the 10 days expire.
 */
export type Suspension = InformationRequestSuspension | RefusalNoticeSuspension;

export interface InformationRequestSuspension {
  kind: 'information_request';
  /** the day of the request: the term stops that day */
  from: IsoDate;
  /** granted length, ≤ the procedure's limit (30) */
  maxDays: number;
  /** the day the information arrived (the case resumed), null while pending */
  resumedOn: IsoDate | null;
  reason: string;
  reference: string | null;
}

export interface RefusalNoticeSuspension {
  kind: 'refusal_notice';
  /** the day the notice was sent: the term stops that day */
  from: IsoDate;
  /** days for observations from receipt (10) */
  observationDays: number;
  /** days after the observations before the term restarts (10) */
  restartDelayDays: number;
  /** the day the applicant received the notice; null = unknown, the sending day is used */
  noticeReceivedOn: IsoDate | null;
  observationsReceivedOn: IsoDate | null;
  /** the day the officer resumed the case, null while suspended */
  resumedOn: IsoDate | null;
  reason: string;
  reference: string | null;
}

/** A protocol registration as a case refers to it (its own, or a final act's). */
export interface CaseProtocol {
  number: ProtocolNumber;
  registeredAt: LocalDateTime;
}

/** The final act (provvedimento) of the case: its protocol number and date. */
export interface FinalAct {
  number: ProtocolNumber;
  date: IsoDate;
}

export interface Proposal {
  outcome: 'approve' | 'reject';
  by: string;
  at: LocalDateTime;
  reason: string;
}

export type CaseOutcome =
  | { kind: 'approved'; at: LocalDateTime; by: string; finalAct: FinalAct | null }
  | { kind: 'rejected'; at: LocalDateTime; by: string; finalAct: FinalAct | null }
  /** L. 241/1990 art. 20: the application is granted by the administration's silence */
  | { kind: 'silence_assent'; at: LocalDateTime; formedOn: IsoDate }
  | { kind: 'withdrawn'; at: LocalDateTime; by: string; fromStatus: CaseStatus };

/** The state of one case: the input and output of `transition`. */
export interface CaseState {
  id: string;
  /** Belfiore code: selects the calendar (patron saint) and the tenant */
  comune: string;
  /**
   * The catalogue entry in force when the case was opened, kept with the case: later versions
   * of the catalogue do not change the rules of a case already running (tempus regit actum).
   */
  procedure: ProcedureDefinition;
  status: CaseStatus;
  /** the applicant's person or account id, when known: a citizen may only withdraw their own case */
  applicantId: string | null;
  createdAt: LocalDateTime;
  protocol: CaseProtocol | null;
  /**
   * The legal start of the term: receipt of the application (L. 241/1990 art. 2 c.6; DOMAIN.md
   * §9.2: "the term starts at receipt, not at the clerk's data entry"). Set at registration.
   */
  receivedOn: IsoDate | null;
  assigneeId: string | null;
  suspensions: readonly Suspension[];
  proposal: Proposal | null;
  outcome: CaseOutcome | null;
  closedAt: LocalDateTime | null;
  /** time of the last timeline entry: a new event may not precede it */
  lastEventAt: LocalDateTime;
}

export type TimelineDetail = string | number | boolean | null;

/** One entry of the case history: who did what, when, why, from which state to which. */
export interface TimelineEvent {
  caseId: string;
  type: CaseEventType | 'create';
  who: Actor;
  when: LocalDateTime;
  why: string;
  from: CaseStatus | null;
  to: CaseStatus;
  details: Record<string, TimelineDetail>;
}

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  draft: { it: 'bozza', en: 'draft' },
  submitted: { it: 'presentata', en: 'submitted' },
  registered: { it: 'protocollata', en: 'registered' },
  taken_in_charge: { it: 'in istruttoria', en: 'taken in charge' },
  suspended: { it: 'sospesa', en: 'suspended' },
  proposed_outcome: { it: 'esito proposto', en: 'outcome proposed' },
  approved: { it: 'accolta', en: 'approved' },
  rejected: { it: 'respinta', en: 'rejected' },
  withdrawn: { it: 'ritirata', en: 'withdrawn' },
  closed: { it: 'chiusa', en: 'closed' },
};

export const CASE_EVENT_LABELS: Labels<CaseEventType> = {
  submit: { it: 'presentare', en: 'submit' },
  register: { it: 'protocollare', en: 'register' },
  take_in_charge: { it: 'prendere in carico', en: 'take in charge' },
  suspend: { it: 'sospendere', en: 'suspend' },
  resume: { it: 'riprendere', en: 'resume' },
  propose: { it: "proporre l'esito", en: 'propose the outcome' },
  approve: { it: 'accogliere', en: 'approve' },
  reject: { it: 'respingere', en: 'reject' },
  return_for_review: { it: "rinviare all'istruttoria", en: 'return for review' },
  silence_assent: { it: 'registrare il silenzio-assenso', en: 'record silence-assent' },
  withdraw: { it: 'ritirare', en: 'withdraw' },
  close: { it: 'chiudere', en: 'close' },
};

export const ACTOR_ROLE_LABELS: Labels<ActorRole> = {
  citizen: { it: 'cittadino', en: 'citizen' },
  clerk: { it: 'istruttore', en: 'clerk' },
  supervisor: { it: 'responsabile', en: 'supervisor' },
  system: { it: 'sistema', en: 'system' },
};
