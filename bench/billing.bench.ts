/**
 * `npm run bench:billing`: the monthly billing run of issue 15 on a SQLite hub. Seeds 20,000
 * children of Casale in synthetic families (one to three children, so siblings get ranks 2 and
 * 3), most with an ISEE spread over every band (some without, some non-resident), a tenth also
 * on the school bus, and October 2026's meals as the canteen operator's import stores them
 * (about 400,000 rows); then bills October: one pagoPA notice per payer with every child's
 * meals × band price and the transport fees. Then runs again: nothing new (idempotent).
 *
 * The run is a list of steps (seed, then bill): then the social services' 2,000 SAD users (their
 * delivered hours × personalised rate × operators), added to `month_run_s` and `notices`.
 * Knobs: BENCH_CHILDREN.
 *
 * Last line exactly: `billing month_run_s=<x> notices=<n> children=20000`. Target ≤ 20 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../hub/db/database';
import { openHubDatabase } from '../hub/db/open-hub-database';
import { runBilling } from '../hub/school/billing-run';
import { seedEnrolments, seedMeals, type SeedFamily } from '../hub/school/school-seed';
import { insertHouseholds, seedDemo } from '../hub/seed/seed-demo';
import { createDemoSad } from '../hub/social/demo-social';
import { runSadBilling } from '../hub/social/sad-billing';
import { elderHouseholds } from '../test-support/elder-households';
import { defaultDemoPlan } from '../resources/demo/generate-registry';
import { schoolsOf } from '../shared/school/school-catalogue';
import type { SchoolLevel } from '../shared/school/school-wire';
import { FAST_TEST_SCRYPT } from '../test-support/password-cost';

const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 20_000);
const COMUNE = 'B885';
const MONTH = '2026-10';
/** the run happens on 1 November, as the monthly job would */
const NOW = new Date('2026-11-01T07:00:00Z');

interface Step {
  name: string;
  seed(db: Kysely<HubDatabase>): Promise<string>;
  /** bills the month; returns the notices issued */
  run(db: Kysely<HubDatabase>): Promise<{ notices: number; seconds: number; again: number }>;
}

/** A child's birth date for its level in 2026/27 (primaria: 2015–2020, …), spread by `i`. */
function birthFor(level: SchoolLevel, i: number): string {
  const from = { infanzia: 2021, primaria: 2016, secondaria_primo_grado: 2013 }[level];
  const span = { infanzia: 3, primaria: 5, secondaria_primo_grado: 3 }[level];
  const year = from + (i % span);
  return `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
}

const cf = (prefix: string, n: number) => `${prefix}${String(n).padStart(16 - prefix.length, '0')}`;

function families(count: number): SeedFamily[] {
  const schools = schoolsOf(COMUNE);
  const out: SeedFamily[] = [];
  let child = 0;
  let f = 0;
  while (child < count) {
    f++;
    const size = Math.min(count - child, f % 5 === 0 ? 3 : f % 3 === 0 ? 2 : 1);
    const noIsee = f % 9 === 0;
    const nonResident = f % 23 === 0;
    out.push({
      household: `P:${cf('PAY', f)}`,
      payer: {
        residentId: null,
        codiceFiscale: cf('PAY', f),
        name: `Famiglia ${f}`,
        address: `Via Roma ${f}`,
      },
      isee: noIsee
        ? null
        : {
            type: 'ordinario',
            valueCents: ((f * 7919) % 25_000) * 100 + (f % 100),
            dsuProtocol: `INPS-ISEE-2026-${String(100_000_000 + f)}-00`,
            issuedOn: '2026-02-01',
            expiresOn: '2026-12-31',
          },
      children: Array.from({ length: size }, () => {
        child++;
        const school = schools[child % schools.length];
        if (!school) throw new Error('no demo school');
        const bus = school.services.includes('trasporto') && child % 10 === 0;
        return {
          child: {
            residentId: null,
            codiceFiscale: cf('KID', child),
            surname: `Famiglia${f}`,
            givenNames: `Figlio${child}`,
            birthDate: birthFor(school.level, child),
            resident: !nonResident,
          },
          level: school.level,
          school: { code: school.code, className: school.classes[child % school.classes.length] ?? '1A' },
          services: bus ? (['mensa', 'trasporto'] as const) : (['mensa'] as const),
          ...(bus ? { route: { route: 'L1', stop: 'L1-02' } } : {}),
        };
      }),
    });
  }
  return out;
}

const canteen: Step = {
  name: 'canteen and transport',
  async seed(db) {
    const records = await seedEnrolments(db, COMUNE, families(CHILDREN), {
      schoolYear: '2026/27',
      startMonth: '2026-09',
      now: NOW,
      idPrefix: 'bench',
    });
    const meals = await seedMeals(db, COMUNE, records, MONTH, { now: NOW });
    const children = new Set(records.map((r) => r.child.codiceFiscale)).size;
    if (children !== CHILDREN) throw new Error(`seeded ${children} children`);
    return `children=${children} enrolments=${records.length} meals=${meals}`;
  },
  async run(db) {
    const first = await runBilling(db, COMUNE, MONTH, NOW);
    if (first.rejected.length > 0) {
      throw new Error(`${first.rejected.length} families rejected, e.g. ${first.rejected[0]?.message}`);
    }
    console.log(
      `billed payers=${first.payers} notices=${first.notices} total=€${(first.totalCents / 100).toFixed(2)}`,
    );
    const again = await runBilling(db, COMUNE, MONTH, NOW);
    return { notices: first.notices, seconds: first.seconds, again: again.notices };
  },
};

/** 2,000 home-care users of Casale, every one active with the month's delivered hours. */
const SAD_USERS = 2_000;
const homeCare: Step = {
  name: 'home care (SAD)',
  async seed(db) {
    await insertHouseholds(db, elderHouseholds(SAD_USERS + 100));
    const made = await createDemoSad(db, COMUNE, {
      users: SAD_USERS,
      allActive: true,
      hoursMonth: MONTH,
      now: NOW,
    });
    return `sad_users=${made.active}`;
  },
  async run(db) {
    const first = await runSadBilling(db, COMUNE, MONTH, NOW);
    if (first.users !== SAD_USERS) throw new Error(`billed ${first.users} SAD users`);
    console.log(`billed sad_users=${first.users} notices=${first.notices}`);
    const again = await runSadBilling(db, COMUNE, MONTH, NOW);
    return { notices: first.notices, seconds: first.seconds, again: again.notices };
  },
};

const STEPS: Step[] = [canteen, homeCare];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-bench-billing-'));
  const hubDb = await openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') });
  try {
    const plan = defaultDemoPlan(200).filter((p) => p.comune.belfiore === COMUNE);
    await seedDemo(hubDb.db, { seed: 7, comuni: plan }, () => {}, FAST_TEST_SCRYPT);
    let seconds = 0;
    let notices = 0;
    for (const step of STEPS) {
      const t0 = performance.now();
      const seeded = await step.seed(hubDb.db);
      console.log(`${step.name}: seeded ${seeded} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const r = await step.run(hubDb.db);
      console.log(
        `${step.name}: run ${r.seconds.toFixed(2)} s, second run issued ${r.again} (idempotent: 0)`,
      );
      if (r.again !== 0) throw new Error(`${step.name}: the second run issued notices`);
      seconds += r.seconds;
      notices += r.notices;
    }
    console.log(`billing month_run_s=${seconds.toFixed(2)} notices=${notices} children=${CHILDREN}`);
  } finally {
    await hubDb.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
