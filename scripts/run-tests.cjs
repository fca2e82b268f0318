// Runs the whole vitest suite (unit, integration on SQLite + PostgreSQL, e2e in Chromium) with a
// JSON report, and prints the one plain line CI reads: "N passed, N failed".
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const reportDir = join(__dirname, '..', '.vitest-reports');
const report = join(reportDir, 'results.json');
mkdirSync(reportDir, { recursive: true });
rmSync(report, { force: true });
rmSync(join(reportDir, 'failures.txt'), { force: true });

const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: join(__dirname, '..') },
);

if (!existsSync(report)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(report, 'utf8'));
// CI shows only the tail of its log: name every failure there, with its first message line.
const failures = [];
for (const file of r.testResults ?? []) {
  const where = file.name.replace(join(__dirname, '..') + '/', '');
  if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
    failures.push(
      `FAILED ${where}: ${String(file.message ?? '')
        .split('\n')[0]
        .slice(0, 300)}`,
    );
  }
  for (const t of file.assertionResults ?? []) {
    if (t.status !== 'failed') continue;
    const first = String((t.failureMessages ?? [])[0] ?? '')
      .split('\n')[0]
      .slice(0, 300);
    failures.push(`FAILED ${where} > ${t.fullName}: ${first}`);
  }
}
if (failures.length > 0) {
  const list = join(reportDir, 'failures.txt');
  writeFileSync(list, failures.join('\n') + '\n');
  console.log(failures.join('\n'));
}
const failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status === 0 && failed === 0 && r.numPassedTests > 0 ? 0 : 1);
