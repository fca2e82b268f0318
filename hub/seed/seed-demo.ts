import { loadReferenceData } from '../../resources/demo/reference-data';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { generateRegistry, type GenerateOptions } from '../../resources/demo/generate-registry';
import type { Comune, Family, Resident, ResidentEvent } from '../../shared/registry/model';
import { nextWorkstationSeries } from '../admin/workstations';
import { hashPassword, OWASP_SCRYPT, type ScryptCost } from '../auth/passwords';
import { hashToken, newToken } from '../auth/tokens';
import type { HubDatabase } from '../db/database';
import { eventRow, familyRow, residentRow } from '../registry/registry-repository';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

const CHUNK = 400; // rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits
const FAMILIES_PER_TRANSACTION = 5000;

export async function isSeeded(db: Kysely<HubDatabase>): Promise<boolean> {
  const row = await db.selectFrom('comuni').select('belfiore').limit(1).executeTakeFirst();
  return row !== undefined;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface Household {
  family: Family;
  members: Resident[];
  events: ResidentEvent[];
}

/** Comuni, demo clerks and the generated registry, deterministic by seed. */
export async function seedDemo(
  db: Kysely<HubDatabase>,
  plan: GenerateOptions,
  onProgress: (residents: number) => void = () => {},
  passwordCost: ScryptCost = OWASP_SCRYPT,
): Promise<{ residents: number; families: number }> {
  // The reference data first: a hub that cannot generate its registry must not be left with
  // comuni and users only, which would count as seeded at the next start and never get residents.
  loadReferenceData(plan.dataDir);
  await seedComuniAndUsers(
    db,
    plan.comuni.map((c) => c.comune),
    passwordCost,
  );
  return insertHouseholds(db, generateRegistry(plan), onProgress);
}

/** The comuni and their demo accounts (DEMO_USERS, one password for all). */
export async function seedComuniAndUsers(
  db: Kysely<HubDatabase>,
  comuni: Comune[],
  passwordCost: ScryptCost = OWASP_SCRYPT,
): Promise<void> {
  await db.insertInto('comuni').values(comuni).execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD, passwordCost);
  const known = new Set(comuni.map((c) => c.belfiore));
  const users = DEMO_USERS.filter((u) => known.has(u.comune)).map((u) => ({
    id: uuidv7(),
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    comune: u.comune,
    password_hash: passwordHash,
    failed_attempts: 0,
    locked_until: null,
    disabled: 0,
  }));
  await db.insertInto('users').values(users).execute();
  const offices = DEMO_USERS.filter((u) => known.has(u.comune)).flatMap((u) =>
    (u.offices ?? []).map((office) => ({ username: u.username, office })),
  );
  if (offices.length > 0) await db.insertInto('user_offices').values(offices).execute();
}

/** Streams households into the registry of record, a few thousand per transaction. */
export async function insertHouseholds(
  db: Kysely<HubDatabase>,
  households: Iterable<Household>,
  onProgress: (residents: number) => void = () => {},
): Promise<{ residents: number; families: number }> {
  let families: Family[] = [];
  let residents: Resident[] = [];
  let events: ResidentEvent[] = [];
  let totalResidents = 0;
  let totalFamilies = 0;
  const flush = async (): Promise<void> => {
    await db.transaction().execute(async (trx) => {
      await insertChunks(families, (c) => trx.insertInto('families').values(c.map(familyRow)).execute());
      await insertChunks(residents, (c) => trx.insertInto('residents').values(c.map(residentRow)).execute());
      await insertChunks(events, (c) => trx.insertInto('resident_events').values(c.map(eventRow)).execute());
    });
    totalResidents += residents.length;
    totalFamilies += families.length;
    onProgress(totalResidents);
    families = [];
    residents = [];
    events = [];
  };
  for (const household of households) {
    families.push(household.family);
    residents.push(...household.members);
    events.push(...household.events);
    if (families.length >= FAMILIES_PER_TRANSACTION) await flush();
  }
  if (families.length > 0) await flush();
  return { residents: totalResidents, families: totalFamilies };
}

/** Registers a workstation for a comune and returns its one-time visible credential. */
export async function enrolWorkstation(
  db: Kysely<HubDatabase>,
  comune: string,
  name: string,
  now: Date = new Date(),
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const id = uuidv7();
  await db
    .insertInto('workstations')
    .values({
      id,
      name,
      comune,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      revoked_at: null,
      series: await nextWorkstationSeries(db, comune),
    })
    .execute();
  return { id, token };
}
