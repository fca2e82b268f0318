import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../hub/seed/demo-users';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from './core';
import { memoryCredentialStore } from './credential-file';

/** The desk core over a real SQLite file, talking real HTTP to a real hub. */
describe('desk core', () => {
  let hub: TestHub;
  let desk: DeskCore;
  let clock = new Date('2026-11-26T09:00:00Z');
  let dir: string;

  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'sportello-desk-'));
    desk = await createDeskCore({
      dbFile: join(dir, 'desk.sqlite'),
      config: { ...DEFAULT_DESK_CONFIG, version: 'test' },
      credentials: memoryCredentialStore({
        hubUrl: hub.url,
        workstation: 'Casale - Anagrafe 1',
        token: hub.casaleToken,
      }),
      now: () => clock,
    });
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  const call = (name: string, input: unknown = {}) => desk.dispatch(name, input);
  const auditCount = async () =>
    Number(
      (
        await desk.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses registry calls before login', async () => {
    expect(await call('registry:search', { query: 'rossi' })).toMatchObject({
      ok: false,
      error: { code: 'not_logged_in' },
    });
  });

  it("mirrors its own comune's registry from the hub, and only that", async () => {
    expect(await desk.sync.syncOnce()).toMatchObject({
      state: 'ready',
      residents: 6,
      online: true,
      pending: 0,
    });
    const ids = (await desk.ctx.db.selectFrom('residents').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain('r-balzola');
  });

  it('explains a wrong password in Italian and logs in with the right one', async () => {
    const wrong = await call('session:login', { username: 'anagrafe.casale', password: 'nope' });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'wrong_credentials',
        message: 'Nome utente o password errati. Tentativi rimasti prima del blocco: 4.',
        params: { remaining: 4 },
      },
    });
    const ok = await call('session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD });
    expect(ok).toMatchObject({
      ok: true,
      value: { clerk: { username: 'anagrafe.casale' }, comune: { name: 'Casale Monferrato' } },
    });
  });

  it('finds residents by name, with apostrophes and accents, by code prefix and by birth date', async () => {
    const names = async (query: string) => {
      const r = await call('registry:search', { query });
      if (!r.ok || (r.value as { kind: string }).kind !== 'results') throw new Error(JSON.stringify(r));
      return (r.value as { residents: { surname: string; givenNames: string }[] }).residents.map(
        (x) => `${x.surname} ${x.givenNames}`,
      );
    };
    expect(await names('Rossi Mario')).toEqual(['Rossi Mario']);
    expect(await names('rossi')).toEqual(['Rossi Giuseppe', 'Rossi Luca', 'Rossi Mario']);
    expect(await names("d'amico")).toEqual(["D'Amico Nicolò"]);
    expect(await names('damico nicolo')).toEqual(["D'Amico Nicolò"]);
    expect(await names('RSSMRA72')).toEqual(['Rossi Mario']);
    expect(await names('rssmra72l09h501s')).toEqual(['Rossi Mario']);
    expect(await names('01/01/1980')).toEqual(['Bianchi Anna']);
    expect(await names('Verdi')).toEqual([]);
  });

  it('explains an invalid codice fiscale instead of returning nothing', async () => {
    const r = await call('registry:search', { query: 'RSSMRA72L09H501X' });
    expect(r).toMatchObject({
      ok: true,
      value: {
        kind: 'invalid_cf',
        explanations: [
          'Carattere di controllo errato: è «X», dovrebbe essere «S». Probabile errore di battitura.',
        ],
      },
    });
  });

  it('opens a record with address and family, and audits the read', async () => {
    const before = await auditCount();
    const r = await call('registry:get', { id: 'r-luca', purpose: 'richiesta certificato' });
    expect(r.ok).toBe(true);
    const detail = (
      r as { value: { address: { line: string }; family: { givenNames: string; relationship: string }[] } }
    ).value;
    expect(detail.address.line).toBe('Via Roma 12');
    expect(detail.family.map((m) => `${m.givenNames}:${m.relationship}`)).toEqual([
      'Mario:intestatario',
      'Anna:coniuge',
      'Luca:figlio',
    ]);
    expect(await auditCount()).toBe(before + 1);
    const last = await desk.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      action: 'resident.read',
      entity_id: 'r-luca',
      clerk: 'anagrafe.casale',
      workstation: 'Casale - Anagrafe 1',
      reason: 'richiesta certificato',
    });
    expect(await call('audit:verify')).toMatchObject({ ok: true, value: { intact: true } });
  });

  it('rejects bad input with a typed error and writes nothing', async () => {
    const before = await auditCount();
    expect(await call('registry:get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('registry:get', { id: 'r-luca', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('registry:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await call('registry:get', { id: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'resident_not_found', message: 'Scheda anagrafica non trovata.' },
    });
    expect(await auditCount()).toBe(before);
  });

  it('answers in English once the clerk switches language', async () => {
    await call('app:setLocale', { locale: 'en' });
    expect(await call('registry:get', { id: 'nobody' })).toMatchObject({
      error: { message: 'Registry record not found.' },
    });
    await call('app:setLocale', { locale: 'it' });
  });

  it('ends an idle session after the timeout and says so', async () => {
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(await call('registry:search', { query: 'rossi' })).toMatchObject({
      ok: false,
      error: {
        code: 'session_expired',
        message: 'Sessione scaduta per inattività (15 minuti). Accedere di nuovo.',
      },
    });
    expect(await call('session:current')).toEqual({ ok: true, value: null });
    const last = await desk.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'session.logout', reason: 'idle timeout' });
  });

  it('lets a known clerk log in offline when the hub is down, and nobody else', async () => {
    await hub.close();
    const known = await call('session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD });
    expect(known).toMatchObject({
      ok: true,
      value: { offline: true, clerk: { username: 'anagrafe.casale' } },
    });
    const wrong = await call('session:login', { username: 'anagrafe.casale', password: 'nope' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    const stranger = await call('session:login', { username: 'supervisore.casale', password: DEMO_PASSWORD });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'offline_login_unavailable' } });
    // searching the local mirror still works while offline
    expect(await call('registry:search', { query: 'rossi mario' })).toMatchObject({
      ok: true,
      value: { kind: 'results' },
    });
    expect(existsSync(join(dir, 'desk.sqlite'))).toBe(true);
  });
});
