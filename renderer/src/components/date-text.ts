/**
 * Dates as the clerk reads and types them: gg/mm/aaaa, whatever language the PC's browser was
 * installed in (a native <input type="date"> follows the browser's locale and shows 12/04/2026
 * for 4 December on an en-US Windows). Pure: no clock.
 */

const ITALIAN = new Intl.DateTimeFormat('it-IT', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2026-12-04' → '04/12/2026' ('' stays ''; anything not an ISO date is shown as it is). */
export function italianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return ITALIAN.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/**
 * What the clerk typed → ISO date, or null when it is not a whole, real date yet. Accepts
 * 4/12/2026, 04.12.2026, 04-12-2026, 04122026 and the ISO 2026-12-04 (pasted, or from a scanner).
 */
export function parseItalianDate(text: string): string | null {
  const s = text.trim();
  let parts: [number, number, number] | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const it = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (it) parts = [Number(it[3]), Number(it[2]), Number(it[1])];
  else if (digits) parts = [Number(digits[3]), Number(digits[2]), Number(digits[1])];
  if (!parts) return null;
  const [y, mo, d] = parts;
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return null;
  // 31/04 or 29/02 of a common year: not a date, never silently moved to the next month
  const real = new Date(Date.UTC(y, mo - 1, d));
  if (real.getUTCMonth() !== mo - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
