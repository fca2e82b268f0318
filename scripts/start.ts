/**
 * `npm start`: the hub (embedded SQLite, seeded with the Casale demo on first run) and the desk
 * connected to it: in Electron when its binary is installed, otherwise in browser mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCredential, writeCredential } from '../electron/desk/credential-file';
import { startBrowserModeDesk } from '../electron/desk/browser-mode';
import { DEMO_PASSWORD, DEMO_USERS } from '../hub/seed/demo-users';
import { enrolWorkstation } from '../hub/seed/seed-demo';
import { startHub } from '../hub/start-hub';

const root = resolve(__dirname, '..');
const dataDir = resolve(process.env.SPORTELLO_DATA ?? join(root, 'data'));
const hubPort = Number(process.env.SPORTELLO_HUB_PORT ?? 8710);
const deskPort = Number(process.env.SPORTELLO_DESK_PORT ?? 8720);
const residents = Number(process.env.SPORTELLO_RESIDENTS ?? 35000);

function electronBinaryInstalled(): boolean {
  // Requiring `electron` would try to download the binary; look for it on disk instead.
  const dir = join(root, 'node_modules', 'electron');
  return existsSync(join(dir, 'path.txt')) && existsSync(join(dir, 'dist'));
}

async function main(): Promise<void> {
  console.log('[start] building the renderer…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('electron-vite build failed');

  const hub = await startHub({ dataDir, port: hubPort, residents, seed: 20261126 });
  console.log(`[hub] listening on ${hub.url} (${hub.hubDb.dialect})`);

  const credentialFile = join(dataDir, 'desk', 'workstation.json');
  let credential = readCredential(credentialFile);
  if (!credential || credential.hubUrl !== hub.url) {
    const ws = await enrolWorkstation(hub.hubDb.db, 'B885', 'Casale - Anagrafe 1');
    credential = { hubUrl: hub.url, workstation: 'Casale - Anagrafe 1', token: ws.token };
    writeCredential(credentialFile, credential);
  }

  if (electronBinaryInstalled() && !process.env.SPORTELLO_BROWSER_MODE) {
    console.log(
      '[start] Electron found: rebuilding better-sqlite3 for Electron, then starting the desktop app',
    );
    // Only here, never in postinstall: `npm test` (pretest) rebuilds it back for plain Node.
    spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
    const child = spawn('npx', ['electron-vite', 'preview'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, SPORTELLO_CREDENTIAL_FILE: credentialFile, SPORTELLO_DATA: dataDir },
    });
    child.on('exit', () => void hub.close().then(() => process.exit(0)));
    return;
  }

  const desk = await startBrowserModeDesk({
    dataDir: join(dataDir, 'desk'),
    hubUrl: credential.hubUrl,
    workstation: credential.workstation,
    workstationToken: credential.token,
    staticDir: join(root, 'out', 'renderer'),
    port: deskPort,
  });
  console.log('[desk] downloading the registry from the hub…');
  await desk.core.startSync();
  const sync = desk.core.ctx.state.sync;
  console.log(`[desk] local mirror: ${sync.residents} residents (${sync.state})`);
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
