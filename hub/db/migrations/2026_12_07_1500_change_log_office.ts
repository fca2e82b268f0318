import type { Kysely } from 'kysely';

/** The social-services procedures as the catalogue had them when this ran (frozen in time). */
const SOCIAL_PROCEDURES = ['contributo_economico', 'assistenza_domiciliare', 'revisione_fascicolo_sociale'];
const SOCIAL_OFFICE = 'servizi_sociali';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // the office a row of the log belongs to (null: every counter of the comune): a case of a
  // social procedure names who asks for economic aid or home care (DOMAIN.md §12.1), so only the
  // office's counters receive it
  await db.schema.alterTable('change_log').addColumn('office', 'text').execute();
  const socialCases = db.selectFrom('cases').select('id').where('procedure_code', 'in', SOCIAL_PROCEDURES);
  await db
    .updateTable('change_log')
    .set({ office: SOCIAL_OFFICE })
    .where('entity', '=', 'case')
    .where('for_workstation', 'is', null)
    .where('entity_id', 'in', socialCases)
    .execute();
  // counters outside the office received these cases before: a delete for each, for that counter
  // alone, drops them from its mirror at its next pull
  const outside = await db
    .selectFrom('workstations')
    .select(['id', 'comune'])
    .where(
      'id',
      'not in',
      db.selectFrom('workstation_offices').select('workstation_id').where('office', '=', SOCIAL_OFFICE),
    )
    .execute();
  const at = new Date().toISOString();
  for (const ws of outside) {
    const cases = await db
      .selectFrom('cases')
      .select('id')
      .where('comune', '=', ws.comune)
      .where('procedure_code', 'in', SOCIAL_PROCEDURES)
      .execute();
    for (let i = 0; i < cases.length; i += 400)
      await db
        .insertInto('change_log')
        .values(
          cases.slice(i, i + 400).map((c) => ({
            comune: ws.comune,
            entity: 'case',
            entity_id: c.id,
            op: 'delete',
            payload: 'null',
            at,
            mutation_id: null,
            for_workstation: ws.id,
            office: null,
          })),
        )
        .execute();
  }
}
