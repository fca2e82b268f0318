import type { IsoDate } from '../calendar/iso-date';
import type { LocalDateTime } from '../protocol/local-date-time';
import type {
  EnrolmentStatus,
  SchoolBand,
  SchoolBillLine,
  SchoolChild,
  SchoolDiet,
  SchoolLevel,
  SchoolPayer,
  SchoolService,
  SchoolTransport,
} from './school-wire';

/**
 * What the school screens receive from the desk core, and what the hub's routes answer. Views,
 * never rows: words and numbers to show; the rules stay in shared/school and shared/isee.
 */

/** An enrolment as the counter lists it (by child, by payer, by school and class). */
export interface SchoolEnrolmentView {
  id: string;
  schoolYear: string;
  service: SchoolService;
  child: SchoolChild;
  childLabel: string;
  payer: SchoolPayer;
  school: { code: string; name: string; className: string };
  level: SchoolLevel;
  transport: (SchoolTransport & { routeName: string; stopName: string }) | null;
  diet: SchoolDiet | null;
  startMonth: string;
  endMonth: string | null;
  status: EnrolmentStatus | 'pending';
  siblingRank: number;
  band: SchoolBand | null;
  enrolledAt: LocalDateTime;
}

/** One month of a family's account. */
export interface SchoolMonthView {
  month: string;
  noticeNumber: string | null;
  amountCents: number;
  carriedCents: number;
  dueDate: IsoDate | null;
  status: 'open' | 'paid' | 'none';
  lines: SchoolBillLine[];
}

/** A payer's account: notices, paid, owed, and the ISEE history. */
export interface SchoolAccountView {
  payer: SchoolPayer;
  months: SchoolMonthView[];
  paidCents: number;
  owedCents: number;
  iseeHistory: { fromMonth: string; valueCents: number; type: string; expiresOn: IsoDate }[];
}

/** What an attendance import did: the rows kept and the rows refused, by line. */
export interface AttendanceImportReport {
  school: string;
  imported: number;
  /** days replaced (a re-import of the same day replaces that day's rows) */
  days: number;
  rejected: { line: number; code: string; message: string }[];
}

/** What a monthly billing run did, for the office. */
export interface SchoolBillingReport {
  comune: string;
  month: string;
  payers: number;
  notices: number;
  totalCents: number;
  /** payers already billed for the month (a second run issues nothing new) */
  alreadyBilled: number;
  /** families the run could not bill, with why; the run goes on without them */
  rejected: { payer: string; code: string; message: string }[];
  seconds: number;
}
