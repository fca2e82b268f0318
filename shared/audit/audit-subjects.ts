/**
 * Who or what an action touched, for the audit: the ids among a mutation's arguments (`id`,
 * `residentId`, `sessionId`, `caseIds`…), never its other fields, which may be a person's data.
 */
export function subjectIdsOf(args: unknown, max = 10): string {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return '';
  const ids: string[] = [];
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (!(k === 'id' || k.endsWith('Id') || k.endsWith('Ids'))) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) if (typeof one === 'string' && one.length <= 80) ids.push(`${k}=${one}`);
  }
  return ids.slice(0, max).join(' ');
}
