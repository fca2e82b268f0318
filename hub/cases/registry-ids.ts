import { createHash } from 'node:crypto';

/**
 * The id of a registry history entry a case writes (a mover's change of address, an entry, a
 * restore). It must fit the one wire schema of resident events (`residentEventSchema`, 64
 * characters) whatever the lengths of the case and resident ids (each up to 64), and be the same
 * every time the same case writes the same entry, so a desk applying the case's change again
 * keeps one row (idempotency). A SHA-256 of the parts, cut to 160 bits, is both: fixed length
 * (44 characters), deterministic, and with no practical chance of two entries colliding. The
 * old `<case id>.<resident id>` was 73 characters for two uuids and took every counter offline.
 */
export function registryEventId(caseId: string, residentId: string, what: 'register' | 'restore'): string {
  const digest = createHash('sha256').update(`${caseId}\u0000${residentId}\u0000${what}`).digest('hex');
  return `cev-${digest.slice(0, 40)}`;
}

/**
 * The household a registration forms: `fam-<case id>` (readable, what existing data holds) while
 * it fits the family id's 64 characters; a case id near its own bound of 64 gets the hashed form.
 */
export function caseFamilyId(caseId: string): string {
  const plain = `fam-${caseId}`;
  if (plain.length <= 64) return plain;
  return `fam-${createHash('sha256').update(caseId).digest('hex').slice(0, 40)}`;
}
