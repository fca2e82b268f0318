/**
 * The booking's short code: 6 Crockford base32 characters (no I, L, O, U: read aloud over the
 * phone or typed at the kiosk without confusion), about 10⁹ values, so a code cannot be guessed
 * within the kiosk's rate limit. The caller draws the random bytes (no I/O here).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BOOKING_CODE_LENGTH = 6;
export const BOOKING_CODE_BYTES = 4;

export function bookingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < BOOKING_CODE_BYTES) throw new Error('bookingCodeFrom: 4 random bytes needed');
  let n = 0;
  for (let i = 0; i < BOOKING_CODE_BYTES; i++) n = n * 256 + (bytes[i] ?? 0);
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) {
    code = (ALPHABET[n % 32] ?? '0') + code;
    n = Math.floor(n / 32);
  }
  return code;
}

/** The QR holds `SPORTELLO-BK:<code>`, so a scanner typing into the kiosk's field is told apart. */
export const QR_PREFIX = 'SPORTELLO-BK:';
export const bookingQrText = (code: string): string => `${QR_PREFIX}${code}`;

/**
 * What the kiosk's field received (typed, or a scanner's keystrokes) as a code in canonical form:
 * prefix dropped, upper case, the look-alikes read as Crockford does (O→0, I/L→1). Null when it
 * cannot be a code at all.
 */
export function normalizeBookingCode(raw: string): string | null {
  let text = raw.trim().toUpperCase();
  if (text.startsWith(QR_PREFIX)) text = text.slice(QR_PREFIX.length);
  text = text.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== BOOKING_CODE_LENGTH) return null;
  for (const c of text) if (!ALPHABET.includes(c)) return null;
  return text;
}
