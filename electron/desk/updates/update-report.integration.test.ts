import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { recordUpdateResult } from './update-report';

describe.each(HUB_BACKENDS)('the desk reports its version and last update at sync (%s)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeAll(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    desk.core.ctx.config.version = '1.2.0';
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  const reported = () =>
    hub.hubDb.db
      .selectFrom('update_reports as r')
      .innerJoin('workstations as w', 'w.id', 'r.workstation_id')
      .select([
        'w.name',
        'r.comune',
        'r.version',
        'r.platform',
        'r.last_version',
        'r.last_outcome',
        'r.last_message',
      ])
      .execute();

  it('files it under the workstation of the credential, with the failure the updater recorded', async () => {
    await recordUpdateResult(desk.core.ctx.db, {
      version: '1.3.0',
      outcome: 'failed',
      at: new Date().toISOString(),
      message: 'sha512 checksum mismatch',
    });
    await desk.core.sync.syncOnce();
    expect(await reported()).toEqual([
      {
        name: 'Casale - Anagrafe 1',
        comune: 'B885',
        version: '1.2.0',
        platform: expect.stringMatching(/^(win|linux|mac)$/),
        last_version: '1.3.0',
        last_outcome: 'failed',
        last_message: 'sha512 checksum mismatch',
      },
    ]);
    // the next install succeeded: the report follows at the next sync
    desk.core.ctx.config.version = '1.3.0';
    await recordUpdateResult(desk.core.ctx.db, {
      version: '1.3.0',
      outcome: 'installed',
      at: new Date().toISOString(),
    });
    await desk.core.sync.syncOnce();
    expect(await reported()).toMatchObject([{ version: '1.3.0', last_outcome: 'installed' }]);
  });
});
