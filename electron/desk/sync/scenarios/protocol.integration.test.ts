import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHANGES_PATH,
  LOGIN_PATH,
  PUSH_PATH,
  REGISTRY_PAGE_PATH,
} from '../../../../shared/sync/registry-page';
import { startTestDesk, type TestDesk } from '../../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../../test-support/running-hub';

describe.each(HUB_BACKENDS)('protocol hygiene (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it.each([
    ['POST', LOGIN_PATH],
    ['GET', REGISTRY_PAGE_PATH],
    ['POST', PUSH_PATH],
    ['GET', `${CHANGES_PATH}?since=0`],
  ])('answers a desk that is too old with "update required" on %s %s', async (method, path) => {
    for (const version of [undefined, '1']) {
      const res = await fetch(hub.url + path, {
        method,
        headers: {
          authorization: `Bearer ${hub.casaleToken}`,
          'content-type': 'application/json',
          ...(version ? { 'x-sportello-protocol': version } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(res.status).toBe(426);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({
        code: 'update_required',
        message:
          'Questa versione di Sportello è troppo vecchia per il server centrale: aggiornare la postazione.',
      });
    }
  });

  it('bootstraps again, keeping unsent work, when the hub says its schema changed', async () => {
    await desk.core.sync.syncOnce();
    await desk.login();
    await hub.stop(); // the change is queued while the hub is away
    await desk.ok('registry:updateContacts', { residentId: 'r-luca', phone: '0142777777', email: null });
    await hub.start();
    await hub.hubDb.db
      .updateTable('hub_meta')
      .set({ value: '2' })
      .where('key', '=', 'schema_epoch')
      .execute();
    await hub.hubDb.db
      .updateTable('residents')
      .set({ given_names: 'Luca Maria' })
      .where('id', '=', 'r-luca')
      .execute();

    const status = await desk.core.sync.syncOnce();
    expect(status).toMatchObject({ state: 'ready', residents: 6, pending: 0 });
    const luca = await desk.core.ctx.db
      .selectFrom('residents')
      .select(['given_names', 'phone'])
      .where('id', '=', 'r-luca')
      .executeTakeFirstOrThrow();
    expect(luca).toEqual({ given_names: 'Luca Maria', phone: '0142777777' });
  });
});
