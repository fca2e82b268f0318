import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The UI is served from `app://sportello/…` instead of `file://`: a file:// page may read any
 * file the user can (and, with the fuse grantFileProtocolExtraPrivileges off, lacks the
 * privileges a web app needs), while app:// is a standard, secure origin of its own that maps
 * onto exactly one folder. Electron's protocol handler calls resolveAppRequest; the decision is
 * here, plain and tested.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sportello';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The file an app:// request maps to inside `root`, or null (→ 404) when the request names
 * another host, climbs out of the folder (`..`, encoded or not), or carries characters a path
 * must not (NUL, backslash). A path without an extension is a screen of the single-page app.
 */
export function resolveAppRequest(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((segment) => segment === '..')) return null;
  const rel = path === '/' || extname(path) === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, rel);
  const inside = relative(base, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

/** Only our own top-level page may call the core (register-ipc.ts); in development, the dev server's. */
export function isAppUrl(url: string, devServerUrl: string | null): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
