import { APP_ORIGIN } from './app-protocol';

/**
 * What happens when the page opens a URL in a new window (a link with target=_blank,
 * window.open): a document the desk generated (blob: from our own origin) opens in a sandboxed
 * window of the desk; an https link to a host on the allow-list opens in the system browser; any
 * other URL opens nowhere. The allow-list holds the hub(s) the workstation is enrolled with (the
 * certificates' verification pages live there) and the public services a clerk is sent to.
 */
export type WindowOpenDecision = 'open-in-app' | 'open-external' | 'deny';

/** Public sites a clerk may be sent to from the desk, besides the hub. */
export const PUBLIC_LINK_HOSTS: readonly string[] = [
  'www.comune.casale-monferrato.al.it',
  'checkout.pagopa.it',
];

export function decideWindowOpen(
  url: string,
  allowedHosts: readonly string[],
  appOrigin: string = APP_ORIGIN,
): WindowOpenDecision {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'deny';
  }
  // blob:app://sportello/<uuid> — bytes the page itself made (a PDF, an attachment)
  if (u.protocol === 'blob:') return url.startsWith(`blob:${appOrigin}/`) ? 'open-in-app' : 'deny';
  if (u.protocol !== 'https:' || u.username || u.password) return 'deny';
  const host = u.hostname.toLowerCase();
  return allowedHosts.some((h) => h.toLowerCase() === host) ? 'open-external' : 'deny';
}

/** The hosts of the hub URLs a workstation talks to, added to the public list. */
export function linkAllowList(hubUrls: readonly (string | null | undefined)[]): string[] {
  const hosts = new Set(PUBLIC_LINK_HOSTS);
  for (const h of hubUrls) {
    if (!h) continue;
    try {
      hosts.add(new URL(h).hostname.toLowerCase());
    } catch {
      // a malformed URL adds nothing
    }
  }
  return [...hosts];
}
