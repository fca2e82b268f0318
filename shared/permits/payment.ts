/**
 * How a permit's fee was settled, as the hub accepts it: nothing to pay; cash into the issuing
 * clerk's open till (the reference is then the permit's own number, the hub checks the till); or
 * a pagoPA notice, whose IUV is the reference (15 or 17 digits, DOMAIN.md §6.1) and which the
 * citizen pays later. Any other reference is a payment the hub cannot see: refused, never taken
 * on the desk's word.
 */
export type PermitPayment =
  { way: 'free' } | { way: 'cash'; tillSessionId: string } | { way: 'pagopa'; iuv: string };

const IUV = /^(\d{15}|\d{17})$/;

export function permitPaymentOf(p: {
  feeCents: number;
  paymentRef: string | null;
  tillSessionId?: string | null;
  number: string;
}): PermitPayment | null {
  if (p.feeCents === 0) return { way: 'free' };
  if (p.tillSessionId)
    return p.paymentRef === p.number ? { way: 'cash', tillSessionId: p.tillSessionId } : null;
  if (p.paymentRef !== null && IUV.test(p.paymentRef)) return { way: 'pagopa', iuv: p.paymentRef };
  return null;
}
