import { describe, expect, it } from 'vitest';
import { permissionGranted } from './permissions';

describe('permission requests', () => {
  it('grants the clipboard write and full screen to the desk page only', () => {
    expect(permissionGranted('clipboard-sanitized-write', 'app://sportello/index.html')).toBe(true);
    expect(permissionGranted('fullscreen', 'app://sportello/index.html')).toBe(true);
    expect(permissionGranted('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(permissionGranted('fullscreen', 'file:///tmp/x.html')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'midi',
    'pointerLock',
    'window-management',
    'unknown',
  ])('denies %s even to the desk page', (permission) => {
    expect(permissionGranted(permission, 'app://sportello/index.html')).toBe(false);
  });
});
