/**
 * Kysely's SQLite driver prepares every query anew; the counter and the hub run the same few
 * statements thousands of times, so prepared statements are kept by SQL text (bounded, least
 * recently used dropped first). Structural types only: desk and hub wrap their better-sqlite3
 * handle with it before giving it to Kysely. Measured on the hub's push path (see bench:sync).
 */
export function withStatementCache<S, D extends { prepare(sql: string): S; close(): unknown }>(
  db: D,
  max = 500,
): { prepare(sql: string): S; close(): void } {
  const cache = new Map<string, S>();
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt !== undefined) {
        cache.delete(sql); // re-inserted below: most recently used last
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= max) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
