import { FAST_TEST_SCRYPT } from './password-cost';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from '../electron/desk/core';
import { memoryCredentialStore } from '../electron/desk/credential-file';
import type { SyncEngineOptions } from '../electron/desk/sync/sync-engine';
import type { Result } from '../shared/errors/app-error';
import { DEMO_PASSWORD } from '../hub/seed/demo-users';
import type { TestHub } from './running-hub';

export interface TestDesk {
  core: DeskCore;
  dir: string;
  call<T = unknown>(name: string, input?: unknown): Promise<Result<T>>;
  /** the call must succeed; its value */
  ok<T = unknown>(name: string, input?: unknown): Promise<T>;
  login(username?: string): Promise<void>;
  /** the logged-in clerk's hub session token (for pushing by hand) */
  token(): string;
  count(table: 'outbox' | 'sync_exceptions' | 'residents' | 'counter_sessions'): Promise<number>;
  close(): Promise<void>;
}

/** A real desk core over a temp SQLite file, enrolled at the test hub, loops off unless started. */
export async function startTestDesk(
  hub: TestHub,
  opts: {
    comune?: 'casale' | 'balzola';
    workstation?: string;
    /** a credential from `hub.enrol`: a workstation of its own (own series) */
    token?: string;
    sync?: SyncEngineOptions;
    now?: () => Date;
  } = {},
): Promise<TestDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-desk-'));
  const token = opts.token ?? (opts.comune === 'balzola' ? hub.balzolaToken : hub.casaleToken);
  const core = await createDeskCore({
    dbFile: join(dir, 'desk.sqlite'),
    config: { ...DEFAULT_DESK_CONFIG, version: 'test', verifierCost: FAST_TEST_SCRYPT },
    credentials: memoryCredentialStore({
      hubUrl: hub.url,
      workstation: opts.workstation ?? 'test desk',
      token,
    }),
    sync: { pollWaitMs: 2000, maxBackoffMs: 300, ...opts.sync },
    ...(opts.now ? { now: opts.now } : {}),
  });
  const desk: TestDesk = {
    core,
    dir,
    call: (name, input = {}) => core.dispatch(name, input) as never,
    ok: async (name, input = {}) => {
      const r = await core.dispatch(name, input);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    login: async (username = opts.comune === 'balzola' ? 'anagrafe.balzola' : 'anagrafe.casale') => {
      await desk.ok('session:login', { username, password: DEMO_PASSWORD });
    },
    token: () => {
      const token = core.ctx.state.session?.hubToken;
      if (!token) throw new Error('no online session: log in first');
      return token;
    },
    count: async (table) =>
      Number(
        (
          await core.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    close: () => core.close(),
  };
  return desk;
}

/** Polls until `check` holds or the time is up (bounded, for loops running in the background). */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 5000,
  stepMs = 20,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
