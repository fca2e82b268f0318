import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { debtAmountDueOn } from '../../shared/cashdesk/debt-amount';
import type { VerbaleNotification } from '../../shared/fines/verbali-csv';
import { cents } from '../../shared/money/cents';
import { avvisoPath, AVVISI_BULK_PATH, MAX_AVVISI_PER_REQUEST } from '../../shared/pagopa/avviso/avviso-wire';
import { formatNoticeNumber, generateNoticeNumber } from '../../shared/pagopa/notice-number';
import { LOGIN_PATH, PROTOCOL_VERSION } from '../../shared/sync/registry-page';
import { extractPdfTextOf, pageCountOf, readAvvisoCodes } from '../../test-support/avviso-readback';
import { HUB_BACKENDS } from '../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../test-support/running-hub';
import { demoPositionsCsv, demoVerbaliCsv } from '../cashdesk/demo-fines';
import { importDebtPositions, importVerbali } from '../cashdesk/import-service';
import { DEMO_PASSWORD } from '../seed/demo-users';

/**
 * Payment notices printed by a real hub over real HTTP, on SQLite and PostgreSQL: positions come
 * in through the tributi office's CSV import, a counter asks for one avviso with a clerk's
 * session, a supervisor for a whole run; what comes back is read as a phone reads it (the QR).
 */

const ENTE_CF = '00190540062'; // Casale's demo enteFiscalCode (shared/cashdesk/comune-settings.ts)
const MARIO = 'RSSMRA72L09H501S'; // Mario Rossi, Via Roma 12 (test-support/registry-fixture.ts)
const ANNA = 'BNCNNA80A41B885M';

interface Position {
  notice: string;
  cf: string;
  kind: string;
  cents: number;
  rata: string;
}

/** The import's own CSV as rows, to know which notice is which. */
function positionsOf(csv: string): Position[] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [notice = '', cf = '', , kind = '', amount = '', , rata = ''] = line.split(';');
      return { notice, cf, kind, cents: Math.round(Number(amount.replace(',', '.')) * 100), rata };
    });
}

describe.each(HUB_BACKENDS)('payment notices printed by the hub (%s)', { timeout: 30_000 }, (backend) => {
  let hub: TestHub;
  let positions: Position[];
  let clerk: string;
  let supervisor: string;

  const headers = (token: string, session?: string) => ({
    'x-sportello-protocol': String(PROTOCOL_VERSION),
    authorization: `Bearer ${token}`,
    ...(session ? { 'x-sportello-clerk': session } : {}),
  });
  const login = async (token: string, username: string): Promise<string> => {
    const res = await fetch(hub.url + LOGIN_PATH, {
      method: 'POST',
      headers: { ...headers(token), 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const get = async (path: string, session?: string, token = hub.casaleToken) => {
    const res = await fetch(hub.url + path, { headers: headers(token, session) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const json = type.startsWith('application/json')
      ? (
          JSON.parse(new TextDecoder().decode(bytes)) as {
            error: { code?: string; params?: Record<string, unknown> };
          }
        ).error
      : {};
    return { status: res.status, type, bytes, json };
  };

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const now = new Date();
    const csv = demoPositionsCsv(romeDateOf(now), [MARIO, ANNA], '01');
    const report = await importDebtPositions(hub.hubDb.db, 'B885', csv, now);
    positions = positionsOf(csv);
    expect(report.imported).toBe(positions.length);
    clerk = await login(hub.casaleToken, 'anagrafe.casale');
    supervisor = await login(hub.casaleToken, 'supervisore.casale');
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('one notice at the counter: a PDF whose QR is the notice number, the CF ente and the amount', async () => {
    const mensa = positions.find((p) => p.kind === 'MENSA' && p.cf === MARIO);
    if (!mensa) throw new Error('the demo CSV has a canteen notice for the first debtor');
    const res = await get(avvisoPath(mensa.notice), clerk);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(await pageCountOf(res.bytes)).toBe(1);
    const [page] = await readAvvisoCodes(res.bytes, 1);
    expect(page?.qr).toEqual([`PAGOPA|002|${mensa.notice}|${ENTE_CF}|${mensa.cents}`]);
    const text = await extractPdfTextOf(res.bytes);
    expect(text).toContain('Mario Rossi');
    expect(text).toContain('Via Roma 12, 15033 Casale Monferrato (AL)');
    expect(text).toContain('Comune di Casale Monferrato');
    expect(text).toContain(formatNoticeNumber(mensa.notice));
  });

  it('an instalment prints the position: each open instalment its own part and QR', async () => {
    const rate = positions.filter((p) => p.kind === 'TARI' && p.cf === ANNA);
    expect(rate).toHaveLength(2);
    const res = await get(avvisoPath(rate[1]?.notice ?? ''), clerk);
    expect(res.status).toBe(200);
    const pages = await pageCountOf(res.bytes);
    const codes = (await readAvvisoCodes(res.bytes, pages)).flatMap((p) => p.qr);
    expect(codes).toEqual(rate.map((r) => `PAGOPA|002|${r.notice}|${ENTE_CF}|${r.cents}`));
    expect(await extractPdfTextOf(res.bytes)).toContain('RATA 2 DI 2');
  });

  it('refuses a malformed number (400), an unknown one (404), another comune’s (404), no session (401)', async () => {
    const bad = await get(avvisoPath('12345'), clerk);
    expect([bad.status, bad.json.code]).toEqual([400, 'avviso_notice_invalid']);
    const checkDigits = await get(avvisoPath('301000000000000145'), clerk);
    expect([checkDigits.status, checkDigits.json.code]).toEqual([400, 'avviso_notice_invalid']);
    const unknown = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: 42n });
    if (!unknown.ok) throw new Error('valid base');
    const missing = await get(avvisoPath(unknown.value.noticeNumber), clerk);
    expect([missing.status, missing.json.code]).toEqual([404, 'avviso_notice_not_found']);
    const mario = positions[0]?.notice ?? '';
    const balzola = await login(hub.balzolaToken, 'anagrafe.balzola');
    const elsewhere = await get(avvisoPath(mario), balzola, hub.balzolaToken);
    expect([elsewhere.status, elsewhere.json.code]).toEqual([404, 'avviso_notice_not_found']);
    const anonymous = await get(avvisoPath(mario));
    expect(anonymous.status).toBe(401);
  });

  it('a fine prints with the amount due today, addressed to the plate; an unnotified one is refused', async () => {
    const today = romeDateOf(new Date());
    await importVerbali(hub.hubDb.db, 'B885', demoVerbaliCsv(today, 20));
    const rows = await hub.hubDb.db.selectFrom('verbali').selectAll().where('comune', '=', 'B885').execute();
    const payable = rows.find((v) => v.notification !== null && v.violation_id !== null);
    const unnotified = rows.find((v) => v.notification === null);
    if (!payable || !unnotified) throw new Error('the demo verbali have both kinds');
    const expected = debtAmountDueOn(
      {
        kind: 'fine',
        comune: 'B885',
        verbale: {
          violationId: payable.violation_id,
          violationDate: payable.violation_date,
          notification: JSON.parse(payable.notification ?? 'null') as VerbaleNotification,
          notificationCostsCents: cents(Number(payable.notification_costs_cents)),
          driverIdentified: Number(payable.driver_identified) === 1,
        },
      },
      today,
    );
    if (!expected.ok) throw new Error(expected.message.en);
    const res = await get(avvisoPath(payable.notice_number), clerk);
    expect(res.status).toBe(200);
    const [page] = await readAvvisoCodes(res.bytes, 1);
    expect(page?.qr).toEqual([`PAGOPA|002|${payable.notice_number}|${ENTE_CF}|${expected.dueCents}`]);
    const text = await extractPdfTextOf(res.bytes);
    expect(text).toContain(`Intestatario del veicolo targa ${payable.plate}`);
    expect(text).toContain('Polizia Locale');
    const refused = await get(avvisoPath(unnotified.notice_number), clerk);
    expect([refused.status, refused.json.code]).toEqual([400, 'avviso_fine_not_payable']);
  });

  it('a paid notice is not printed (409)', async () => {
    const mensa = positions.find((p) => p.kind === 'MENSA');
    await hub.hubDb.db
      .updateTable('debt_positions')
      .set({ status: 'paid', paid_receipt: 'RIC-TEST' })
      .where('notice_number', '=', mensa?.notice ?? '')
      .execute();
    const res = await get(avvisoPath(mensa?.notice ?? ''), clerk);
    expect([res.status, res.json.code]).toEqual([409, 'avviso_notice_already_paid']);
  });

  it('in bulk for supervisors: one avviso per open position, each from its own page', async () => {
    const refused = await get(AVVISI_BULK_PATH, clerk);
    expect([refused.status, refused.json.code]).toEqual([403, 'action_not_allowed']);
    const res = await get(`${AVVISI_BULK_PATH}?kind=TARI`, supervisor);
    expect(res.status).toBe(200);
    const pages = await pageCountOf(res.bytes);
    // two debtors with a two-instalment TARI each: two notices, each on one or two pages
    const codes = (await readAvvisoCodes(res.bytes, pages)).flatMap((p) => p.qr);
    const tari = positions.filter((p) => p.kind === 'TARI');
    expect([...codes].sort()).toEqual(tari.map((r) => `PAGOPA|002|${r.notice}|${ENTE_CF}|${r.cents}`).sort());
    const none = await get(`${AVVISI_BULK_PATH}?kind=IMU`, supervisor);
    expect([none.status, none.json.code]).toEqual([404, 'avvisi_not_found']);
    const badRange = await get(`${AVVISI_BULK_PATH}?from=2026-12-31&to=2026-01-01`, supervisor);
    expect(badRange.status).toBe(400);
  });

  it(`refuses more than ${MAX_AVVISI_PER_REQUEST} notices in one request, with the count`, async () => {
    const rows = Array.from({ length: MAX_AVVISI_PER_REQUEST + 1 }, (_, i) => {
      const n = generateNoticeNumber({
        auxDigit: 3,
        segregationCode: '01',
        base: 7_000_000_000_000n + BigInt(i),
      });
      if (!n.ok) throw new Error('valid base');
      return {
        comune: 'B885',
        notice_number: n.value.noticeNumber,
        debtor_cf: MARIO,
        description: `Altro ${i}`,
        kind: 'ALTRO' as const,
        amount_cents: 100,
        due_date: '2027-01-31',
        instalment: null,
        status: 'open' as const,
        paid_receipt: null,
        imported_at: new Date().toISOString(),
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await hub.hubDb.db
        .insertInto('debt_positions')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const res = await get(`${AVVISI_BULK_PATH}?kind=ALTRO`, supervisor);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('avvisi_too_many');
    expect(res.json.params).toMatchObject({ count: MAX_AVVISI_PER_REQUEST + 1, max: MAX_AVVISI_PER_REQUEST });
  });
});
