import type { IsoDate } from '../calendar/iso-date';
import type { LocalDateTime } from '../protocol/local-date-time';
import type {
  CanoneApplicant,
  CanoneFeeWire,
  CanoneNoticeStatus,
  CanoneProcedure,
  CanoneRegime,
  CanoneSite,
  CanoneStatus,
  ConcessionCheck,
} from './canone-wire';

/**
 * What the canone screens receive from the desk core, and what the hub's routes answer. Views,
 * never rows: words and numbers to show; the rules stay in shared/canone.
 */

/** A category the comune offers today, for the counter's list. */
export interface CanoneCategoryOption {
  code: string;
  label: string;
  unit: 'm2' | 'ml';
  /** a sign or advertising medium: the case is `esposizione_pubblicitaria`, the own-sign exemption may apply */
  advertising: boolean;
  procedureCode: CanoneProcedure;
  /** coefficients as decimals (0.808), for the breakdown */
  permanentCoefficient: number;
  temporaryCoefficient: number;
  /** a value of the row is still to be confirmed with the comune */
  uncertain: boolean;
}

/** A street of the comune's street list with its tariff zone, for the counter's picker. */
export interface CanoneStreetOption {
  streetType: string;
  streetName: string;
  zone: string;
  zoneLabel: string;
  zoneCoefficient: number;
}

/** One reason the application cannot go on, in the clerk's language. */
export interface CanoneRefusalView {
  code: string;
  message: string;
}

/** The live fee while the clerk types: the breakdown, or why there is none. */
export interface CanoneQuoteView {
  ok: boolean;
  zone: string | null;
  fee: CanoneFeeWire | null;
  /** permanent: the instalments of the first year as the hub will issue them */
  instalments: { n: number; amountCents: number; dueDate: IsoDate }[];
  refusals: CanoneRefusalView[];
}

export interface CanoneNoticeView {
  noticeNumber: string;
  iuv: string;
  year: number;
  instalment: number;
  of: number;
  amountCents: number;
  dueDate: IsoDate;
  status: CanoneNoticeStatus;
}

/** The application as the counter shows it (lists, the applicant's page, the case). */
export interface CanoneApplicationView {
  id: string;
  caseId: string;
  procedureCode: CanoneProcedure;
  /** "2026/0001234", null until the hub registered it */
  protocol: string | null;
  applicant: CanoneApplicant;
  applicantLabel: string;
  site: CanoneSite;
  address: string;
  zone: string;
  purpose: string;
  category: string;
  categoryLabel: string;
  regime: CanoneRegime;
  measure: number;
  unit: 'm2' | 'ml';
  start: IsoDate;
  end: IsoDate | null;
  hours: { from: string; to: string } | null;
  ownSign: boolean;
  trafficAffected: boolean;
  fee: CanoneFeeWire;
  status: CanoneStatus;
  statusLabel: string;
  statusReason: string | null;
  concession: {
    number: string;
    validFrom: IsoDate;
    validTo: IsoDate | null;
    decidedOn: IsoDate;
    verificationUrl: string | null;
  } | null;
  notices: CanoneNoticeView[];
  policeRequested: boolean;
  submittedAt: LocalDateTime;
  submittedBy: string;
  /** the hub has not confirmed it yet (still in the outbox) */
  pending: boolean;
}

/** An application just filed at the counter: its record and the receipt to hand over. */
export interface SubmittedCanoneView {
  application: CanoneApplicationView;
  receiptPdfBase64: string | null;
}

/** A PDF of the canone (concession, notice), for printing. */
export interface CanonePdfView {
  id: string;
  kind: 'concession' | 'notice';
  pdfBase64: string;
  sha256: string;
}

/** One occupation active on a day, as the office's list by street shows it (GET /api/v1/canone/active). */
export interface ActiveOccupationView {
  applicationId: string;
  concessionNumber: string | null;
  status: CanoneStatus;
  address: string;
  civic: string;
  category: string;
  categoryLabel: string;
  regime: CanoneRegime;
  measure: number;
  unit: 'm2' | 'ml';
  start: IsoDate;
  end: IsoDate | null;
  holder: string;
}

/** The occupations of one street active on a day. */
export interface ActiveStreetView {
  street: string;
  zone: string;
  occupations: ActiveOccupationView[];
  totalM2: number;
}

/** What the public verification page answers for a concession's QR. */
export interface ConcessionVerificationView {
  number: string;
  comune: string;
  check: ConcessionCheck;
  categoryLabel: { it: string; en: string };
  address: string;
  measure: number;
  unit: 'm2' | 'ml';
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** One concession the yearly run could not issue, with its reason. */
export interface YearlyRunFailure {
  applicationId: string;
  concessionNumber: string | null;
  code: string;
  message: string;
}

/** The report of a yearly run (job, CLI, admin route). */
export interface CanoneYearlyReport {
  comune: string;
  year: number;
  /** active permanent concessions looked at */
  concessions: number;
  /** notices issued by this run (0 when it already ran) */
  issued: number;
  /** concessions with nothing due, or already issued for the year */
  skipped: number;
  failed: YearlyRunFailure[];
  seconds: number;
}

/** A request to the local police for a traffic ordinance (GET /api/v1/canone/police-requests). */
export interface PoliceRequestView {
  id: string;
  applicationId: string;
  concessionNumber: string;
  address: string;
  purpose: string;
  start: IsoDate;
  end: IsoDate | null;
  requestedOn: IsoDate;
  status: 'open' | 'done';
}
