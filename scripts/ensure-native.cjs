// pretest: better-sqlite3 must load in the Node that runs the tests (Node 20 here, Node 24 in the
// second CI leg). Rebuild it only when it does not; never in postinstall (see ENVIRONMENT.md).
const { execSync } = require('node:child_process');

function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').prepare('select 1').get();
    return true;
  } catch (err) {
    console.log(
      `[pretest] better-sqlite3 does not load in Node ${process.version}: ${String(err.message).split('\n')[0]}`,
    );
    return false;
  }
}

if (!loads()) {
  console.log('[pretest] rebuilding better-sqlite3 for this Node…');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  if (!loads()) process.exit(1);
}
