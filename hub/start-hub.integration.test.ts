import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';
import { verifyPassword } from './auth/passwords';
import { openHubDatabase } from './db/open-hub-database';
import { startHub } from './start-hub';

const root = resolve(__dirname, '..');
const withoutDb = { ...process.env, DATABASE_URL: '', SPORTELLO_DEMO: '' };

/** `npm run hub -- …` as IT runs it, in a child process. */
const hubCli = (args: string[], input: string, env: NodeJS.ProcessEnv = withoutDb) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'hub', 'cli.ts'), ...args], {
    cwd: root,
    input,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('hub serve outside demo mode', () => {
  it('creates no demo users or data and says how to create the first administrator', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-prod-'));
    const lines: string[] = [];
    const hub = await startHub({
      dataDir,
      port: 0,
      residents: 50,
      seed: 1,
      demo: false,
      log: (l) => lines.push(l),
    });
    try {
      expect(await hub.hubDb.db.selectFrom('users').select('id').execute()).toEqual([]);
      expect(await hub.hubDb.db.selectFrom('residents').select('id').execute()).toEqual([]);
      expect(lines.join('\n')).toContain('npm run hub -- create-admin --comune B885 --user admin.casale');
    } finally {
      await hub.close();
    }
  });

  it('leaves nothing behind when the demo cannot be generated, so the next start seeds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-demo-'));
    const start = () =>
      startHub({
        dataDir,
        port: 0,
        residents: 50,
        seed: 1,
        demo: true,
        log: () => {},
        passwordCost: FAST_TEST_SCRYPT,
      });
    const saved = process.env.SPORTELLO_SHARED_DATA;
    process.env.SPORTELLO_SHARED_DATA = join(dataDir, 'no-such-folder');
    try {
      await expect(start()).rejects.toThrow(/reference data folder not found/);
    } finally {
      if (saved === undefined) delete process.env.SPORTELLO_SHARED_DATA;
      else process.env.SPORTELLO_SHARED_DATA = saved;
    }
    const hub = await start();
    try {
      expect((await hub.hubDb.db.selectFrom('residents').select('id').execute()).length).toBeGreaterThan(0);
    } finally {
      await hub.close();
    }
  });

  it('seeds the demo only when asked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-demo-'));
    const hub = await startHub({
      dataDir,
      port: 0,
      residents: 50,
      seed: 1,
      demo: true,
      log: () => {},
      passwordCost: FAST_TEST_SCRYPT,
    });
    try {
      const users = await hub.hubDb.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toContain('admin.casale');
    } finally {
      await hub.close();
    }
  }, 300_000);

  it('creates the first administrator with the password from stdin, never from argv', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sportello-admin-'));
    const password = 'Una-password-lunga-42';
    const refused = hubCli(
      ['create-admin', '--data', dataDir, '--user', 'admin.casale', '--password', password],
      '',
    );
    expect(refused.status).not.toBe(0);
    const short = hubCli(
      ['create-admin', '--data', dataDir, '--comune', 'B885', '--user', 'admin.casale'],
      'corta\n',
    );
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain('Password troppo corta: almeno 14 caratteri.');
    const made = hubCli(
      [
        'create-admin',
        '--data',
        dataDir,
        '--comune',
        'B885',
        '--user',
        'Admin.Casale',
        '--display-name',
        'Paolo Cerutti',
      ],
      `${password}\n`,
    );
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('admin.casale created (Casale Monferrato, admin)');
    const again = hubCli(
      ['create-admin', '--data', dataDir, '--comune', 'B885', '--user', 'admin.casale'],
      `${password}\n`,
    );
    expect(again.stderr).toContain('Il nome utente admin.casale esiste già.');

    const hubDb = await openHubDatabase({ sqliteFile: join(dataDir, 'hub', 'hub.sqlite') });
    try {
      const admin = await hubDb.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'admin.casale')
        .executeTakeFirstOrThrow();
      expect(admin).toMatchObject({
        role: 'admin',
        comune: 'B885',
        display_name: 'Paolo Cerutti',
        disabled: 0,
      });
      expect(admin.password_hash.startsWith('scrypt$131072$8$1$')).toBe(true);
      expect(await verifyPassword(password, admin.password_hash)).toBe(true);
      const comuni = await hubDb.db.selectFrom('comuni').select('belfiore').execute();
      expect(comuni).toEqual([{ belfiore: 'B885' }]);
    } finally {
      await hubDb.close();
    }
  }, 300_000);
});
