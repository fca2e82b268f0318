// pretest: the native SQLite modules must load in the Node that runs the tests (Node 20 here,
// Node 24 in the second CI leg): better-sqlite3 (hub, plain mirrors) and
// better-sqlite3-multiple-ciphers (the desk's encrypted mirror). Each is rebuilt only when it does
// not load, on its own (`npm rebuild <name>`: the cipher build is a ~2 minute compile, not to be
// repeated when only the other one is stale); never in postinstall (see ENVIRONMENT.md).
// Each check runs in a child process: a process that failed to load the addon cannot load the
// rebuilt file from the same path ("Module did not self-register").
const { execSync, spawnSync } = require('node:child_process');

const MODULES = [
  { name: 'better-sqlite3', check: "d.prepare('select 1').get()" },
  // a plain build under the cipher's name would "work" and write personal data in clear
  {
    name: 'better-sqlite3-multiple-ciphers',
    check: "if (!d.pragma('cipher', { simple: true })) throw new Error('no cipher in this build')",
  },
];

function loads({ name, check }) {
  const probe = `const D=require(${JSON.stringify(name)}); const d=new D(':memory:'); ${check}`;
  const res = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (res.status === 0) return true;
  const reason = (res.stderr || '').split('\n').find((l) => l.includes('Error')) ?? 'unknown error';
  console.log(`[pretest] ${name} does not load in Node ${process.version}: ${reason.trim()}`);
  return false;
}

for (const mod of MODULES) {
  if (loads(mod)) continue;
  console.log(`[pretest] rebuilding ${mod.name} for this Node…`);
  execSync(`npm rebuild ${mod.name}`, { stdio: 'inherit' });
  if (!loads(mod)) process.exit(1);
}
