import type { CanoneApplicationRecord, CanoneApply, CanoneProcedure } from './canone-wire';

/**
 * The record of an application just filed, the same at the counter (its optimistic copy) and at
 * the hub (the record of account): what the applicant asked for, with the facts each side worked
 * out itself — zone, fee, the applicant and site as checked, the protocol number (the hub's only).
 */
export function submittedApplication(
  args: CanoneApply,
  facts: {
    comune: string;
    procedureCode: CanoneProcedure;
    zone: string;
    fee: CanoneApplicationRecord['fee'];
    applicant: CanoneApplicationRecord['applicant'];
    site: CanoneApplicationRecord['site'];
    protocol: CanoneApplicationRecord['protocol'];
    submittedBy: string;
  },
): CanoneApplicationRecord {
  return {
    id: args.applicationId,
    comune: facts.comune,
    caseId: args.case.caseId,
    procedureCode: facts.procedureCode,
    protocol: facts.protocol,
    applicant: facts.applicant,
    site: facts.site,
    zone: facts.zone,
    purpose: args.purpose,
    category: args.category,
    regime: args.regime,
    measure: args.measure,
    start: args.start,
    end: args.end,
    hours: args.hours,
    ownSign: args.ownSign,
    trafficAffected: args.trafficAffected,
    quotedFeeCents: args.quotedFeeCents,
    fee: facts.fee,
    status: 'submitted',
    statusReason: null,
    concession: null,
    notices: [],
    policeRequested: false,
    submittedAt: args.case.at,
    submittedBy: facts.submittedBy,
    revokedAt: null,
  };
}
