import type { Kysely } from 'kysely';
import type { IsoDate } from '../../shared/calendar/iso-date';
import { schoolAgeProblem } from '../../shared/school/school-age';
import { schoolsOf, routesOf } from '../../shared/school/school-catalogue';
import { nextMonth } from '../../shared/school/billing';
import { SCHOOL_LEVELS, type SchoolLevel } from '../../shared/school/school-wire';
import type { HubDatabase } from '../db/database';
import { seedEnrolments, seedMeals, type SeedChild, type SeedFamily } from './school-seed';

const SCHOOL_YEAR = '2026/27';

/**
 * Demo canteen and transport for `npm start`: about `count` enrolments of the registry's own
 * school-age children (so siblings come from real households), the payer the household's eldest
 * adult, an ISEE for most families (one in five without), and the meals of the last month ended.
 */
export async function createDemoSchool(
  db: Kysely<HubDatabase>,
  comune: string,
  opts: { count: number; today: IsoDate; now: Date },
): Promise<{ enrolments: number; siblings: number; meals: number }> {
  const schools = schoolsOf(comune);
  if (schools.length === 0) return { enrolments: 0, siblings: 0, meals: 0 };
  const routes = routesOf(comune);
  const people = await db
    .selectFrom('residents as r')
    .innerJoin('families as f', (j) => j.onRef('f.id', '=', 'r.family_id').onRef('f.comune', '=', 'r.comune'))
    .select([
      'r.id',
      'r.codice_fiscale',
      'r.surname',
      'r.given_names',
      'r.birth_date',
      'r.family_id',
      'f.street_type',
      'f.street_name',
      'f.house_number',
    ])
    .where('r.comune', '=', comune)
    .where('r.status', '=', 'resident')
    .where('r.birth_date', '>=', '1940-01-01')
    .orderBy('r.family_id')
    .orderBy('r.birth_date')
    .execute();
  const byFamily = new Map<string, typeof people>();
  for (const p of people) {
    const list = byFamily.get(p.family_id) ?? [];
    list.push(p);
    byFamily.set(p.family_id, list);
  }
  const levelOf = (birth: string): SchoolLevel | null =>
    SCHOOL_LEVELS.find((l) => schoolAgeProblem(birth, l, SCHOOL_YEAR) === null) ?? null;
  const families: SeedFamily[] = [];
  let enrolments = 0;
  let siblings = 0;
  let k = 0;
  for (const [familyId, members] of byFamily) {
    if (enrolments >= opts.count) break;
    const adult = members.find((m) => m.birth_date <= '2006-01-01');
    if (!adult) continue;
    const children: SeedChild[] = [];
    for (const m of members) {
      const level = levelOf(m.birth_date);
      if (!level) continue;
      const school = schools.find((s) => s.level === level);
      if (!school) continue;
      k++;
      const route = routes[k % routes.length];
      const transport = school.services.includes('trasporto') && route && k % 4 === 0;
      children.push({
        child: {
          residentId: m.id,
          codiceFiscale: m.codice_fiscale,
          surname: m.surname,
          givenNames: m.given_names,
          birthDate: m.birth_date,
          resident: true,
        },
        level,
        school: { code: school.code, className: school.classes[k % school.classes.length] ?? '1A' },
        services: transport ? ['mensa', 'trasporto'] : ['mensa'],
        ...(transport && route ? { route: { route: route.code, stop: route.stops[0]?.code ?? '' } } : {}),
      });
    }
    if (children.length === 0) continue;
    if (children.length > 1) siblings += children.length - 1;
    enrolments += children.reduce((n, c) => n + c.services.length, 0);
    const noIsee = families.length % 5 === 4;
    const valueCents = ((families.length * 7919) % 30_000) * 100;
    families.push({
      household: `F:${familyId}`,
      payer: {
        residentId: adult.id,
        codiceFiscale: adult.codice_fiscale,
        name: `${adult.surname} ${adult.given_names}`,
        address:
          `${adult.street_type} ${adult.street_name} ${adult.house_number}`.trim().slice(0, 200) || '-',
      },
      isee: noIsee
        ? null
        : {
            type: 'ordinario',
            valueCents,
            dsuProtocol: `INPS-ISEE-2026-${String(100_000_000 + families.length)}-00`,
            issuedOn: '2026-02-01',
            expiresOn: '2026-12-31',
          },
      children,
    });
  }
  const records = await seedEnrolments(db, comune, families, {
    schoolYear: SCHOOL_YEAR,
    startMonth: '2026-09',
    now: opts.now,
    idPrefix: `demo-school-${comune}`,
  });
  // the last month ended inside the school year (September while it runs)
  const current = opts.today.slice(0, 7);
  let month = '2026-09';
  while (nextMonth(month) < current && nextMonth(month) <= '2027-06') month = nextMonth(month);
  const meals = await seedMeals(db, comune, records, month, { now: opts.now, before: opts.today });
  return { enrolments: records.length, siblings, meals };
}
