import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/contract/views';
import {
  hubExceptionsSchema,
  LOGIN_PATH,
  PROTOCOL_VERSION,
  PUSH_PATH,
} from '../../../../shared/sync/registry-page';
import { setClerkDisabled } from '../../../../hub/admin/users';
import { DEMO_PASSWORD } from '../../../../hub/seed/demo-users';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

/**
 * Who acts is what the hub itself verified: a workstation token plus one clerk's login must not
 * act as anybody else, and a counter's outbox goes out only with each author's own credential.
 */
describe.each(HUB_BACKENDS)('authorship of synced changes (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const certifiable = (clerk: string) => ({
    id: uuidv7(),
    name: 'registry.setCertifiable',
    args: { residentId: 'r-mario', notCertifiable: true, reason: 'verifica in corso sulla scheda' },
    clerk,
    at: new Date().toISOString(),
  });
  const notCertifiableAtHub = async () =>
    (
      await hub.hubDb.db
        .selectFrom('residents')
        .select('not_certifiable')
        .where('id', '=', 'r-mario')
        .executeTakeFirstOrThrow()
    ).not_certifiable;
  const supervisorExceptions = async (sup: TestDesk) => {
    const { exceptions } = hubExceptionsSchema.parse(await sup.core.ctx.hub.comuneExceptions(sup.token()));
    return exceptions;
  };

  it("refuses a clerk's session acting in a supervisor's name, and tells the supervisors", async () => {
    await desk.login('anagrafe.casale');
    const [forged] = await desk.core.ctx.hub.push([certifiable('supervisore.casale')], desk.token());
    expect(forged).toMatchObject({ status: 'rejected', error: { code: 'author_mismatch' } });
    const [own] = await desk.core.ctx.hub.push([certifiable('anagrafe.casale')], desk.token());
    expect(own).toMatchObject({ status: 'rejected', error: { code: 'action_not_allowed' } });
    expect(own?.error?.message).toBe(
      'Operazione «certificabilità della scheda» non consentita al ruolo operatore.',
    );
    expect(Number(await notCertifiableAtHub())).toBe(0);

    const sup = await startTestDesk(hub, { token: await hub.enrol('Casale - Ufficio') });
    try {
      await sup.login('supervisore.casale');
      const codes = (await supervisorExceptions(sup)).map((e) => e.code).sort();
      expect(codes).toEqual(['action_not_allowed', 'author_mismatch']);
      // the supervisor's own session may
      const [ok] = await sup.core.ctx.hub.push([certifiable('supervisore.casale')], sup.token());
      expect(ok).toMatchObject({ status: 'applied' });
      expect(Number(await notCertifiableAtHub())).toBe(1);
    } finally {
      await sup.close();
    }
  });

  it('refuses a push without a clerk credential, and a session opened at another workstation', async () => {
    await desk.login();
    const raw = (clerkToken: string | null) =>
      fetch(new URL(PUSH_PATH, hub.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${hub.casaleToken}`,
          'x-sportello-protocol': String(PROTOCOL_VERSION),
          ...(clerkToken ? { 'x-sportello-clerk': clerkToken } : {}),
        },
        body: JSON.stringify({ mutations: [certifiable('anagrafe.casale')] }),
      });
    const none = await raw(null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'clerk_session_required' } });

    // a second counter of the same comune logs the same clerk in: that session is its own
    const other = await startTestDesk(hub, { token: await hub.enrol('Casale - Anagrafe 2') });
    try {
      await other.login();
      const stolen = await raw(other.token());
      expect(stolen.status).toBe(401);
      expect(await stolen.json()).toMatchObject({ error: { code: 'clerk_session_invalid' } });
    } finally {
      await other.close();
    }
  });

  it('ends the hub session at logout', async () => {
    await desk.login();
    const token = desk.token();
    await desk.ok('session:logout');
    const until = Date.now() + 5000;
    let answer: unknown = null;
    while (Date.now() < until) {
      answer = await desk.core.ctx.hub
        .push([certifiable('anagrafe.casale')], token)
        .catch((err: unknown) => err);
      if ((answer as { code?: string }).code === 'clerk_session_invalid') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(answer).toMatchObject({ code: 'clerk_session_invalid' });
  });

  it("keeps a change made offline until its author's credential can take it to the hub", async () => {
    await desk.login();
    await desk.ok('session:logout');
    await hub.stop();
    // offline login: the push key the hub gave at the online login is unsealed by the password
    expect(
      await desk.call('session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD }),
    ).toMatchObject({ ok: true, value: { offline: true } });
    await desk.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142777777', email: null });
    await hub.start();
    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 0, waitingFor: null });
    const mario = await hub.hubDb.db
      .selectFrom('residents')
      .select('phone')
      .where('id', '=', 'r-mario')
      .executeTakeFirstOrThrow();
    expect(mario.phone).toBe('0142777777');
  });

  it('holds the outbox, visibly, while its author has no credential at this counter (after a restart)', async () => {
    await desk.login();
    await hub.stop();
    await desk.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142888888', email: null });
    // the counter restarts: credentials lived in memory only
    desk.core.ctx.authors.clear();
    await hub.start();
    const waiting: SyncStatus = await desk.core.sync.syncOnce();
    expect(waiting).toMatchObject({ pending: 1, waitingFor: 'anagrafe.casale', online: true });
    await desk.login();
    expect(await desk.core.sync.syncOnce()).toMatchObject({ pending: 0, waitingFor: null, exceptions: 0 });
  });

  it("refuses, with a reason, what a disabled clerk queued: the rest of the counter's queue goes on", async () => {
    await desk.login();
    await hub.stop();
    await desk.ok('registry:updateContacts', { residentId: 'r-mario', phone: '0142999999', email: null });
    await hub.start();
    await setClerkDisabled(hub.hubDb.db, 'anagrafe.casale', true);
    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ pending: 0, exceptions: 1 });
    const [exception] = await desk.ok<{ code: string }[]>('sync:exceptions');
    expect(exception).toMatchObject({ code: 'author_disabled' });
    // and the desk knows: no offline login for that clerk any more
    await hub.stop();
    expect(
      await desk.call('session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD }),
    ).toMatchObject({ ok: false, error: { code: 'offline_login_unavailable' } });
  });

  it('issues the push key with the login, bound to the offline grace', async () => {
    const res = await fetch(new URL(LOGIN_PATH, hub.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hub.casaleToken}`,
        'x-sportello-protocol': String(PROTOCOL_VERSION),
      },
      body: JSON.stringify({ username: 'anagrafe.casale', password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { token: string; pushKey: string; pushKeyExpiresAt: string };
    expect(body.pushKey).not.toBe(body.token);
    const hours = (new Date(body.pushKeyExpiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const rows = await hub.hubDb.db.selectFrom('clerk_sessions').select(['kind', 'token_hash']).execute();
    // only hashes are stored
    expect(rows.map((r) => r.kind).sort()).toEqual(['push', 'session']);
    expect(rows.some((r) => r.token_hash === body.pushKey || r.token_hash === body.token)).toBe(false);
  });
});
