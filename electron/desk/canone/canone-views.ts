import type { CanoneApplicationView } from '../../../shared/canone/canone-views';
import type { CanoneApplicationRecord } from '../../../shared/canone/canone-wire';
import { categoryOn } from '../../../shared/canone/tariffs';
import { CANONE_UI } from '../../../shared/canone/canone-ui';
import { canoneVerifyUrl } from '../../../shared/canone/canone-paths';
import type { Locale } from '../../../shared/i18n/locale';
import { formatProtocolNumber } from '../../../shared/protocol/protocol-number';
import type { DeskContext } from '../context';

export function hubBaseOf(ctx: DeskContext): string | null {
  const url = ctx.credentials.read()?.hubUrl ?? null;
  return url ? url.replace(/\/+$/, '') : null;
}

/** The address the concession's QR carries: the hub's public page for its number and key. */
export const concessionVerificationUrl = (base: string | null, number: string, key: string): string | null =>
  base === null ? null : canoneVerifyUrl(base, number, key);

export const addressOf = (r: Pick<CanoneApplicationRecord, 'site'>): string =>
  [r.site.streetType, r.site.streetName, r.site.civic].filter((p) => p.trim() !== '').join(' ');

export const applicantLabelOf = (a: CanoneApplicationRecord['applicant']): string =>
  a.kind === 'person' ? `${a.name} (CF ${a.codiceFiscale})` : `${a.name} (P.IVA ${a.partitaIva})`;

export const categoryLabelOf = (
  r: Pick<CanoneApplicationRecord, 'comune' | 'category' | 'start'>,
  locale: Locale,
) => categoryOn(r.comune, r.category, r.start)?.label[locale] ?? r.category;

export const statusLabelOf = (status: CanoneApplicationRecord['status'], locale: Locale): string =>
  CANONE_UI[locale][`canone.status.${status}`];

export function applicationView(
  r: CanoneApplicationRecord,
  ctx: DeskContext,
  extra: { pending: ReadonlySet<string>; protocol?: string | null; paidNotices?: ReadonlySet<string> },
): CanoneApplicationView {
  const locale = ctx.state.locale;
  const base = hubBaseOf(ctx);
  return {
    id: r.id,
    caseId: r.caseId,
    procedureCode: r.procedureCode,
    protocol: r.protocol ? formatProtocolNumber(r.protocol.number) : (extra.protocol ?? null),
    applicant: r.applicant,
    applicantLabel: applicantLabelOf(r.applicant),
    site: r.site,
    address: addressOf(r),
    zone: r.zone,
    purpose: r.purpose,
    category: r.category,
    categoryLabel: categoryLabelOf(r, locale),
    regime: r.regime,
    measure: r.measure,
    unit: r.fee.unit,
    start: r.start,
    end: r.end,
    hours: r.hours,
    ownSign: r.ownSign,
    trafficAffected: r.trafficAffected,
    fee: r.fee,
    status: r.status,
    statusLabel: statusLabelOf(r.status, locale),
    statusReason: r.statusReason,
    concession: r.concession
      ? {
          number: r.concession.number,
          validFrom: r.concession.validFrom,
          validTo: r.concession.validTo,
          decidedOn: r.concession.decidedOn,
          verificationUrl: concessionVerificationUrl(base, r.concession.number, r.concession.verificationKey),
        }
      : null,
    // the cash desk's mirror knows a payment before the hub republishes the application
    notices: r.notices.map((n) => ({
      ...n,
      status: n.status === 'open' && extra.paidNotices?.has(n.noticeNumber) ? 'paid' : n.status,
    })),
    policeRequested: r.policeRequested,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    pending: extra.pending.has(r.id),
  };
}
