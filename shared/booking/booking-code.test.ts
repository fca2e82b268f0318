import { describe, expect, it } from 'vitest';
import { bookingCodeFrom, bookingQrText, normalizeBookingCode } from './booking-code';

describe('booking codes', () => {
  it('are 6 unambiguous characters from 4 bytes', () => {
    expect(bookingCodeFrom(new Uint8Array([0, 0, 0, 0]))).toBe('000000');
    const code = bookingCodeFrom(new Uint8Array([255, 255, 255, 255]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
  });
  it('are read back from the QR text, a typed code with look-alikes, or not at all', () => {
    const code = bookingCodeFrom(new Uint8Array([1, 2, 3, 4]));
    expect(normalizeBookingCode(bookingQrText(code))).toBe(code);
    expect(normalizeBookingCode(' k7m-2qo ')).toBe('K7M2Q0');
    expect(normalizeBookingCode('A141')).toBeNull();
    expect(normalizeBookingCode('UUUUUU')).toBeNull();
  });
});
