import { describe, expect, it } from 'vitest';
import { spotConflict, type SpotOccupation } from './spot';

const bar: SpotOccupation = {
  id: 'C-1',
  street: 'Via Roma',
  civic: '12',
  start: '2026-05-01',
  end: '2026-05-31',
  measure: 20,
  status: 'approved',
};

const ask = { street: 'Via Roma', civic: '12', start: '2026-06-01', end: '2026-06-10', measure: 12 };

describe('a period already fully booked for that spot', () => {
  it('the day after the last booked day is free; the last day itself is not (inclusive days)', () => {
    expect(spotConflict(ask, [bar])).toBeNull();
    const onEdge = spotConflict({ ...ask, start: '2026-05-31' }, [bar]);
    expect(onEdge).toEqual([
      {
        from: '2026-05-31',
        to: '2026-05-31',
        bookedM2: 20,
        requestedM2: 12,
        capacityM2: 30,
        occupations: [bar],
      },
    ]);
  });

  it('ending the day before a booking starts is free', () => {
    expect(spotConflict({ ...ask, start: '2026-04-20', end: '2026-04-30' }, [bar])).toBeNull();
    expect(spotConflict({ ...ask, start: '2026-04-20', end: '2026-05-01' }, [bar])?.[0]).toMatchObject({
      from: '2026-05-01',
      to: '2026-05-01',
    });
  });

  it('filling the spot exactly is allowed; one square metre more is not', () => {
    expect(spotConflict({ ...ask, start: '2026-05-10', end: '2026-05-12', measure: 10 }, [bar])).toBeNull();
    expect(
      spotConflict({ ...ask, start: '2026-05-10', end: '2026-05-12', measure: 10.5 }, [bar]),
    ).not.toBeNull();
  });

  it('pending applications count; refused and revoked ones do not', () => {
    const inMay = { ...ask, start: '2026-05-10', end: '2026-05-12' };
    expect(spotConflict(inMay, [{ ...bar, status: 'pending' }])).not.toBeNull();
    expect(spotConflict(inMay, [{ ...bar, status: 'refused' }])).toBeNull();
    expect(spotConflict(inMay, [{ ...bar, status: 'revoked' }])).toBeNull();
  });

  it('another civic number or street is another spot; spelling variants are the same spot', () => {
    const inMay = { ...ask, start: '2026-05-10', end: '2026-05-12' };
    expect(spotConflict({ ...inMay, civic: '14' }, [bar])).toBeNull();
    expect(spotConflict({ ...inMay, street: 'Via Lanza' }, [bar])).toBeNull();
    expect(spotConflict({ ...inMay, street: 'via  roma' }, [bar])).not.toBeNull();
    expect(spotConflict({ ...inMay, civic: '12/a' }, [{ ...bar, civic: '12 A' }])).not.toBeNull();
  });

  it('several small bookings add up only on the days they overlap', () => {
    const a = { ...bar, id: 'A', start: '2026-07-01', end: '2026-07-10', measure: 10 };
    const b = { ...bar, id: 'B', start: '2026-07-06', end: '2026-07-20', measure: 10 };
    const result = spotConflict({ ...ask, start: '2026-07-01', end: '2026-07-31', measure: 11 }, [a, b]);
    expect(result).toEqual([
      {
        from: '2026-07-06',
        to: '2026-07-10',
        bookedM2: 20,
        requestedM2: 11,
        capacityM2: 30,
        occupations: [a, b],
      },
    ]);
  });

  it('a permanent concession blocks every later period; a permanent request meets later bookings', () => {
    const kiosk = { ...bar, start: '2026-01-01', end: null, measure: 25 };
    expect(spotConflict({ ...ask, start: '2030-01-01', end: '2030-01-02' }, [kiosk])?.[0]).toMatchObject({
      from: '2030-01-01',
      to: '2030-01-02',
    });
    const permanent = spotConflict({ ...ask, start: '2026-01-01', end: null, measure: 15 }, [bar]);
    expect(permanent).toEqual([
      {
        from: '2026-05-01',
        to: '2026-05-31',
        bookedM2: 20,
        requestedM2: 15,
        capacityM2: 30,
        occupations: [bar],
      },
    ]);
    expect(spotConflict({ ...ask, end: null, measure: 15 }, [kiosk])?.[0]).toMatchObject({ to: null });
  });

  it('the capacity is a setting', () => {
    expect(spotConflict({ ...ask, start: '2026-05-10', end: '2026-05-12' }, [bar], 40)).toBeNull();
  });
});
