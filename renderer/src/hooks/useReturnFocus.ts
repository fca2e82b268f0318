import { useEffect, useState } from 'react';

/**
 * Where a dialog that closed into its successor (a form into its "issued" panel) would have sent
 * focus: the successor's own opener was inside the form, gone with it, so it returns here instead.
 */
let handedOver: HTMLElement | null = null;

const usable = (el: HTMLElement | null): el is HTMLElement => !!el && el.isConnected && el !== document.body;

/**
 * Called once by every dialog and inline form: when it closes (Esc, confirm, cancel), focus goes
 * back to where the clerk was when it opened — the button, the row, the search box — instead of
 * falling to the page's top, from where the clerk would Tab up to 30 times to get back.
 *
 * The element is read while the dialog first renders, before its own autofocus moves focus
 * inside it. Focus is handed back only if it was lost with the dialog (it sits on <body>): a
 * screen that deliberately focuses something else after a confirm (the next field, the panel
 * that follows) keeps that choice, and the place is kept for when that panel closes.
 */
export function useReturnFocus(): void {
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(
    () => () => {
      // after React has removed the dialog's elements, and after any focus set in the same commit
      setTimeout(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        const target = usable(opener) ? opener : usable(handedOver) ? handedOver : null;
        if (lost) {
          handedOver = null;
          target?.focus();
        } else handedOver = target;
      }, 0);
    },
    [opener],
  );
}
