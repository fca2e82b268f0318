import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../../shared/calendar/rome-date';
import type { CounterSessionView } from '../../../../shared/contract/cashdesk-views';
import type { IssuedCertificate } from '../../../../shared/contract/views';
import { VERIFY_RATE_LIMIT } from '../../../../hub/certificates/verification-routes';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

async function verify(hub: TestHub, id: string) {
  const res = await fetch(`${hub.url}/api/public/verifica/${id}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Documents the hub cannot vouch for are not valid: a certificate pushed with facts the hub's
 * records do not support is kept but the public page says it is not verifiable.
 */
describe.each(HUB_BACKENDS)('certificates vouched by the hub (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  const year = () => new Date().getFullYear();
  const forgedId = () => `B885-P1-${year()}-000777-7KQ3ZP9M`;
  let till = '';
  beforeEach(async () => {
    till = (await desk.ok<CounterSessionView>('cashdesk:open', { openingFloatCents: 0 })).id;
    await desk.core.sync.syncOnce();
  });
  const record = (over: Record<string, unknown>) => ({
    id: uuidv7(),
    name: 'certificates.record',
    clerk: 'anagrafe.casale',
    at: new Date().toISOString(),
    args: {
      id: forgedId(),
      residentId: 'r-mario',
      holderInitials: 'M. R.',
      title: 'Certificato di residenza',
      facts: ['residenza'],
      storicoReferenceDate: null,
      destination: 'private_it',
      issuedOn: romeDateOf(new Date()),
      issuedAt: new Date().toISOString(),
      validUntil: '2099-12-31',
      bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' },
      dirittiCents: 26,
      tillSessionId: till,
      sha256: 'a'.repeat(64),
      pages: 1,
      delivery: 'printed',
      ...over,
    },
  });

  it('says "not verifiable" of a pushed certificate with a forged validity to 2099', async () => {
    const [pushed] = await desk.core.ctx.hub.push([record({})], desk.token());
    expect(pushed).toMatchObject({ status: 'applied' });
    const seen = await verify(hub, forgedId());
    expect(seen.body).toMatchObject({ exists: true, status: 'not_verifiable' });
    const page = await (await fetch(`${hub.url}/verifica/${forgedId()}`)).text();
    expect(page).toContain('NON VERIFICABILE');
    expect(page).not.toContain('data-status="valid"');
    const exceptions = await hub.hubDb.db
      .selectFrom('sync_exceptions')
      .select(['code', 'message'])
      .where('code', '=', 'certificate_not_verifiable')
      .execute();
    expect(exceptions[0]?.message).toMatch(/validità diversa/);
  });

  it('says "not verifiable" of a certificate for a record the comune marked not certifiable', async () => {
    await hub.hubDb.db
      .updateTable('residents')
      .set({ not_certifiable: 1 })
      .where('id', '=', 'r-mario')
      .execute();
    const [pushed] = await desk.core.ctx.hub.push(
      [record({ validUntil: nextSixMonths(romeDateOf(new Date())) })],
      desk.token(),
    );
    expect(pushed).toMatchObject({ status: 'applied' });
    expect((await verify(hub, forgedId())).body).toMatchObject({ status: 'not_verifiable' });
  });

  it('still finds a certificate issued at the counter valid', async () => {
    const issued = await desk.ok<IssuedCertificate>('certificates:issue', {
      residentId: 'r-mario',
      facts: ['residenza'],
      destination: 'private_it',
      bollo: { kind: 'marca', marcaId: '01234567890123' },
      delivery: 'printed',
    });
    await desk.core.sync.syncOnce();
    expect((await verify(hub, issued.id)).body).toMatchObject({ exists: true, status: 'valid' });
  });

  it('cannot be walked number by number: the series number alone, or with another key, finds nothing', async () => {
    const issued = await desk.ok<IssuedCertificate>('certificates:issue', {
      residentId: 'r-mario',
      facts: ['residenza'],
      destination: 'private_it',
      bollo: { kind: 'marca', marcaId: '01234567890124' },
      delivery: 'printed',
    });
    await desk.core.sync.syncOnce();
    expect(issued.id).toMatch(new RegExp(`^B885-P1-${year()}-000001-[0-9A-HJKMNP-TV-Z]{8}$`));
    const number = issued.id.slice(0, -9);
    expect((await verify(hub, issued.id)).status).toBe(200);
    expect((await verify(hub, number)).status).toBe(404);
    expect((await verify(hub, `${number}-00000000`)).status).toBe(404);
    // a desk that sends a number without its key is told to update, and nothing is recorded
    const [unkeyed] = await desk.core.ctx.hub.push(
      [record({ id: `B885-P1-${year()}-000778`, validUntil: nextSixMonths(romeDateOf(new Date())) })],
      desk.token(),
    );
    expect(unkeyed).toMatchObject({ status: 'rejected', error: { code: 'certificate_id_unkeyed' } });
    expect((await verify(hub, `B885-P1-${year()}-000778`)).status).toBe(404);
  });

  it("refuses diritti that do not match the comune's setting, or that went into no till", async () => {
    const [cheap] = await desk.core.ctx.hub.push(
      [record({ dirittiCents: 1, validUntil: nextSixMonths(romeDateOf(new Date())) })],
      desk.token(),
    );
    expect(cheap).toMatchObject({ status: 'rejected', error: { code: 'certificate_fee_mismatch' } });
    const [nowhere] = await desk.core.ctx.hub.push(
      [record({ tillSessionId: null, validUntil: nextSixMonths(romeDateOf(new Date())) })],
      desk.token(),
    );
    expect(nowhere).toMatchObject({ status: 'rejected', error: { code: 'certificate_fee_not_in_till' } });
    const [forged] = await desk.core.ctx.hub.push(
      [record({ tillSessionId: uuidv7(), validUntil: nextSixMonths(romeDateOf(new Date())) })],
      desk.token(),
    );
    expect(forged).toMatchObject({ status: 'rejected', error: { code: 'till_session_unknown' } });
    expect((await verify(hub, forgedId())).status).toBe(404);
  });

  it('answers 429 with a typed error once one address verifies too often, on the verification routes only', async () => {
    const id = `B885-P1-${year()}-000001`;
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++)
      statuses.push((await fetch(`${hub.url}/api/public/verifica/${id}`)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const limited = await fetch(`${hub.url}/api/public/verifica/${id}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: { code: 'verification_rate_limited' } });
    const page = await fetch(`${hub.url}/verifica/${id}`);
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Troppe verifiche da questo indirizzo');
    // the counters' own API is not throttled by it
    const [pushed] = await desk.core.ctx.hub.push([record({})], desk.token());
    expect(pushed).toMatchObject({ status: 'applied' });
  });
});

function nextSixMonths(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + 6;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
