import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../../hub/admin/workstations';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from '../core';
import { memoryCredentialStore } from '../credential-file';
import { enrolSilently } from './first-run';
import { parseManagedConfig } from './managed-config';
import { managedRuntime } from './managed-runtime';

/** A silent install plus one file: the first start enrols with IT's code against a real hub. */
describe('managed first run', () => {
  let hub: TestHub;
  const cores: DeskCore[] = [];
  beforeAll(async () => {
    hub = await startTestHub('sqlite');
  });
  afterAll(async () => {
    for (const c of cores) await c.close();
    await hub?.close();
  });

  const desk = async (managed: object) => {
    const core = await createDeskCore({
      dbFile: join(mkdtempSync(join(tmpdir(), 'sportello-managed-')), 'desk.sqlite'),
      config: {
        ...DEFAULT_DESK_CONFIG,
        version: 'test',
        managed: managedRuntime(parseManagedConfig(JSON.stringify(managed), '/etc/sportello/managed.json')),
      },
      credentials: memoryCredentialStore(),
    });
    cores.push(core);
    return core;
  };

  it('enrols with the preset code, trying the listed hubs in order, and says so', async () => {
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', 'Casale - Anagrafe 3');
    const core = await desk({
      hubUrl: ['http://127.0.0.1:9', hub.url],
      comune: 'B885',
      workstation: 'Casale - Anagrafe 3',
      ring: 'casale',
      enrolmentCode: code,
      updates: 'managed-by-it',
    });
    expect(await enrolSilently(core)).toBe('enrolled');
    const status = await core.dispatch('setup:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: {
        enrolled: true,
        workstation: 'Casale - Anagrafe 3',
        hubUrl: hub.url.replace(/\/$/, ''),
        comune: { belfiore: 'B885' },
        managed: { source: '/etc/sportello/managed.json', silentEnrolment: { ok: true } },
      },
    });
    const locked = status.ok
      ? (status.value as { managed: { locked: { setting: string }[] } }).managed.locked
      : [];
    expect(locked.map((l) => l.setting)).toEqual(['hubUrl', 'comune', 'workstation', 'ring', 'updates']);
    // enrolled once: a restart does not spend a code again
    expect(await enrolSilently(core)).toBe('not-needed');
  });

  it('refuses a code issued for another comune than the file names, and keeps no credential', async () => {
    const code = await createEnrolmentCode(hub.hubDb.db, 'A605', 'Balzola - Sportello 2');
    const core = await desk({ hubUrl: hub.url, comune: 'B885', enrolmentCode: code });
    expect(await enrolSilently(core)).toBe('failed');
    expect(core.ctx.credentials.read()).toBeNull();
    expect(core.ctx.config.managed?.silentEnrolment).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Balzola.*B885/),
    });
  });

  it('locks the hub address: the first-run screen cannot enrol elsewhere', async () => {
    const core = await desk({ hubUrl: 'https://hub.casale.example' });
    expect(await core.dispatch('setup:enrol', { hubUrl: hub.url, code: 'ABCD-EFGH' })).toMatchObject({
      ok: false,
      error: { code: 'managed_setting_locked' },
    });
  });
});
