import { describe, expect, it } from 'vitest';
import { renderFeedYaml } from './feed';
import { compareVersions } from './version';

describe('latest.yml for electron-updater', () => {
  it('writes version, files with sha512 and size, the legacy path and the hub’s own fields', () => {
    const yml = renderFeedYaml({
      version: '1.3.0',
      files: [{ url: 'Sportello-Setup-1.3.0.exe', sha512: 'abc+/==', size: 1234 }],
      releaseDate: '2026-12-07T02:00:00.000Z',
      releaseNotes: 'Correzioni: "ricevute"\nsecond line: ok',
      ring: 'casale',
      installWindow: { from: '07:00', to: '07:45' },
      downgrade: null,
    });
    expect(yml).toBe(
      [
        'version: "1.3.0"',
        'files:',
        '  - url: "Sportello-Setup-1.3.0.exe"',
        '    sha512: "abc+/=="',
        '    size: 1234',
        'path: "Sportello-Setup-1.3.0.exe"',
        'sha512: "abc+/=="',
        'releaseDate: "2026-12-07T02:00:00.000Z"',
        'releaseNotes: "Correzioni: \\"ricevute\\"\\nsecond line: ok"',
        'sportelloRing: "casale"',
        'sportelloInstallWindow:',
        '  from: "07:00"',
        '  to: "07:45"',
        '',
      ].join('\n'),
    );
  });
});

describe('version order', () => {
  it('follows semver, pre-releases before their release', () => {
    const sorted = ['1.10.0', '1.2.0', '1.2.0-rc.2', '1.2.0-rc.10', '0.9.9', '1.2.0-beta'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['0.9.9', '1.2.0-beta', '1.2.0-rc.2', '1.2.0-rc.10', '1.2.0', '1.10.0']);
  });
});
