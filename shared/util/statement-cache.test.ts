import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

describe('statement cache', () => {
  it('prepares each SQL text once and drops the least recently used beyond its bound', () => {
    const prepared: string[] = [];
    const db = { prepare: (sql: string) => (prepared.push(sql), { sql }), close: () => undefined };
    const cached = withStatementCache(db, 2);
    const a1 = cached.prepare('a');
    cached.prepare('b');
    expect(cached.prepare('a')).toBe(a1); // hit, and now the most recent
    cached.prepare('c'); // evicts b, the least recently used
    cached.prepare('a');
    cached.prepare('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
  });
});
