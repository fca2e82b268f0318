import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from '../core';
import { memoryCredentialStore } from '../credential-file';
import { getMeta } from '../db/meta-repository';
import { markInstalling, settleInstallAttempt } from './update-report';

describe('the outcome of a hand-over to the installer, read at the next start', () => {
  let core: DeskCore;
  beforeAll(async () => {
    core = await createDeskCore({
      dbFile: join(mkdtempSync(join(tmpdir(), 'sportello-desk-')), 'desk.sqlite'),
      config: { ...DEFAULT_DESK_CONFIG, version: '1.2.0' },
      credentials: memoryCredentialStore(null),
    });
  });
  afterAll(() => core.close());

  it('still on the old version: failed; on the new one: installed', async () => {
    const now = new Date('2026-12-07T12:00:00Z');
    await markInstalling(core.ctx.db, '1.3.0');
    await settleInstallAttempt(core.ctx.db, '1.2.0', now);
    expect(JSON.parse((await getMeta(core.ctx.db, 'updates.last_result')) ?? 'null')).toMatchObject({
      version: '1.3.0',
      outcome: 'failed',
    });
    await markInstalling(core.ctx.db, '1.3.0');
    await settleInstallAttempt(core.ctx.db, '1.3.0', now);
    expect(JSON.parse((await getMeta(core.ctx.db, 'updates.last_result')) ?? 'null')).toMatchObject({
      version: '1.3.0',
      outcome: 'installed',
    });
    // nothing pending: nothing changes
    await settleInstallAttempt(core.ctx.db, '1.4.0', now);
    expect(JSON.parse((await getMeta(core.ctx.db, 'updates.last_result')) ?? 'null')).toMatchObject({
      outcome: 'installed',
    });
  });
});
