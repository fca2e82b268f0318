import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../shared/errors/app-error';
import { ringOfWorkstation } from '../../shared/updates/rollout';
import { updateRingSchema, type UpdateRing } from '../../shared/updates/update-ring';
import type { HubDatabase } from '../db/database';

type Db = Kysely<HubDatabase> | Transaction<HubDatabase>;

export interface RingRow {
  name: UpdateRing;
  position: number;
  installFrom: string | null;
  installTo: string | null;
}

/** The rings in rollout order. */
export async function listRings(db: Db): Promise<RingRow[]> {
  const rows = await db.selectFrom('update_rings').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    name: r.name,
    position: Number(r.position),
    installFrom: r.install_from,
    installTo: r.install_to,
  }));
}

async function knownRing(db: Db, raw: string): Promise<UpdateRing> {
  const parsed = updateRingSchema.safeParse(raw);
  const rings = await listRings(db);
  if (!parsed.success || !rings.some((r) => r.name === parsed.data))
    throw new AppError('update_ring_unknown', {
      ring: raw.slice(0, 40),
      rings: rings.map((r) => r.name).join(', '),
    });
  return parsed.data;
}

/** `ring add <name>`: a new ring after the last one (a new partner comune of its own). */
export async function addRing(db: Kysely<HubDatabase>, raw: string): Promise<UpdateRing> {
  const name = updateRingSchema.parse(raw);
  return db.transaction().execute(async (trx) => {
    const rings = await listRings(trx);
    if (rings.some((r) => r.name === name)) return name;
    const position = Math.max(-1, ...rings.map((r) => r.position)) + 1;
    await trx
      .insertInto('update_rings')
      .values({ name, position, install_from: null, install_to: null })
      .execute();
    return name;
  });
}

/** `ring comune <belfiore> <ring>`: where the comune's workstations are. */
export async function setComuneRing(
  db: Kysely<HubDatabase>,
  comune: string,
  raw: string,
): Promise<UpdateRing> {
  return db.transaction().execute(async (trx) => {
    const ring = await knownRing(trx, raw);
    const known = await trx
      .selectFrom('comuni')
      .select('belfiore')
      .where('belfiore', '=', comune)
      .executeTakeFirst();
    if (!known) throw new Error(`unknown comune ${comune}`);
    await trx
      .insertInto('update_comune_rings')
      .values({ comune, ring })
      .onConflict((oc) => oc.column('comune').doUpdateSet({ ring }))
      .execute();
    return ring;
  });
}

/** `ring window <ring> 07:00-07:45` (or `none`): when its desks may install while open. */
export async function setInstallWindow(db: Kysely<HubDatabase>, raw: string, window: string): Promise<void> {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(window.trim());
  if (!m && window.trim() !== 'none') throw new Error('window: HH:MM-HH:MM (local time) or none');
  await db.transaction().execute(async (trx) => {
    const ring = await knownRing(trx, raw);
    await trx
      .updateTable('update_rings')
      .set({ install_from: m ? `${m[1]}:${m[2]}` : null, install_to: m ? `${m[3]}:${m[4]}` : null })
      .where('name', '=', ring)
      .execute();
  });
}

/**
 * `workstation ring <id|name> <ring|clear>`: IT's choice for one PC, over its comune's. Returns
 * how many active workstations matched (a name may be used in two comuni: both move).
 */
export async function setWorkstationRing(
  db: Kysely<HubDatabase>,
  nameOrId: string,
  raw: string,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ring = raw === 'clear' ? null : await knownRing(trx, raw);
    const targets = await trx
      .selectFrom('workstations')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name', '=', nameOrId)]))
      .where('revoked_at', 'is', null)
      .execute();
    for (const t of targets) {
      await trx.deleteFrom('update_workstation_rings').where('workstation_id', '=', t.id).execute();
      if (ring)
        await trx
          .insertInto('update_workstation_rings')
          .values({ workstation_id: t.id, ring, set_at: now.toISOString(), set_by: 'admin' })
          .execute();
    }
    return targets.length;
  });
}

/**
 * At enrolment, inside its transaction: the ring IT chose for this PC with its enrolment code.
 * The ring a desk's managed configuration names is a claim of the client and never places the PC
 * (a modified desk must not put itself in `pilot` and take untested releases first). A PC whose
 * code names no ring follows its comune.
 */
export async function keepEnrolmentRing(
  trx: Transaction<HubDatabase>,
  workstation: { id: string; comune: string },
  codeRing: string | null,
  now: Date,
): Promise<UpdateRing> {
  const rings = (await listRings(trx)).map((r) => r.name);
  const kept = codeRing && rings.includes(codeRing) ? codeRing : null;
  if (kept)
    await trx
      .insertInto('update_workstation_rings')
      .values({ workstation_id: workstation.id, ring: kept, set_at: now.toISOString(), set_by: 'enrolment' })
      .execute();
  return ringOfWorkstation(kept, await comuneRing(trx, workstation.comune), rings);
}

export async function comuneRing(db: Db, comune: string): Promise<UpdateRing | null> {
  const row = await db
    .selectFrom('update_comune_rings')
    .select('ring')
    .where('comune', '=', comune)
    .executeTakeFirst();
  return row?.ring ?? null;
}

/** The ring a workstation is in now (IT's choice for it, its comune's, else the last ring). */
export async function ringOf(db: Db, workstation: { id: string; comune: string }): Promise<UpdateRing> {
  const own = await db
    .selectFrom('update_workstation_rings')
    .select('ring')
    .where('workstation_id', '=', workstation.id)
    .executeTakeFirst();
  const rings = (await listRings(db)).map((r) => r.name);
  return ringOfWorkstation(own?.ring ?? null, await comuneRing(db, workstation.comune), rings);
}
