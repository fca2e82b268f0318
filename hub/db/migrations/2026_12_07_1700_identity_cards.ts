import type { Kysely } from 'kysely';

// Frozen in time: Kysely<any> on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The identity card the comune issued (shared/registry/identity-card.ts): sent to the desks,
  // whose mirror indexes it so that a clerk can find the citizen by the card in hand.
  await db.schema.alterTable('residents').addColumn('identity_card_kind', 'text').execute();
  await db.schema.alterTable('residents').addColumn('identity_card_number', 'text').execute();
}
