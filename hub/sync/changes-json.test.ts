import { describe, expect, it } from 'vitest';
import { changesJson, type StoredChange } from './change-log';

const payloads: unknown[] = [
  { id: 'r-1', surname: 'D\'Amico "Nino"', givenNames: 'Łukasz\nÉmile', phone: null, notCertifiable: false },
  { amountCents: 123456, lines: [{ text: 'Via Roma 12 \\ int. 3', n: 1.5 }], when: '2026-12-07T10:00:00' },
  'solo testo',
  null,
];

describe('the pull answer written as JSON text', () => {
  it('is the document JSON.stringify makes of the parsed changes, whatever the payloads hold', () => {
    const changes = payloads.map((p, i): StoredChange => ({
      seq: 10 + i,
      entity: i % 2 ? 'case' : 'resident',
      entityId: `e-"${i}"`,
      op: i === 3 ? 'delete' : 'upsert',
      // as the log stores it: what appendChange wrote
      payload: JSON.stringify(p),
      mutationId: i === 0 ? null : `m-${i}`,
    }));
    const text = changesJson(changes, 42, 3);
    const parsed = changes.map((c) => ({ ...c, payload: JSON.parse(c.payload) as unknown }));
    expect(JSON.parse(text)).toEqual({ changes: parsed, head: 42, epoch: 3 });
    expect(text).toBe(JSON.stringify({ changes: parsed, head: 42, epoch: 3 }));
  });

  it('answers an empty page', () => {
    expect(JSON.parse(changesJson([], 0, 1))).toEqual({ changes: [], head: 0, epoch: 1 });
  });
});
