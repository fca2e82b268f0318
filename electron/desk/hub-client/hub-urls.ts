/**
 * The hub instances a desk may talk to. The credential names the hub the desk enrolled with;
 * a comune running several instances (docs/multi-instance.md) lists them all in the managed
 * config's `hubUrls`, or in `SPORTELLO_HUB_URLS` (comma-separated), and the desk fails over
 * among them. Anything that is not an http(s) URL is left out, never guessed at.
 */
export function hubUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return parseHubUrls(env.SPORTELLO_HUB_URLS ?? '');
}

export function parseHubUrls(list: string | readonly string[]): string[] {
  const items = typeof list === 'string' ? list.split(',') : list;
  const urls: string[] = [];
  for (const raw of items) {
    const item = raw.trim();
    if (!item) continue;
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    const normal = url.toString();
    if (!urls.includes(normal)) urls.push(normal);
  }
  return urls;
}

/**
 * The order to try them in for one call: the one that answered last (sticky: a desk stays on a
 * healthy instance instead of spreading its session over all of them), then the enrolled hub,
 * then the rest of the list in its order.
 */
export function hubCandidates(
  enrolled: string,
  listed: readonly string[],
  preferred: string | null,
): string[] {
  const all = parseHubUrls([enrolled, ...listed]);
  if (all.length === 0) return [enrolled];
  if (preferred && all.includes(preferred)) return [preferred, ...all.filter((u) => u !== preferred)];
  return all;
}
