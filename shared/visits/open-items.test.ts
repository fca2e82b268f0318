import { describe, expect, it } from 'vitest';
import { payableCents, permitExpiringSoon, sortOpenItems, type OpenItemView } from './open-items';

const item = (over: Partial<OpenItemView>): OpenItemView => ({
  kind: 'notice',
  id: 'notice:1',
  personId: null,
  personName: '',
  title: '',
  amountCents: null,
  notPayable: null,
  date: null,
  debt: null,
  permitId: null,
  caseId: null,
  ...over,
});

describe('open items of a visit', () => {
  it('offers a permit for renewal from 30 days before its last day to that day, across a year end', () => {
    expect(permitExpiringSoon('2027-01-30', '2026-12-31')).toBe(true);
    expect(permitExpiringSoon('2027-01-31', '2026-12-31')).toBe(false);
    expect(permitExpiringSoon('2026-12-31', '2026-12-31')).toBe(true);
    expect(permitExpiringSoon('2026-12-30', '2026-12-31')).toBe(false);
  });

  it('puts money first, the nearest date first, and cases last', () => {
    const sorted = sortOpenItems([
      item({ kind: 'case', id: 'case:a', date: '2026-01-01' }),
      item({ kind: 'permit', id: 'permit:a', date: '2026-02-01' }),
      item({ kind: 'notice', id: 'notice:b', date: '2026-03-01' }),
      item({ kind: 'fine', id: 'fine:b', date: null }),
      item({ kind: 'fine', id: 'fine:a', date: '2026-04-01' }),
      item({ kind: 'canteen', id: 'notice:c', date: '2026-01-01' }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual([
      'fine:a',
      'fine:b',
      'notice:b',
      'notice:c',
      'permit:a',
      'case:a',
    ]);
  });

  it('adds up only what the cash desk can take today', () => {
    expect(
      payableCents([
        item({ debt: { kind: 'notice', key: '1' }, amountCents: 2_940 }),
        item({ debt: { kind: 'notice', key: '2' }, amountCents: null, notPayable: 'scaduto' }),
        item({ kind: 'permit', amountCents: null }),
        item({ debt: { kind: 'fine', key: '3' }, amountCents: 18_150 }),
      ]),
    ).toBe(21_090);
  });
});
