import { CompiledQuery, type Kysely } from 'kysely';
import type { HubDatabase } from './database';
import { isPostgres } from './job-runs';

/** shapes whose compiled parameters were not those given: a caller's list out of order */
const notKept = new Set<string>();
/** What compiledOnce could not keep: a test that runs a path expects none (its speed would be lost quietly). */
export const shapesNotKept = (): readonly string[] => [...notKept];

/**
 * Runs a query of a fixed shape that runs thousands of times (a push's contact change: one per
 * mutation). Kysely builds and compiles a query anew at every call, and on the embedded hub that
 * cost as much as SQLite running it (bench:sync's profile of the push). Here the SQL is compiled
 * once per shape and dialect, then run with the parameters given, in their order. `shape` must
 * name everything that changes the SQL text (which fields, how many rows).
 *
 * Callers take the parameters from the very objects they give Kysely (`Object.values`, in key
 * order, as Kysely reads them), so the order holds by construction. The first compile checks it
 * anyway: a shape whose compiled parameters are not those given is never kept, only run as
 * built, and `shapesNotKept` names it. The check cannot see two parameters swapped when the first
 * call gives both the same value (two nulls): the construction is what rules that out.
 */
export function compiledOnce(): <R>(
  db: Kysely<HubDatabase>,
  shape: string,
  params: readonly unknown[],
  build: () => CompiledQuery<R>,
) => Promise<R[]> {
  const texts = new Map<string, string>();
  return async <R>(
    db: Kysely<HubDatabase>,
    shape: string,
    params: readonly unknown[],
    build: () => CompiledQuery<R>,
  ) => {
    const key = `${isPostgres(db) ? 'pg' : 'sqlite'} ${shape}`;
    const text = texts.get(key);
    if (text !== undefined) return (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
    const compiled = build();
    const same =
      compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
    if (same) texts.set(key, compiled.sql);
    else notKept.add(key);
    return (await db.executeQuery(compiled)).rows;
  };
}
