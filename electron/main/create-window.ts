import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { APP_ENTRY_URL } from './security/app-protocol';
import { decideWindowOpen } from './security/external-links';

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * A hardened window: isolated, sandboxed, no Node in the page, no navigation, no webviews.
 * New windows follow decideWindowOpen: the desk's own documents in a bare window (no preload,
 * so no access to the core), allow-listed https links in the system browser, nothing else.
 */
export function createMainWindow(
  rendererUrl: string | null,
  linkHosts: () => readonly string[],
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: 'Sportello',
    show: false,
    webPreferences: { preload: join(__dirname, '../preload/index.js'), ...HARDENED },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, linkHosts());
    if (decision === 'open-external') void shell.openExternal(url);
    if (decision !== 'open-in-app') return { action: 'deny' };
    return {
      action: 'allow',
      overrideBrowserWindowOptions: { autoHideMenuBar: true, webPreferences: { ...HARDENED } },
    };
  });
  win.webContents.on('did-create-window', (child) => {
    child.webContents.on('will-navigate', (e) => e.preventDefault());
    child.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  void win.loadURL(rendererUrl ?? APP_ENTRY_URL);
  return win;
}
