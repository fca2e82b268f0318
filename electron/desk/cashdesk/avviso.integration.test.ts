import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { AvvisoJson } from '../../../shared/pagopa/avviso/avviso-wire';
import { formatNoticeNumber, generateNoticeNumber } from '../../../shared/pagopa/notice-number';
import { demoPositionsCsv } from '../../../hub/cashdesk/demo-fines';
import { importDebtPositions } from '../../../hub/cashdesk/import-service';
import { readAvvisoCodes } from '../../../test-support/avviso-readback';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { pdfPageCount } from '../documents/pdf-page-count';

const MARIO = 'RSSMRA72L09H501S';

/** The counter asks the hub for a notice's avviso and gets the PDF the citizen takes away. */
describe.each(HUB_BACKENDS)('the avviso at the cash desk (%s hub)', { timeout: 30_000 }, (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  let mensa: { notice: string; cents: number };

  beforeAll(async () => {
    hub = await startTestHub(backend);
    const csv = demoPositionsCsv(romeDateOf(new Date()), [MARIO], '01');
    await importDebtPositions(hub.hubDb.db, 'B885', csv);
    const line = csv.split('\n').find((l) => l.includes(';MENSA;')) ?? '';
    const [notice = '', , , , amount = ''] = line.split(';');
    mensa = { notice, cents: Math.round(Number(amount.replace(',', '.')) * 100) };
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('prints the notice as typed (blocks of 4): its QR reads back as notice, CF ente, amount', async () => {
    const res = await desk.ok<AvvisoJson>('cashdesk:avviso', {
      noticeNumber: formatNoticeNumber(mensa.notice),
    });
    expect(res.noticeNumber).toBe(mensa.notice);
    const pdf = Buffer.from(res.pdfBase64, 'base64');
    expect(await pdfPageCount(pdf)).toBe(1);
    const [page] = await readAvvisoCodes(pdf, 1);
    expect(page?.qr).toEqual([`PAGOPA|002|${mensa.notice}|00190540062|${mensa.cents}`]);
    const log = await desk.core.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'notice.avviso')
      .execute();
    expect(log).toEqual([{ action: 'notice.avviso', entity_id: mensa.notice }]);
  });

  it('passes on the hub’s reason: an unknown notice', async () => {
    const unknown = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: 99n });
    const res = await desk.call('cashdesk:avviso', {
      noticeNumber: unknown.ok ? unknown.value.noticeNumber : '',
    });
    expect(res.ok ? null : res.error.code).toBe('avviso_notice_not_found');
  });
});
