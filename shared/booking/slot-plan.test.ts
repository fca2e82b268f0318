import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../calendar/iso-date';
import { CASALE_ANAGRAFE_PLAN as CASALE, BOOKABLE_SERVICE_KEYS } from './slot-plan-casale';
import {
  bookingRefusal,
  clockMinutes,
  confirmationDeadline,
  confirmedAtBooking,
  planOn,
  releaseDue,
  reminderDue,
  slotPlanProblems,
  slotsForDay,
  type SlotPlan,
} from './slot-plan';
import { WHAT_TO_BRING, whatToBring } from './what-to-bring';

// 2026-12-07 is a Monday; 8 December (Immacolata) a Tuesday; 12 November (Sant'Evasio) a Thursday.
const MONDAY = '2026-12-07';
const THURSDAY = '2026-12-10';

const booked = (plan: SlotPlan, date: string) =>
  Object.keys(plan.services).reduce(
    (minutes, key) =>
      minutes +
      slotsForDay(plan, date, key).reduce(
        (m, s) => m + s.capacity * (plan.services[key]?.slotMinutes ?? 0),
        0,
      ),
    0,
  );

describe('slotsForDay: the slots an office offers', () => {
  it('cuts Monday morning 08:30-12:30 into 20-minute CIE slots, the last ending at closing time', () => {
    const slots = slotsForDay(CASALE, MONDAY, 'cie');
    expect(slots[0]).toMatchObject({ start: '2026-12-07T08:30', end: '2026-12-07T08:50' });
    expect(slots.at(-1)?.end).toBe('2026-12-07T12:30');
    expect(slots).toHaveLength(12);
    // 4 counters × 240 min × 80 % bookable × 57 % to the CIE = 437.8 min: 21 whole appointments
    expect(slots.reduce((n, s) => n + s.capacity, 0)).toBe(21);
    expect(slots.every((s) => s.capacity >= 1 && s.capacity <= CASALE.counters)).toBe(true);
  });

  it('opens the Thursday afternoon too (14:30-16:30) and nothing in between', () => {
    const starts = slotsForDay(CASALE, THURSDAY, 'residence_change').map((s) => s.start.slice(11));
    expect(starts).toContain('08:30');
    expect(starts).toContain('14:30');
    const slots = slotsForDay(CASALE, THURSDAY, 'residence_change');
    expect(slots.every((s) => s.end.slice(11) <= '16:30')).toBe(true);
    expect(
      starts.some((t) => clockMinutes(t) >= clockMinutes('12:30') && clockMinutes(t) < clockMinutes('14:30')),
    ).toBe(false);
    expect(slotsForDay(CASALE, MONDAY, 'residence_change').some((s) => s.start.slice(11) >= '12:30')).toBe(
      false,
    );
  });

  it('offers nothing on a holiday, the patron saint, a weekend or a local closure', () => {
    expect(slotsForDay(CASALE, '2026-12-08', 'certificate')).toEqual([]); // Immacolata
    expect(slotsForDay(CASALE, '2026-11-12', 'certificate')).toEqual([]); // Sant'Evasio, Casale only
    expect(slotsForDay({ ...CASALE, comune: 'A859' }, '2026-11-12', 'certificate')).not.toEqual([]);
    expect(slotsForDay(CASALE, '2026-12-12', 'certificate')).toEqual([]); // Saturday
    expect(slotsForDay(CASALE, '2026-12-13', 'certificate')).toEqual([]); // Sunday
    expect(slotsForDay(CASALE, MONDAY, 'certificate', { extraClosures: [MONDAY] })).toEqual([]);
  });

  it('offers nothing for a service the office does not book, nor outside the plan’s validity', () => {
    expect(slotsForDay(CASALE, MONDAY, 'passport')).toEqual([]);
    expect(slotsForDay(CASALE, '2025-12-01', 'cie')).toEqual([]);
    expect(slotsForDay({ ...CASALE, validTo: '2026-12-06' }, MONDAY, 'cie')).toEqual([]);
  });

  it('never books the time kept for walk-ins, whatever the mix of services', () => {
    for (let d = 0; d < 28; d++) {
      const date = addDays(MONDAY, d);
      const weekday = isoWeekday(date);
      const open = slotsForDay(CASALE, date, 'cie').length > 0;
      const minutes = !open ? 0 : weekday === 2 || weekday === 4 ? 360 : 240;
      expect(booked(CASALE, date)).toBeLessThanOrEqual(
        (CASALE.counters * minutes * (100 - CASALE.walkInPercent)) / 100,
      );
    }
    // a larger walk-in share leaves fewer appointments; all of it leaves none
    expect(booked({ ...CASALE, walkInPercent: 50 }, MONDAY)).toBeLessThan(booked(CASALE, MONDAY));
    expect(booked({ ...CASALE, walkInPercent: 100 }, MONDAY)).toBe(0);
  });

  it('finds the plan in force for an office', () => {
    const next: SlotPlan = { ...CASALE, validFrom: '2027-01-01', counters: 5 };
    const plans = [{ ...CASALE, validTo: '2026-12-31' }, next];
    expect(planOn(plans, 'B885', 'anagrafe', MONDAY)?.counters).toBe(4);
    expect(planOn(plans, 'B885', 'anagrafe', '2027-02-01')?.counters).toBe(5);
    expect(planOn(plans, 'B885', 'tributi', MONDAY)).toBeNull();
  });

  it('finds nothing wrong with Casale’s plan, and names what is wrong in a bad one', () => {
    expect(slotPlanProblems(CASALE)).toEqual([]);
    const bad: SlotPlan = {
      ...CASALE,
      counters: 0,
      walkInPercent: 120,
      hours: { 1: [{ from: '12:30', to: '08:30' }] },
      services: {
        cie: { slotMinutes: 20, bookedPercent: 90, line: 'b' },
        permit: { slotMinutes: 0, bookedPercent: 20, line: 'D' },
      },
    };
    expect(slotPlanProblems(bad)).toHaveLength(6);
  });
});

describe('bookingRefusal', () => {
  const now = '2026-12-07T10:00';
  it('accepts a slot the plan offers, with or without seconds', () => {
    expect(bookingRefusal(CASALE, '2026-12-09T08:50', 'cie', now)).toBeNull();
    expect(bookingRefusal(CASALE, '2026-12-09T08:50:00', 'cie', now)).toBeNull();
  });

  it('refuses a slot in the past, including one starting right now', () => {
    expect(bookingRefusal(CASALE, '2026-12-07T09:10', 'cie', now)?.code).toBe('booking_in_past');
    expect(bookingRefusal(CASALE, '2026-12-07T10:00', 'cie', now)?.code).toBe('booking_in_past');
  });

  it('refuses a holiday naming it, and a day the office is closed', () => {
    expect(bookingRefusal(CASALE, '2026-12-08T08:30', 'cie', now)).toEqual({
      code: 'booking_holiday',
      params: {
        date: '2026-12-08',
        holiday: 'Immacolata Concezione',
        holiday_en: 'Immaculate Conception',
      },
    });
    expect(bookingRefusal(CASALE, '2026-12-13T08:30', 'cie', now)?.code).toBe('booking_holiday'); // Sunday
    expect(bookingRefusal(CASALE, '2026-12-12T08:30', 'cie', now)?.code).toBe('booking_office_closed'); // Saturday
    expect(
      bookingRefusal(CASALE, '2026-12-09T08:30', 'cie', now, { extraClosures: ['2026-12-09'] })?.code,
    ).toBe('booking_office_closed');
  });

  it('refuses a time outside the hours or off the service’s grid', () => {
    expect(bookingRefusal(CASALE, '2026-12-09T12:30', 'cie', now)?.code).toBe('booking_slot_unknown');
    expect(bookingRefusal(CASALE, '2026-12-09T08:35', 'cie', now)?.code).toBe('booking_slot_unknown');
    expect(bookingRefusal(CASALE, '2026-12-09T08:50:30', 'cie', now)?.code).toBe('booking_slot_unknown');
    expect(bookingRefusal(CASALE, '2026-12-09T14:30', 'cie', now)?.code).toBe('booking_slot_unknown'); // Wednesday
    expect(bookingRefusal(CASALE, '9 dicembre', 'cie', now)?.code).toBe('booking_slot_unknown');
    // a 5-minute certificate slot between two CIE slots: bookable for the one, not the other
    const between = slotsForDay(CASALE, '2026-12-09', 'certificate').find(
      (s) => (clockMinutes(s.start.slice(11)) - clockMinutes('08:30')) % 20 !== 0,
    );
    expect(between).toBeDefined();
    expect(bookingRefusal(CASALE, between?.start ?? '', 'certificate', now)).toBeNull();
    expect(bookingRefusal(CASALE, between?.start ?? '', 'cie', now)?.code).toBe('booking_slot_unknown');
  });

  it('refuses a service not booked here and a day beyond the booking horizon', () => {
    expect(bookingRefusal(CASALE, '2026-12-09T08:30', 'passport', now)?.code).toBe('booking_service_unknown');
    expect(bookingRefusal(CASALE, '2027-02-08T08:30', 'cie', now)).toEqual({
      code: 'booking_too_far_ahead',
      params: { date: '2027-02-08', max: 60, latest: '2027-02-05' },
    });
  });

  it('names the slot’s day and time in the refusal', () => {
    expect(bookingRefusal(CASALE, '2026-12-07T09:10', 'cie', now)).toEqual({
      code: 'booking_in_past',
      params: { date: '2026-12-07', time: '09:10' },
    });
  });
});

describe('confirmation, reminder and release (as Agenda CIE)', () => {
  const booking = { slotStart: '2026-12-14T09:10', state: 'pending' as const };
  it('releases a booking still unconfirmed when fewer than 3 days are left', () => {
    expect(confirmationDeadline(booking.slotStart)).toBe('2026-12-11');
    expect(releaseDue(booking, '2026-12-10')).toBe(false);
    expect(releaseDue(booking, '2026-12-11')).toBe(false); // the last day to confirm
    expect(releaseDue(booking, '2026-12-12')).toBe(true);
    expect(releaseDue(booking, '2026-12-14')).toBe(true);
  });

  it('never releases a confirmed, checked-in or already released booking', () => {
    for (const state of ['confirmed', 'checked_in', 'released', 'cancelled', 'no_show'] as const) {
      expect(releaseDue({ ...booking, state }, '2026-12-13')).toBe(false);
    }
  });

  it('reminds from 5 days before until the deadline', () => {
    expect(reminderDue(booking, '2026-12-08')).toBe(false);
    expect(reminderDue(booking, '2026-12-09')).toBe(true);
    expect(reminderDue(booking, '2026-12-11')).toBe(true);
    expect(reminderDue(booking, '2026-12-12')).toBe(false);
    expect(reminderDue({ ...booking, state: 'confirmed' }, '2026-12-10')).toBe(false);
  });

  it('takes a booking made within 3 days of its slot as confirmed', () => {
    expect(confirmedAtBooking(booking.slotStart, '2026-12-11')).toBe(true);
    expect(confirmedAtBooking(booking.slotStart, '2026-12-10')).toBe(false);
  });
});

describe('what to bring', () => {
  it('has a list in Italian and English, item for item, for every bookable service', () => {
    for (const key of BOOKABLE_SERVICE_KEYS) {
      const { it: italian, en } = WHAT_TO_BRING[key].bring;
      expect(italian.length).toBeGreaterThan(0);
      expect(en).toHaveLength(italian.length);
      expect(Object.keys(CASALE.services)).toContain(key);
    }
    expect(whatToBring('certificate', 'it')).toContain(
      'Una marca da bollo da € 16,00 per ogni certificato, salvo esenzione (indicare l’uso)',
    );
    expect(whatToBring('passport', 'en')).toEqual([]);
  });
});
