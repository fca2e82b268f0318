/**
 * Another screen sends a notice to the cash desk (F8): the number waits here, the shell opens the
 * area as if F8 had been pressed, and the cash desk looks it up at once (the Pay button then has
 * the focus). One number at a time: the cash desk takes it when it mounts.
 */
let waiting: string | null = null;

export function payAtCashdesk(noticeNumber: string): void {
  waiting = noticeNumber;
  window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F8', bubbles: true, cancelable: true }));
}

/** The number handed over, once. */
export function takeNoticeForCashdesk(): string | null {
  const n = waiting;
  waiting = null;
  return n;
}
