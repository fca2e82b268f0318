import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshHubDb, HUB_BACKENDS } from '../../test-support/hub-backends';
import { FAST_TEST_SCRYPT } from '../../test-support/password-cost';
import type { HubDb } from '../db/open-hub-database';
import { seedComuniAndUsers } from '../seed/seed-demo';
import { BALZOLA, CASALE } from '../../test-support/registry-fixture';
import { cancelProtocol, correctProtocol, readRegister, registerProtocol } from './protocol-repository';

const reg = (registeredAt: string, comune = 'B885') => ({
  comune,
  registeredAt,
  direction: 'incoming' as const,
  correspondents: ['Rossi Mario'],
  subject: 'Istanza',
  caseId: null,
  registeredBy: 'anagrafe.casale',
});

describe.each(HUB_BACKENDS)('protocol register (%s hub)', (backend) => {
  let hubDb: HubDb;
  beforeEach(async () => {
    hubDb = await freshHubDb(backend);
    await seedComuniAndUsers(hubDb.db, [CASALE, BALZOLA], FAST_TEST_SCRYPT);
  });
  afterEach(async () => hubDb?.close());

  const register = (registeredAt: string, comune = 'B885') =>
    hubDb.db.transaction().execute((trx) => registerProtocol(trx, reg(registeredAt, comune)));

  it('is gap-free under concurrent transactions, and a rolled-back registration gives its number back', async () => {
    await Promise.all(Array.from({ length: 40 }, () => register('2026-05-04T10:00:00')));
    await expect(
      hubDb.db.transaction().execute(async (trx) => {
        await registerProtocol(trx, reg('2026-05-04T10:01:00'));
        throw new Error('the case was refused after numbering');
      }),
    ).rejects.toThrow('refused');
    expect(await register('2026-05-04T10:02:00')).toEqual({ year: 2026, number: 41 });
    const { entries, problems } = await readRegister(hubDb.db, 'B885', 2026, 100);
    expect(entries.map((e) => e.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 41 }, (_, i) => i + 1),
    );
    expect(problems).toEqual([]);
  });

  it('restarts from 1 on 1 January (Italian date) and numbers each comune on its own', async () => {
    expect(await register('2026-12-31T23:59:00')).toEqual({ year: 2026, number: 1 });
    expect(await register('2027-01-01T00:10:00')).toEqual({ year: 2027, number: 1 });
    expect(await register('2027-01-01T00:11:00', 'A605')).toEqual({ year: 2027, number: 1 });
    expect(await register('2027-01-02T09:00:00')).toEqual({ year: 2027, number: 2 });
    expect((await readRegister(hubDb.db, 'B885', 2027, 10)).entries[0]?.formatted).toBe('2027/0000002');
  });

  it('cancels with a visible mark and the act, and keeps corrected values', async () => {
    await register('2026-05-04T10:00:00');
    await hubDb.db.transaction().execute((trx) =>
      correctProtocol(trx, 'B885', { year: 2026, number: 1 }, 'subject', 'Istanza di contributo', {
        at: '2026-05-04T11:00:00',
        operator: 'supervisore.casale',
        reason: 'oggetto incompleto',
      }),
    );
    await hubDb.db.transaction().execute((trx) =>
      cancelProtocol(
        trx,
        'B885',
        { year: 2026, number: 1 },
        {
          at: '2026-05-05T09:30:00',
          operator: 'supervisore.casale',
          act: {
            kind: 'Provvedimento del responsabile',
            reference: '12/2026',
            date: '2026-05-05',
            issuedBy: 'E. Gatti',
          },
          reason: 'registrato due volte',
        },
      ),
    );
    await expect(
      hubDb.db.transaction().execute((trx) =>
        cancelProtocol(
          trx,
          'B885',
          { year: 2026, number: 1 },
          {
            at: '2026-05-05T09:31:00',
            operator: 'supervisore.casale',
            act: { kind: 'Provvedimento', reference: '13/2026', date: '2026-05-05', issuedBy: 'E. Gatti' },
            reason: 'di nuovo',
          },
        ),
      ),
    ).rejects.toMatchObject({ code: 'protocol_already_cancelled' });
    const [entry] = (await readRegister(hubDb.db, 'B885', 2026, 10)).entries;
    expect(entry).toMatchObject({ subject: 'Istanza di contributo', correspondents: ['Rossi Mario'] });
    expect(entry?.corrections).toEqual([
      expect.objectContaining({ field: 'subject', oldValue: 'Istanza', newValue: 'Istanza di contributo' }),
    ]);
    expect(entry?.cancellation?.mark.it).toBe(
      'ANNULLATO 2026/0000001 il 5 maggio 2026 alle 09:30 da supervisore.casale. Autorizzazione: Provvedimento del responsabile n. 12/2026 del 5 maggio 2026 (E. Gatti). Motivo: registrato due volte',
    );
    // the number is never reused
    expect(await register('2026-05-05T10:00:00')).toEqual({ year: 2026, number: 2 });
  });
});
