import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../shared/errors/app-error';
import { hashToken, newToken } from '../auth/tokens';
import type { HubDatabase } from '../db/database';
import type { UpdateRing } from '../../shared/updates/update-ring';
import { keepEnrolmentRing, listRings } from '../updates/rings';
import { KNOWN_OFFICES, setOfficesOf } from '../sync/office-scope';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud over the phone
export const ENROLMENT_CODE_HOURS = 72;

/** "KX7P-3MQA-92HT": typed once by IT at the new workstation; only its hash is stored. */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length)));
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Office codes as IT types them ("servizi_sociali", comma-separated); an unknown one is refused. */
export function parseOffices(list: string): string[] {
  const offices = [
    ...new Set(
      list
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = offices.filter((o) => !KNOWN_OFFICES.includes(o));
  if (unknown.length > 0)
    throw new Error(`unknown office ${unknown.join(', ')}: use one of ${KNOWN_OFFICES.join(', ')}`);
  return offices.sort();
}

/**
 * A one-time code for a new workstation. `offices`: the offices it serves from its first sync
 * (the social-services office's counters alone receive social records, office-scope.ts).
 */
export async function createEnrolmentCode(
  db: Kysely<HubDatabase>,
  comune: string,
  workstationName: string,
  now: Date = new Date(),
  offices: readonly string[] = [],
  /** the update ring IT puts this PC in (hub/updates/rings.ts); null: its comune's ring */
  ring: UpdateRing | null = null,
): Promise<string> {
  const officesKept = parseOffices(offices.join(','));
  if (ring !== null && !(await listRings(db)).some((r) => r.name === ring))
    throw new Error(`unknown update ring ${ring}`);
  const known = await db
    .selectFrom('comuni')
    .select('belfiore')
    .where('belfiore', '=', comune)
    .executeTakeFirst();
  if (!known) throw new Error(`unknown comune ${comune}`);
  const code = newEnrolmentCode();
  await db
    .insertInto('enrolment_codes')
    .values({
      code_hash: hashToken(normalizeCode(code)),
      comune,
      workstation_name: workstationName,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000).toISOString(),
      used_at: null,
      offices: officesKept.length > 0 ? officesKept.join(',') : null,
      ring,
    })
    .execute();
  return code;
}

/** Exchanges a one-time code for the device credential; the code cannot be used twice. */
export async function enrolWithCode(
  db: Kysely<HubDatabase>,
  code: string,
  now: Date = new Date(),
): Promise<{
  token: string;
  workstation: { id: string; name: string; series: string };
  comune: { belfiore: string; name: string };
  ring: UpdateRing;
}> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('enrolment_codes')
      .selectAll()
      .where('code_hash', '=', hashToken(normalizeCode(code)))
      .executeTakeFirst();
    if (!row || row.used_at || new Date(row.expires_at) < now) throw new AppError('enrolment_code_invalid');
    const used = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: now.toISOString() })
      .where('code_hash', '=', row.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new AppError('enrolment_code_invalid');
    const token = newToken();
    const id = uuidv7();
    const series = await nextWorkstationSeries(trx, row.comune);
    await trx
      .insertInto('workstations')
      .values({
        id,
        name: row.workstation_name,
        comune: row.comune,
        token_hash: hashToken(token),
        created_at: now.toISOString(),
        revoked_at: null,
        series,
      })
      .execute();
    const offices = row.offices ? row.offices.split(',') : [];
    if (offices.length > 0) await setOfficesOf(trx, { id, comune: row.comune }, offices, now.toISOString());
    const comune = await trx
      .selectFrom('comuni')
      .select(['belfiore', 'name'])
      .where('belfiore', '=', row.comune)
      .executeTakeFirstOrThrow();
    const kept = await keepEnrolmentRing(trx, { id, comune: row.comune }, row.ring, now);
    return { token, workstation: { id, name: row.workstation_name, series }, comune, ring: kept };
  });
}

/**
 * The next numbering series of a comune: P1, P2… in enrolment order. Revoked workstations keep
 * theirs, so a number once printed is never issued again by a newcomer. A concurrent enrolment
 * that picks the same one fails on the unique index and is simply retried by IT.
 */
export async function nextWorkstationSeries(
  db: Kysely<HubDatabase> | Transaction<HubDatabase>,
  comune: string,
): Promise<string> {
  const row = await db
    .selectFrom('workstations')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('comune', '=', comune)
    .executeTakeFirstOrThrow();
  return `P${Number(row.n) + 1}`;
}

/** On its next contact the workstation is told it is revoked, and wipes its local personal data. */
export async function revokeWorkstation(
  db: Kysely<HubDatabase>,
  nameOrId: string,
  now: Date = new Date(),
): Promise<number> {
  const res = await db
    .updateTable('workstations')
    .set({ revoked_at: now.toISOString() })
    .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)]))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * IT moves a workstation into or out of offices (the full list it serves from now on). Its pull
 * follows at once; at its next pull the records of an office it left are deleted from its mirror
 * and those of an office it joined arrive (office-scope.ts). Null when there is no such active
 * workstation, or several with that name (give the id).
 */
export async function setWorkstationOffices(
  db: Kysely<HubDatabase>,
  nameOrId: string,
  offices: readonly string[],
  now: Date = new Date(),
): Promise<{ joined: string[]; left: string[] } | null> {
  const wanted = parseOffices(offices.join(','));
  return db.transaction().execute(async (trx) => {
    const ws = await trx
      .selectFrom('workstations')
      .select(['id', 'comune'])
      .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)]))
      .where('revoked_at', 'is', null)
      .execute();
    if (ws.length !== 1 || !ws[0]) return null;
    return setOfficesOf(trx, ws[0], wanted, now.toISOString());
  });
}
