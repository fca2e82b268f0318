import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../calendar/iso-date';
import { localMinutes, nextTicket, ticketCode, type QueueTicket } from './call-order';

const D = '2026-12-07';
let n = 0;
const ticket = (over: Partial<QueueTicket> & { arrivedAt: string }): QueueTicket => ({
  code: `X${String(++n).padStart(3, '0')}`,
  line: 'A',
  priority: false,
  slotStart: null,
  status: 'waiting',
  ...over,
  arrivedAt: `${D}T${over.arrivedAt}`,
});
const booked = (slot: string, arrived: string, line = 'B') =>
  ticket({ line, slotStart: `${D}T${slot}`, arrivedAt: arrived });
const at = (time: string) => `${D}T${time}`;

describe('nextTicket: who the counter calls', () => {
  it('calls a booked citizen whose slot has come before walk-ins who came earlier', () => {
    const walkIn = ticket({ arrivedAt: '08:31', line: 'B' });
    const appointment = booked('09:00', '08:50');
    expect(nextTicket([walkIn, appointment], at('09:00'), ['A', 'B'])).toBe(appointment);
    // within the 5-minute grace a booked ticket may be called a little early…
    expect(nextTicket([walkIn, appointment], at('08:55'), ['A', 'B'])).toBe(appointment);
    // …but not earlier than that while walk-ins wait
    expect(nextTicket([walkIn, appointment], at('08:54'), ['A', 'B'])).toBe(walkIn);
  });

  it('calls an early booked citizen rather than leave the counter idle', () => {
    const appointment = booked('10:00', '09:00');
    expect(nextTicket([appointment], at('09:05'), ['B'])).toBe(appointment);
  });

  it('orders booked tickets by slot, then arrival', () => {
    const later = booked('09:20', '08:40');
    const first = booked('09:00', '08:58');
    const sameSlotEarlier = booked('09:00', '08:45');
    expect(nextTicket([later, first, sameSlotEarlier], at('09:30'), ['B'])).toBe(sameSlotEarlier);
  });

  it('makes a citizen who arrived more than 15 minutes after the slot wait as a walk-in', () => {
    const lateBooked = booked('09:00', '09:16');
    const walkIn = ticket({ arrivedAt: '09:10', line: 'B' });
    expect(nextTicket([lateBooked, walkIn], at('09:20'), ['B'])).toBe(walkIn);
    expect(nextTicket([booked('09:00', '09:15'), walkIn], at('09:20'), ['B'])?.slotStart).toBe(at('09:00'));
    expect(nextTicket([lateBooked, walkIn], at('09:20'), ['B'], { lateMinutes: 30 })).toBe(lateBooked);
  });

  it('serves walk-ins priority first, then by the counter’s order of lines, first come first served', () => {
    const a1 = ticket({ arrivedAt: '08:40', line: 'A' });
    const a2 = ticket({ arrivedAt: '08:35', line: 'A' });
    const c1 = ticket({ arrivedAt: '08:31', line: 'C' });
    const cPriority = ticket({ arrivedAt: '08:50', line: 'C', priority: true });
    expect(nextTicket([a1, a2, c1], at('09:00'), ['A', 'C'])).toBe(a2);
    expect(nextTicket([a1, a2, c1], at('09:00'), ['C', 'A'])).toBe(c1);
    expect(nextTicket([a1, a2, c1, cPriority], at('09:00'), ['A', 'C'])).toBe(cPriority);
  });

  it('calls only lines the counter serves, and only waiting tickets', () => {
    const d = ticket({ arrivedAt: '08:31', line: 'D' });
    const called = ticket({ arrivedAt: '08:30', line: 'A', status: 'called' });
    const serving = booked('09:00', '08:55', 'A');
    const servingNow = { ...serving, status: 'serving' as const };
    expect(nextTicket([d, called, servingNow], at('09:00'), ['A', 'B'])).toBeNull();
    expect(nextTicket([], at('09:00'), ['A'])).toBeNull();
  });

  it('gives a ticket transferred to a counter to that counter only, after its booked ones', () => {
    const moved = ticket({ arrivedAt: '08:45', line: 'A', forCounter: '3' });
    const walkIn = ticket({ arrivedAt: '08:31', line: 'A' });
    const appointment = booked('09:00', '08:58', 'A');
    expect(nextTicket([moved, walkIn], at('09:00'), { id: '3', lines: ['A'] })).toBe(moved);
    expect(nextTicket([moved, walkIn], at('09:00'), { id: '2', lines: ['A'] })).toBe(walkIn);
    expect(nextTicket([moved, walkIn, appointment], at('09:00'), { id: '3', lines: ['A'] })).toBe(
      appointment,
    );
    // transferred to counter 3 for a line counter 3 does not usually serve: still counter 3's
    expect(nextTicket([{ ...moved, line: 'D' }], at('09:00'), { id: '3', lines: ['A'] })?.code).toBe(
      moved.code,
    );
  });

  it('gives the same answer whatever the order of the list', () => {
    const list = [
      ticket({ arrivedAt: '08:40', line: 'A' }),
      ticket({ arrivedAt: '08:40', line: 'A' }),
      booked('09:00', '08:59', 'A'),
      booked('09:00', '08:59', 'A'),
      ticket({ arrivedAt: '08:41', line: 'A', priority: true }),
    ];
    const first = nextTicket(list, at('09:00'), ['A']);
    expect(nextTicket([...list].reverse(), at('09:00'), ['A'])).toBe(first);
    expect(first).toBe(list[2]);
  });
});

describe('ticket codes', () => {
  it('writes the line letter and three digits, starting again after 999', () => {
    expect(ticketCode('A', 141)).toBe('A141');
    expect(ticketCode('B', 17)).toBe('B017');
    expect(ticketCode('C', 999)).toBe('C999');
    expect(ticketCode('C', 1000)).toBe('C001');
  });

  it('refuses a line that is not one capital letter, or a number below 1', () => {
    expect(() => ticketCode('a', 1)).toThrow(RangeError);
    expect(() => ticketCode('AB', 1)).toThrow(RangeError);
    expect(() => ticketCode('A', 0)).toThrow(RangeError);
    expect(() => ticketCode('A', 1.5)).toThrow(RangeError);
  });
});

describe('localMinutes', () => {
  it('counts minutes across midnight and reads seconds', () => {
    expect(localMinutes('2026-12-08T00:00') - localMinutes('2026-12-07T23:59')).toBe(1);
    expect(localMinutes('2026-12-07T10:00:30') - localMinutes('2026-12-07T10:00')).toBe(0.5);
    expect(() => localMinutes('10:00')).toThrow(RangeError);
    expect(() => localMinutes('2026-02-29T10:00')).toThrow(RangeError);
    expect(() => localMinutes('2026-12-07T24:00')).toThrow(RangeError);
  });

  it('agrees with the calendar’s own day numbers', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2026-12-31', '2027-03-01', '2100-03-01']) {
      expect(localMinutes(`${date}T00:00`)).toBe(toDayNumber(date) * 1440);
    }
  });
});
