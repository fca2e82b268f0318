import type { DeadlineColour, DeadlineStatus } from '../cases/deadline';
import type { CaseStatus, Suspension } from '../cases/case-model';
import type {
  CaseAttachment,
  CaseNote,
  PoliceCheck,
  ReceiptDelivery,
  TimelineEntry,
} from '../cases/case-record';
import type { BurdenResponse, ProtocolRegisterResponse } from '../cases/case-wire';
import type { CaseAction } from '../cases/case-actions';
import type { Locale } from '../i18n/locale';
import type { Relationship } from '../registry/model';
import type { SyncException } from './views';

/** Output shapes of the `cases:…` calls: what the case screens see (never a row or a raw record). */

type Labels = Record<Locale, string>;

export interface ProcedureView {
  code: string;
  title: Labels;
  office: { code: string; name: Labels };
  legalBasis: string;
  maxDays: number;
  silenceDays: number | null;
  needsSecondApproval: boolean;
  requiredDocuments: { id: string; label: Labels; when: Labels | null }[];
}

export interface QueueItem {
  id: string;
  procedureCode: string;
  office: string;
  status: CaseStatus;
  subject: string;
  applicantId: string | null;
  applicantName: string;
  assignee: string | null;
  /** '2026/0000123'; null while awaiting protocol (taken offline, numbered at sync) */
  protocol: string | null;
  receivedOn: string | null;
  dueDate: string;
  /** 0 on the due day, negative when overdue; frozen on the day a decided case concluded */
  daysRemaining: number;
  colour: DeadlineColour;
  createdAt: string;
  concludedOn: string | null;
}

export interface QueuePage {
  total: number;
  offset: number;
  items: QueueItem[];
  /** the counter's "today" in Italy: what the colours and days refer to */
  today: string;
}

export { CASE_ACTIONS, type CaseAction } from '../cases/case-actions';

export interface ResidenceView {
  declarationDate: string;
  channel: string;
  origin: { kind: 'same_comune' | 'other_comune' | 'abroad'; from: string | null };
  address: string;
  occupation: { kind: 'owner' | 'lease' | 'comodato' | 'usufruct' | 'other'; detail: string | null } | null;
  household: { kind: 'new' } | { kind: 'join'; familyId: string };
  movers: {
    key: string;
    name: string;
    source: 'registry' | 'new';
    residentId: string | null;
    codiceFiscale: string | null;
    relationship: Relationship | null;
  }[];
  drivingLicences: { name: string; number: string }[];
  vehiclePlates: { name: string; plate: string }[];
  schedule: { effectiveFrom: string; registrationDue: string; checkDue: string; silenceAssentFrom: string };
  policeCheck: PoliceCheck | null;
  familyId: string | null;
  registryApplied: boolean;
  registryRestored: boolean;
}

export interface CaseDetail {
  id: string;
  procedure: ProcedureView;
  status: CaseStatus;
  subject: string;
  office: string;
  applicantId: string | null;
  applicantName: string;
  createdAt: string;
  createdBy: string;
  protocol: string | null;
  registeredAt: string | null;
  receivedOn: string | null;
  assignee: string | null;
  /** deadline figures on today; provisional (from the intake day) while awaiting protocol */
  deadline: DeadlineStatus;
  suspensions: Suspension[];
  proposal: { outcome: 'approve' | 'reject'; by: string; at: string; reason: string } | null;
  outcome: {
    kind: 'approved' | 'rejected' | 'silence_assent' | 'withdrawn';
    at: string;
    by: string | null;
    /** the final act's protocol number and date, when numbered */
    finalAct: { number: string; date: string } | null;
    formedOn: string | null;
  } | null;
  closedAt: string | null;
  allowed: CaseAction[];
  timeline: TimelineEntry[];
  /** for colleagues only */
  internalNotes: CaseNote[];
  /** what was communicated to the citizen */
  citizenNotes: CaseNote[];
  attachments: CaseAttachment[];
  residence: ResidenceView | null;
  visits: number;
  counterSeconds: number | null;
  receiptDelivery: ReceiptDelivery;
  /** local changes to this case not yet confirmed by the hub */
  pendingSync: number;
  today: string;
}

export interface OpenedCase {
  case: CaseDetail;
  /** points to check that do not block (late declaration, missing permit, unregistered comodato) */
  warnings: string[];
}

export interface IntakeContextView {
  /** the counter's date in Italy: the declaration's default date */
  today: string;
  comune: string;
  streets: { name: string; caps: string[] }[];
}

export interface HouseholdView {
  familyId: string;
  address: string;
  members: { id: string; name: string; relationship: Relationship }[];
}

export interface CaseDashboard {
  today: string;
  openTotal: number;
  overdueTotal: number;
  byStatus: { status: CaseStatus; green: number; amber: number; red: number; total: number }[];
  overdue: QueueItem[];
  handlingByProcedure: HandlingRow[];
  handlingByClerk: HandlingRow[];
  exceptions: SyncException[];
  /** 'hub': every counter's (supervisor online); 'local': this counter's only */
  exceptionsSource: 'hub' | 'local';
}

export interface HandlingRow {
  key: string;
  count: number;
  /** net handling days (suspensions excluded) */
  mean: number;
  p90: number;
}

export interface BurdenView extends BurdenResponse {
  titles: Record<string, Labels>;
}

export type ProtocolRegisterView = ProtocolRegisterResponse;

export interface AttachmentContent {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}
