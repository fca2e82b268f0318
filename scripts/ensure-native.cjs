// pretest: better-sqlite3 must load in the Node that runs the tests (Node 20 here, Node 24 in the
// second CI leg). Rebuild it only when it does not; never in postinstall (see ENVIRONMENT.md).
// Each check runs in a child process: a process that failed to load the addon cannot load the
// rebuilt file from the same path ("Module did not self-register").
const { execSync, spawnSync } = require('node:child_process');

const probe = "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()";

function loads() {
  const res = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (res.status === 0) return true;
  const reason = (res.stderr || '').split('\n').find((l) => l.includes('Error')) ?? 'unknown error';
  console.log(`[pretest] better-sqlite3 does not load in Node ${process.version}: ${reason.trim()}`);
  return false;
}

if (!loads()) {
  console.log('[pretest] rebuilding better-sqlite3 for this Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  if (!loads()) process.exit(1);
}
