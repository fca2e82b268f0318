import type { Migration, Transaction } from 'kysely';
import type { Change } from '../../../shared/sync/mutations';
import type { DeskContext } from '../context';
import type { Database } from '../db/database';

/** Desk-side tables of the case engine, merged into the desk Database type. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CaseDeskTables {}

/** Desk migrations of the case engine (append only), merged after the core ones. */
export const CASE_DESK_MIGRATIONS: Record<string, Migration> = {};

/** How the desk applies pulled changes of the case engine's entities. */
export const CASE_CHANGE_HANDLERS: Partial<
  Record<Change['entity'], (trx: Transaction<Database>, change: Change) => Promise<void>>
> = {};

/**
 * Runs before each push round (e.g. upload attachment files the hub does not have yet, so the
 * mutations that reference them can be applied). Must be quick when there is nothing to do.
 */
export const CASE_BEFORE_PUSH = async (_ctx: DeskContext): Promise<void> => {};
