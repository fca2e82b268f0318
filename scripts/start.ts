/**
 * `npm start`: the hub (embedded SQLite, seeded with the Casale demo on first run) and the desk
 * connected to it: in Electron when its binary is installed, otherwise in browser mode. The desk
 * enrols itself with a one-time code, exactly as IT would at a new counter.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEnrolmentCode, setWorkstationOffices } from '../hub/admin/workstations';
import { SOCIAL_OFFICE } from '../shared/social/social-access';
import { DEMO_PASSWORD, DEMO_USERS } from '../hub/seed/demo-users';
import { startHub } from '../hub/start-hub';
import { startBrowserModeDesk } from '../electron/desk/browser-mode';

const root = resolve(__dirname, '..');
const dataDir = resolve(process.env.SPORTELLO_DATA ?? join(root, 'data'));
const hubPort = Number(process.env.SPORTELLO_HUB_PORT ?? 8710);
const deskPort = Number(process.env.SPORTELLO_DESK_PORT ?? 8720);
const residents = Number(process.env.SPORTELLO_RESIDENTS ?? 35000);
const WORKSTATION = 'Casale - Anagrafe 1';
/** the demo counter also serves the social-services office, so its social area has records */
const DEMO_OFFICES = [SOCIAL_OFFICE];

function electronBinaryInstalled(): boolean {
  // Requiring `electron` would try to download the binary; look for it on disk instead.
  const dir = join(root, 'node_modules', 'electron');
  return existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist'));
}

async function main(): Promise<void> {
  console.log('[start] building the renderer…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('electron-vite build failed');

  const hub = await startHub({ dataDir, port: hubPort, residents, seed: 20261126, demo: true });
  console.log(`[hub] listening on ${hub.url} (${hub.hubDb.dialect})`);

  if (electronBinaryInstalled() && !process.env.SPORTELLO_BROWSER_MODE) {
    console.log(
      '[start] Electron found: rebuilding the SQLite modules for Electron, then starting the desktop app',
    );
    // better-sqlite3 and better-sqlite3-multiple-ciphers (the encrypted mirror); only here, never
    // in postinstall: `npm test` (pretest) rebuilds them back for plain Node.
    spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', WORKSTATION, new Date(), DEMO_OFFICES);
    const child = spawn('npx', ['electron-vite', 'preview'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        SPORTELLO_DATA: dataDir,
        SPORTELLO_ENROL_HUB: hub.url,
        SPORTELLO_ENROL_CODE: code,
      },
    });
    child.on('exit', () => void hub.close().then(() => process.exit(0)));
    return;
  }

  const desk = await startBrowserModeDesk({
    dataDir: join(dataDir, 'desk'),
    staticDir: join(root, 'out', 'renderer'),
    port: deskPort,
    startSync: false,
  });
  const status = await desk.core.dispatch('setup:status', {});
  const enrolled =
    status.ok && (status.value as { enrolled: boolean; hubUrl: string | null }).hubUrl === hub.url;
  if (!enrolled) {
    desk.core.ctx.credentials.clear();
    const code = await createEnrolmentCode(hub.hubDb.db, 'B885', WORKSTATION, new Date(), DEMO_OFFICES);
    const res = await desk.core.dispatch('setup:enrol', { hubUrl: hub.url, code });
    if (!res.ok) throw new Error(`enrolment failed: ${res.error.message}`);
    console.log(`[desk] enrolled as "${WORKSTATION}" with a one-time code`);
  } else await setWorkstationOffices(hub.hubDb.db, WORKSTATION, DEMO_OFFICES); // a data folder of an older release
  console.log('[desk] syncing the registry with the hub…');
  const sync = await desk.core.sync.syncOnce();
  console.log(
    `[desk] local mirror (encrypted, key in ${join(dataDir, 'desk', 'mirror.key')}): ${sync.residents} residents (${sync.state}${sync.error ? `: ${sync.error}` : ''})`,
  );
  desk.core.sync.start();
  console.log('');
  console.log('  Sportello is running in browser mode (Electron binary not installed). Open:');
  console.log(`    ${desk.server.url}`);
  console.log('');
  console.log(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS.filter((x) => x.comune === 'B885'))
    console.log(`    ${u.username.padEnd(22)} ${u.role}`);
  console.log('  Press Ctrl+C to stop.');

  const stop = () => void Promise.all([desk.close(), hub.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[start] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
