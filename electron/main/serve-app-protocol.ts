import { pathToFileURL } from 'node:url';
import { net, protocol, session } from 'electron';
import { APP_SCHEME, resolveAppRequest } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy';
import { permissionGranted } from './security/permissions';

/** Must run before `app.whenReady()`: app:// is a standard, secure origin (fetch, storage, CSP). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Glue only: the path decision is resolveAppRequest, the permission decision permissionGranted. */
export function serveAppProtocol(rendererDir: string, devServerUrl: string | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(permissionGranted(permission, details.requestingUrl || wc.getURL(), devServerUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    permissionGranted(permission, requestingOrigin, devServerUrl),
  );
}
