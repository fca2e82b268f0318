/**
 * A resident's page opens the family's school account (F5): the payer and the enrolment wait
 * here, the shell opens the area as if F5 had been pressed, and the school screen shows that
 * account with that enrolment chosen, so Alt+A, Alt+I and Alt+R act on it at once. The same
 * hand-over as the cash desk's (cashdesk/pay-at-cashdesk.ts).
 */
let waiting: { payerCf: string; enrolmentId: string | null } | null = null;

export function openFamilyAccount(payerCf: string, enrolmentId: string | null): void {
  waiting = { payerCf, enrolmentId };
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F5', bubbles: true, cancelable: true }));
}

/** The account handed over, once. */
export function takeFamilyAccount(): { payerCf: string; enrolmentId: string | null } | null {
  const w = waiting;
  waiting = null;
  return w;
}
