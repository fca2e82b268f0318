import { allowedActions } from '../../../shared/cases/case-actions';
import { colourOn, daysRemaining, legalStartOf, type CaseActor } from '../../../shared/cases/case-engine';
import type { CaseRecord, ResidenceData } from '../../../shared/cases/case-record';
import { caseCalendar, concludedOn, deadlineStatus } from '../../../shared/cases/deadline';
import type { ProcedureDefinition } from '../../../shared/cases/procedure-catalogue';
import { addressText } from '../../../shared/cases/residence-case';
import { formatDate } from '../../../shared/i18n/registry-labels';
import { minIsoDate, type IsoDate } from '../../../shared/calendar/iso-date';
import type {
  CaseDetail,
  ProcedureView,
  QueueItem,
  ResidenceView,
} from '../../../shared/contract/case-views';
import type { CaseStatus } from '../../../shared/cases/case-model';
import { formatProtocolNumber } from '../../../shared/protocol/protocol-number';
import type { LocalDateTime } from '../../../shared/protocol/local-date-time';
import type { CaseRow } from './case-tables';

export const procedureView = (p: ProcedureDefinition): ProcedureView => ({
  code: p.code,
  title: p.title,
  office: { code: p.office.code, name: p.office.name },
  legalBasis: p.legalBasis,
  maxDays: p.maxDays,
  silenceDays: p.silenceDays,
  needsSecondApproval: p.needsSecondApproval,
  requiredDocuments: p.requiredDocuments.map((d) => ({ id: d.id, label: d.label, when: d.when })),
});

export type QueueRow = Pick<
  CaseRow,
  | 'id'
  | 'procedure_code'
  | 'office'
  | 'status'
  | 'subject'
  | 'applicant_id'
  | 'applicant_name'
  | 'assignee'
  | 'protocol'
  | 'received_on'
  | 'due_date'
  | 'amber_from'
  | 'created_at'
  | 'concluded_on'
>;

export const QUEUE_COLUMNS = [
  'id',
  'procedure_code',
  'office',
  'status',
  'subject',
  'applicant_id',
  'applicant_name',
  'assignee',
  'protocol',
  'received_on',
  'due_date',
  'amber_from',
  'created_at',
  'concluded_on',
] as const;

/** A queue row: the colour and days on `today`, frozen on the day a concluded case ended. */
export function queueItem(row: QueueRow, today: IsoDate): QueueItem {
  const asOf = row.concluded_on ? minIsoDate(row.concluded_on, today) : today;
  return {
    id: row.id,
    procedureCode: row.procedure_code,
    office: row.office,
    status: row.status as CaseStatus,
    subject: row.subject,
    applicantId: row.applicant_id,
    applicantName: row.applicant_name,
    assignee: row.assignee,
    protocol: row.protocol,
    receivedOn: row.received_on,
    dueDate: row.due_date,
    daysRemaining: daysRemaining(row.due_date, asOf),
    colour: colourOn(row.due_date, row.amber_from, asOf),
    createdAt: row.created_at,
    concludedOn: row.concluded_on,
  };
}

function residenceView(r: ResidenceData): ResidenceView {
  const intake = r.intake;
  const nameOf = (key: string): string => {
    const m = intake.movers.find((x) => (x.source === 'registry' ? x.residentId : x.key) === key);
    return m ? `${m.surname} ${m.givenNames}` : key;
  };
  const occupation = intake.occupation;
  return {
    declarationDate: intake.declarationDate,
    channel: intake.channel,
    origin:
      intake.origin.kind === 'same_comune'
        ? { kind: 'same_comune', from: null }
        : intake.origin.kind === 'other_comune'
          ? { kind: 'other_comune', from: intake.origin.fromComune }
          : { kind: 'abroad', from: intake.origin.fromCountry },
    address: addressText(intake.address),
    occupation:
      occupation === null
        ? null
        : {
            kind: occupation.kind,
            detail:
              occupation.kind === 'other'
                ? occupation.description
                : occupation.kind === 'lease' || occupation.kind === 'comodato'
                  ? occupation.registration
                    ? [
                        occupation.registration.number,
                        formatDate(occupation.registration.date),
                        occupation.registration.office ?? '',
                      ]
                        .filter((p) => p !== '')
                        .join(' · ')
                    : null
                  : null,
          },
    household: intake.household,
    movers: intake.movers.map((m) => ({
      key: m.source === 'registry' ? m.residentId : m.key,
      name: `${m.surname} ${m.givenNames}`,
      source: m.source,
      residentId: m.source === 'registry' ? m.residentId : null,
      codiceFiscale: m.codiceFiscale,
      relationship: m.relationship,
    })),
    drivingLicences: intake.drivingLicences.map((l) => ({ name: nameOf(l.personKey), number: l.number })),
    vehiclePlates: intake.vehiclePlates.map((v) => ({ name: nameOf(v.personKey), plate: v.plate })),
    schedule: r.schedule,
    policeCheck: r.policeCheck,
    familyId: r.familyId,
    registryApplied: r.registryApplied,
    registryRestored: r.registryRestored,
  };
}

/** The case as the detail screen shows it to `actor` on `today`. */
export function caseDetail(
  record: CaseRecord,
  actor: CaseActor,
  now: LocalDateTime,
  today: IsoDate,
  pendingSync: number,
): CaseDetail {
  const s = record.state;
  const outcome = s.outcome;
  return {
    id: s.id,
    procedure: procedureView(s.procedure),
    status: s.status,
    subject: record.subject,
    office: record.office,
    applicantId: s.applicantId,
    applicantName: record.applicantName,
    createdAt: s.createdAt,
    createdBy: record.createdBy,
    protocol: s.protocol ? formatProtocolNumber(s.protocol.number) : null,
    registeredAt: s.protocol?.registeredAt ?? null,
    receivedOn: s.receivedOn,
    assignee: s.assigneeId,
    deadline: deadlineStatus(
      { legalStart: legalStartOf(record), days: s.procedure.maxDays, suspensions: s.suspensions },
      today,
      { calendar: caseCalendar(s), concludedOn: concludedOn(s) },
    ),
    suspensions: [...s.suspensions],
    proposal: s.proposal,
    outcome:
      outcome === null
        ? null
        : {
            kind: outcome.kind,
            at: outcome.at,
            by: 'by' in outcome ? outcome.by : null,
            finalAct:
              'finalAct' in outcome && outcome.finalAct
                ? { number: formatProtocolNumber(outcome.finalAct.number), date: outcome.finalAct.date }
                : null,
            formedOn: outcome.kind === 'silence_assent' ? outcome.formedOn : null,
          },
    closedAt: s.closedAt,
    allowed: allowedActions(record, actor, now),
    timeline: [...record.timeline],
    internalNotes: record.notes.filter((n) => n.kind === 'internal'),
    citizenNotes: record.notes.filter((n) => n.kind === 'citizen'),
    attachments: [...record.attachments],
    residence: record.residence ? residenceView(record.residence) : null,
    visits: record.visits,
    counterSeconds: record.counterSeconds,
    receiptDelivery: record.receiptDelivery,
    pendingSync,
    today,
  };
}
