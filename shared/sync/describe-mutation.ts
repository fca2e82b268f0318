/** One line a clerk or supervisor can read for a queued or rejected mutation. */
export function describeMutation(name: string, args: unknown): string {
  const a = (args ?? {}) as Record<string, unknown>;
  if (name === 'registry.updateContacts') {
    return `Recapiti scheda ${String(a.residentId)}: tel. ${String(a.phone ?? '—')}, e-mail ${String(a.email ?? '—')}`;
  }
  return name;
}
