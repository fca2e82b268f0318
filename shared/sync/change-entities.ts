import { serviceBackfilled, serviceEntities, type Services } from '../services/registered';

/** Kinds the registry core's log carries; each service declares its own in its service.ts. */
const CORE_ENTITIES = ['resident', 'clerk'] as const;

export type ChangeEntity = (typeof CORE_ENTITIES)[number] | Services[number]['entities'][number];

/** Every kind of entity the hub's change log carries to the counters of a comune. */
export const CHANGE_ENTITIES = [...CORE_ENTITIES, ...serviceEntities()] as [ChangeEntity, ...ChangeEntity[]];

/**
 * Entities a new counter reads from the change log after its registry bootstrap (which carries
 * only people): up to the bootstrap's position, later ones arrive with the normal pull.
 */
export const BACKFILLED_ENTITIES = serviceBackfilled() as readonly ChangeEntity[];
