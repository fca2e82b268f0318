import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDebtPositions, importVerbali } from './cashdesk/import-service';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { parseHubArgs, type HubCliArgs } from './config';
import { openHubDatabase } from './db/open-hub-database';
import {
  createEnrolmentCode,
  parseOffices,
  revokeWorkstation,
  setWorkstationOffices,
} from './admin/workstations';
import { setClerkDisabled } from './admin/users';
import { AppError, localizeError } from '../shared/errors/app-error';
import { createUser } from './admin/create-user';
import { readNewPassword } from './admin/read-password';
import { isSeeded, seedDemo } from './seed/seed-demo';
import { startHub } from './start-hub';
import { runAuditCommand } from './audit/audit-command';
import { runYearly } from './canone/yearly-run';
import { runSocialCommand } from './social/social-cli';
import { importAttendance } from './school/attendance-import';
import { previousMonth, runBilling } from './school/billing-run';
import { romeDateOf } from '../shared/calendar/rome-date';
import { runUpdateCommand } from './updates/release-cli';
import { backupScheduleFromEnv, backupNow, listBackups, restoreBackup } from './ops/backup';

/** `npm run hub -- <serve|backup now|list|restore <file>|migrate|seed|enrol|workstation enrol|workstation offices|workstation ring|revoke|create-admin|create-user|disable-user|enable-user|import-verbali|import-positions|canone yearly|school bill|school attendance|release publish|list|halt|rollback|advance|status|ring|audit verify> [--demo] [--host] [--port] [--data] [--residents] [--comune] [--name] [--user] [--role] [--display-name] [--file] [--year] [--month] [--school] [--office] [--ring] [--version] [--notes] [--blockmap] [--platform]` */
async function main(): Promise<void> {
  const args = parseHubArgs(process.argv.slice(2));
  const open = () => openHub(args);
  switch (args.command) {
    case 'serve': {
      const hub = await startHub({
        dataDir: args.dataDir,
        port: args.port,
        host: args.host,
        residents: args.residents,
        seed: args.seed,
        demo: args.demo,
      });
      console.log(`[hub] listening on ${hub.url} (${hub.hubDb.dialect})`);
      // requests in flight are answered before the process ends (hub/server.ts: close)
      const stop = () => {
        console.log('[hub] closing: finishing the requests in flight');
        void hub.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'backup': {
      // `backup now|list|restore <file>`: the embedded store only (PostgreSQL: pg_dump, docs/operations.md)
      if (process.env.DATABASE_URL)
        throw new Error('backup is for the SQLite hub: on PostgreSQL use pg_dump (docs/operations.md)');
      const [, sub, file] = process.argv
        .slice(2)
        .filter((a, i, all) => !a.startsWith('-') && !all[i - 1]?.startsWith('--'));
      const sqliteFile = join(args.dataDir, 'hub', 'hub.sqlite');
      if (sub === 'now') {
        const b = await backupNow(sqliteFile, { keep: backupScheduleFromEnv().keep });
        console.log(`[hub] backup ${b.path} (${b.bytes} bytes)`);
      } else if (sub === 'list') {
        const all = listBackups(sqliteFile);
        if (all.length === 0) console.log('[hub] no backups yet');
        for (const b of all) console.log(`${b.takenAt}  ${String(b.bytes).padStart(12)}  ${b.name}`);
      } else if (sub === 'restore' && file) {
        const { keptAs } = restoreBackup(sqliteFile, file);
        console.log(
          `[hub] restored ${file}${keptAs ? `; the previous store is kept as ${keptAs}` : ''}. Start the hub again.`,
        );
      } else {
        throw new Error('use: backup now | backup list | backup restore <file> (with the hub stopped)');
      }
      return;
    }
    case 'migrate': {
      const hub = await open();
      console.log(`[hub] schema up to date (${hub.dialect})`);
      await hub.close();
      return;
    }
    case 'seed': {
      const hub = await open();
      if (await isSeeded(hub.db)) {
        console.log('[hub] already seeded; delete the data folder (or database) to start again');
      } else {
        const done = await seedDemo(hub.db, {
          seed: args.seed,
          comuni: defaultDemoPlan(args.residents),
        });
        console.log(`[hub] seeded ${done.residents} residents`);
      }
      await hub.close();
      return;
    }
    case 'enrol':
    case 'workstation': {
      // `enrol` or `workstation enrol --name … [--office servizi_sociali]`, and
      // `workstation offices --name … --office a,b` (--office "" for none): hub/admin/workstations.ts
      const sub =
        args.command === 'enrol' ? 'enrol' : process.argv.slice(2).filter((a) => !a.startsWith('-'))[1];
      if (sub === 'ring') {
        await runUpdates(args);
        return;
      }
      const hub = await open();
      try {
        if (sub === 'enrol') {
          const offices = parseOffices(args.office ?? '');
          const code = await createEnrolmentCode(
            hub.db,
            args.comune,
            args.name,
            new Date(),
            offices,
            args.ring,
          );
          console.log(
            `[hub] enrolment code for "${args.name}" (${args.comune}${offices.length ? `, ${offices.join(', ')}` : ''}), valid 72 hours, usable once: ${code}`,
          );
        } else if (sub === 'offices' && args.office !== null) {
          const done = await setWorkstationOffices(hub.db, args.name, parseOffices(args.office));
          console.log(
            done
              ? `[hub] "${args.name}": joined ${done.joined.join(', ') || 'none'}, left ${done.left.join(', ') || 'none'} (its mirror follows at its next pull)`
              : `[hub] no single active workstation "${args.name}" (two with that name: give its id)`,
          );
        } else {
          throw new Error(
            'use: workstation enrol --comune <belfiore> --name <name> [--office <office>] [--ring <ring>] | workstation offices --name <name> --office <office,…|"">',
          );
        }
      } finally {
        await hub.close();
      }
      return;
    }
    case 'revoke': {
      const hub = await open();
      const n = await revokeWorkstation(hub.db, args.name);
      console.log(
        n
          ? `[hub] workstation "${args.name}" revoked: it wipes its data at its next contact`
          : `[hub] no active workstation "${args.name}"`,
      );
      await hub.close();
      return;
    }
    case 'create-admin':
    case 'create-user': {
      if (!args.user) throw new Error(`${args.command} needs --user <username> (and --comune <belfiore>)`);
      const password = await readNewPassword();
      const hub = await open();
      try {
        const made = await createUser(hub.db, {
          username: args.user,
          displayName: args.displayName,
          role: args.command === 'create-admin' ? 'admin' : args.role,
          comune: args.comune,
          password,
        });
        console.log(
          `[hub] ${made.username} created (${made.comune.name}, ${args.command === 'create-admin' ? 'admin' : args.role})`,
        );
      } finally {
        await hub.close();
      }
      return;
    }
    case 'disable-user':
    case 'enable-user': {
      const hub = await open();
      const disable = args.command === 'disable-user';
      const comune = await setClerkDisabled(hub.db, args.user, disable);
      console.log(
        comune ? `[hub] ${args.user} ${disable ? 'disabled' : 'enabled'}` : `[hub] no user ${args.user}`,
      );
      await hub.close();
      return;
    }
    case 'import-verbali':
    case 'import-positions': {
      const hub = await open();
      const csv = readFileSync(args.file, 'utf8');
      const report =
        args.command === 'import-verbali'
          ? await importVerbali(hub.db, args.comune, csv)
          : await importDebtPositions(hub.db, args.comune, csv);
      for (const p of report.fileProblems) console.log(`[hub] file: ${p}`);
      for (const r of report.rejected) console.log(`[hub] riga ${r.line} scartata: ${r.problems.join(' ')}`);
      console.log(`[hub] ${report.imported} imported, ${report.rejected.length} rejected (${args.comune})`);
      await hub.close();
      return;
    }
    case 'audit':
      process.exitCode = await runAuditCommand(args.dataDir, process.argv.slice(2));
      return;
    case 'canone': {
      // `canone yearly --comune B885 --year 2027`: the yearly run on demand (hub/canone/yearly-run.ts)
      const sub = process.argv.slice(2).filter((a) => !a.startsWith('-'))[1];
      if (sub !== 'yearly') throw new Error('use: canone yearly --comune <belfiore> --year <yyyy>');
      const hub = await open();
      try {
        const year = args.year ?? Number(romeDateOf(new Date()).slice(0, 4));
        const report = await runYearly(hub.db, args.comune, year);
        for (const f of report.failed)
          console.log(`[hub] ${f.concessionNumber ?? f.applicationId}: ${f.message}`);
        console.log(
          `[hub] canone ${args.comune} ${year}: ${report.concessions} concessions, ${report.issued} notices issued, ${report.skipped} skipped, ${report.failed.length} failed in ${report.seconds} s`,
        );
      } finally {
        await hub.close();
      }
      return;
    }
    case 'social': {
      // `social treasury|sad-hours|sad-billing <YYYY-MM>` (hub/social/social-cli.ts)
      const hub = await open();
      try {
        const positionals = process.argv
          .slice(2)
          .filter((a, i, all) => !a.startsWith('-') && !all[i - 1]?.startsWith('--'));
        for (const line of await runSocialCommand(hub.db, args.comune, positionals, args.file))
          console.log(line);
      } finally {
        await hub.close();
      }
      return;
    }
    case 'school': {
      // `school bill --comune B885 --month 2026-10` (hub/school/billing-run.ts) and
      // `school attendance --comune B885 --school ALEE80001 --file mensa.csv` (the operator's file)
      const sub = process.argv.slice(2).filter((a) => !a.startsWith('-'))[1];
      const hub = await open();
      try {
        if (sub === 'bill') {
          const today = romeDateOf(new Date());
          const month = args.month || previousMonth(today.slice(0, 7));
          const report = await runBilling(hub.db, args.comune, month);
          for (const r of report.rejected) console.log(`[hub] ${r.payer}: ${r.message}`);
          console.log(
            `[hub] school ${args.comune} ${month}: ${report.payers} payers, ${report.notices} notices, €${(report.totalCents / 100).toFixed(2)}, ${report.alreadyBilled} already billed, ${report.rejected.length} rejected in ${report.seconds} s`,
          );
        } else if (sub === 'attendance') {
          const report = await importAttendance(
            hub.db,
            args.comune,
            args.school,
            readFileSync(args.file, 'utf8'),
            new Date().toISOString(),
          );
          for (const r of report.rejected) console.log(`[hub] riga ${r.line} scartata: ${r.message}`);
          console.log(
            `[hub] ${report.imported} rows imported for ${report.days} days, ${report.rejected.length} rejected`,
          );
        } else {
          throw new Error(
            'use: school bill --comune <belfiore> [--month YYYY-MM] | school attendance --comune <belfiore> --school <code> --file <csv>',
          );
        }
      } finally {
        await hub.close();
      }
      return;
    }
    case 'release':
    case 'ring':
      await runUpdates(args);
      return;
    default:
      throw new Error(
        `unknown command "${args.command}": use serve, backup now|list|restore, migrate, seed, enrol, workstation enrol|offices|ring, revoke, create-admin, create-user, disable-user, enable-user, import-verbali, import-positions, canone yearly, social treasury|sad-hours|sad-billing, school bill, school attendance, release …, ring … or audit verify`,
      );
  }
}

main().catch((err: unknown) => {
  // IT reads the typed errors in Italian first, as at the counter
  if (err instanceof AppError)
    console.error(
      `${localizeError(err.code, err.params, 'it')}\n${localizeError(err.code, err.params, 'en')}`,
    );
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

function openHub(args: HubCliArgs) {
  return openHubDatabase({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: join(args.dataDir, 'hub', 'hub.sqlite'),
  });
}

/** Desk updates (hub/updates/release-cli.ts): release publish|list|halt|rollback|advance|status, ring …, workstation ring … */
async function runUpdates(args: HubCliArgs): Promise<void> {
  const hub = await openHub(args);
  try {
    const positionals = process.argv
      .slice(2)
      .filter((a, i, all) => !a.startsWith('-') && !all[i - 1]?.startsWith('--'));
    const lines = await runUpdateCommand(hub.db, positionals, {
      hubDir: join(args.dataDir, 'hub'),
      file: args.file,
      blockmap: args.blockmap,
      version: args.version,
      notes: args.notes,
      platform: args.platform,
      comune: process.argv.includes('--comune') ? args.comune : '',
      now: new Date(),
    });
    for (const line of lines) console.log(line);
  } finally {
    await hub.close();
  }
}
