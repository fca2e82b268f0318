import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppRequest } from './app-protocol';

const root = resolve('/opt/Sportello/resources/app.asar/out/renderer');

describe('app:// serves the UI folder and nothing else', () => {
  it('maps the entry page, assets and fonts into the folder', () => {
    expect(resolveAppRequest('app://sportello/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://sportello/assets/index-abc.js', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppRequest('app://sportello/assets/titillium%20web.woff2?v=1#x', root)).toBe(
      join(root, 'assets', 'titillium web.woff2'),
    );
  });

  it('answers a screen of the single-page app with the entry page', () => {
    expect(resolveAppRequest('app://sportello/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('app://sportello/permits/new', root)).toBe(join(root, 'index.html'));
  });

  it.each(['app://sportello/../../../etc/passwd', 'app://sportello/%2e%2e/%2e%2e/etc/passwd.txt'])(
    'keeps %s inside the folder (the URL parser clamps dot segments at the root)',
    (url) => {
      expect(resolveAppRequest(url, root)?.startsWith(`${root}${sep}`)).toBe(true);
    },
  );

  it.each([
    'app://sportello/assets/..%2f..%2f..%2fetc%2fpasswd.txt',
    'app://sportello/assets/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
    'app://sportello/a%00.js',
    'app://sportello/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://sportello/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it('recognises only its own origin (or the dev server in development) as the app', () => {
    expect(isAppUrl('app://sportello/index.html', null)).toBe(true);
    expect(isAppUrl('file:///opt/Sportello/out/renderer/index.html', null)).toBe(false);
    expect(isAppUrl('app://evil/index.html', null)).toBe(false);
    expect(isAppUrl('https://example.org/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('app://sportello/index.html', 'http://localhost:5173/')).toBe(false);
  });
});
