import type { Locale } from '../../../shared/i18n/locale';
import { routesOf, schoolsOf } from '../../../shared/school/school-catalogue';
import type { SchoolAccountView, SchoolEnrolmentView } from '../../../shared/school/school-views';
import type { SchoolAccountRecord, SchoolEnrolmentRecord } from '../../../shared/school/school-wire';

/** An enrolment record as the screens list it: names for codes, pending while only ours. */
export function enrolmentView(
  r: SchoolEnrolmentRecord,
  opts: { pending: ReadonlySet<string>; locale: Locale },
): SchoolEnrolmentView {
  const school = schoolsOf(r.comune).find((s) => s.code === r.school.code);
  const route = r.transport ? routesOf(r.comune).find((x) => x.code === r.transport?.route) : undefined;
  const stop = route?.stops.find((s) => s.code === r.transport?.stop);
  return {
    id: r.id,
    schoolYear: r.schoolYear,
    service: r.service,
    child: r.child,
    childLabel: `${r.child.surname} ${r.child.givenNames}`,
    payer: r.payer,
    school: { code: r.school.code, name: school?.name ?? r.school.code, className: r.school.className },
    level: r.level,
    transport: r.transport
      ? {
          ...r.transport,
          routeName: route?.name ?? r.transport.route,
          stopName: stop?.name ?? r.transport.stop,
        }
      : null,
    diet: r.diet,
    startMonth: r.startMonth,
    endMonth: r.endMonth,
    status: opts.pending.has(r.id) && r.status === 'active' ? 'pending' : r.status,
    siblingRank: r.siblingRank,
    band: r.band,
    enrolledAt: r.enrolledAt,
  };
}

/**
 * A payer's account. A notice this counter has seen paid (its own mirror of the debt position,
 * updated by the cash desk at once) shows as paid before the hub's account says so; what is owed
 * goes down with it.
 */
export function accountView(r: SchoolAccountRecord, paidHere: ReadonlySet<string>): SchoolAccountView {
  let extraPaid = 0;
  const months = r.months.map((m) => {
    const paid = m.status === 'open' && m.noticeNumber !== null && paidHere.has(m.noticeNumber);
    if (paid) extraPaid += m.amountCents;
    return {
      month: m.month,
      noticeNumber: m.noticeNumber,
      amountCents: m.amountCents,
      carriedCents: m.carriedCents,
      dueDate: m.dueDate,
      status: paid ? ('paid' as const) : m.status,
      lines: m.lines,
    };
  });
  return {
    payer: r.payer,
    months: [...months].sort((a, b) => (a.month < b.month ? 1 : -1)),
    paidCents: r.paidCents + extraPaid,
    owedCents: Math.max(0, r.owedCents - extraPaid),
    iseeHistory: r.iseeHistory.map((h) => ({
      fromMonth: h.fromMonth,
      valueCents: h.statement.valueCents,
      type: h.statement.type,
      expiresOn: h.statement.expiresOn,
    })),
  };
}
