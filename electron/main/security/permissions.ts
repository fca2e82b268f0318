import { isAppUrl } from './app-protocol';

/**
 * Permissions the desk's own page uses: writing text to the clipboard (copying a protocol number)
 * and full screen (the PDF viewer's button). Everything else (camera, microphone, location,
 * notifications, USB/serial/HID, screen capture, opening external protocols…) is denied, and so is
 * every request from any other origin. Electron asks both setPermissionRequestHandler and
 * setPermissionCheckHandler; both answer with this.
 */
const USED_BY_THE_DESK: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function permissionGranted(
  permission: string,
  requestingUrl: string,
  devServerUrl: string | null = null,
): boolean {
  return USED_BY_THE_DESK.has(permission) && isAppUrl(requestingUrl, devServerUrl);
}
