import { join } from 'node:path';
import { openHubDatabase } from '../db/open-hub-database';
import { loadAuditKeeping } from './audit-key';
import { verifyAudit } from './audit-verify';

/**
 * `npm run hub -- audit verify [--data <dir>]`: every chain and anchor checked with the key;
 * prints OK with the counts, or each failing row or anchor, and exits 1.
 */
export async function runAuditCommand(dataDir: string, argv: readonly string[]): Promise<number> {
  const sub = argv[argv.indexOf('audit') + 1];
  if (sub !== 'verify') {
    console.error('usage: npm run hub -- audit verify [--data <dir>]');
    return 2;
  }
  const hub = await openHubDatabase({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: join(dataDir, 'hub', 'hub.sqlite'),
  });
  try {
    const report = await verifyAudit(hub.db, loadAuditKeeping(dataDir));
    const counts = `${report.chains} chains, ${report.hubRows} hub rows, ${report.deskRows} desk rows, ${report.anchors} anchors`;
    if (report.ok) {
      console.log(`[hub] audit OK: ${counts}`);
      return 0;
    }
    console.log(`[hub] audit FAILED (${counts}):`);
    for (const p of report.problems) console.log(`  - ${p}`);
    return 1;
  } finally {
    await hub.close();
  }
}
