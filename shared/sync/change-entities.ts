/** Every kind of entity the hub's change log carries to the counters of a comune. */
export const CHANGE_ENTITIES = [
  'resident',
  'clerk',
  'certificate',
  'verbale',
  'debt_position',
  'payment',
  'counter_session',
  'case',
] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/**
 * Entities a new counter reads from the change log after its registry bootstrap (which carries
 * only people): up to the bootstrap's position, later ones arrive with the normal pull.
 */
export const BACKFILLED_ENTITIES: readonly ChangeEntity[] = [
  'certificate',
  'verbale',
  'debt_position',
  'payment',
  'case',
];
