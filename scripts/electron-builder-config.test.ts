import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { DESK_NODE_MODULES } from '../electron/main/packaging';

/**
 * Packaging cannot run here (its targets download tools and the Electron binary), so its config
 * is checked by electron-builder's own schema, and the choices IT relies on are checked by name.
 */
describe('electron-builder.yml', () => {
  const root = resolve(__dirname, '..');
  const file = resolve(root, 'electron-builder.yml');
  const load = (): Promise<Configuration> => getConfig(root, file, null);

  it('passes electron-builder schema validation', { timeout: 60_000 }, async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('it.casalemonferrato.sportello');
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('would catch a misspelled key', { timeout: 60_000 }, async () => {
    const config = await load();
    const broken = { ...config, nsiss: { oneClick: false } } as typeof config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/nsiss/);
  });

  it('keeps the fuses that stop the app being run as a plain Node or from a loose folder', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds per-user NSIS (self-updating, no UAC), per-machine MSI, deb, AppImage, and dmg with the zip a Mac updates from', async () => {
    const config = await load();
    const targets = (t: unknown): string[] =>
      (Array.isArray(t) ? t : [t]).map((x: string | { target: string }) =>
        typeof x === 'string' ? x : x.target,
      );
    expect(targets(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(targets(config.linux?.target)).toEqual(['deb', 'AppImage']);
    expect(targets(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: true });
    expect(config.msi).toMatchObject({ perMachine: true });
    for (const name of [
      config.artifactName,
      config.win?.artifactName,
      config.nsis?.artifactName,
      config.msi?.artifactName,
      config.linux?.artifactName,
      config.deb?.artifactName,
      config.mac?.artifactName,
      config.dmg?.artifactName,
    ])
      expect(name).toContain('${version}');
  });

  it('pins the accepted publisher names (a list, so a renewed certificate still verifies)', async () => {
    const config = await load();
    const names = config.win?.signtoolOptions?.publisherName;
    expect(Array.isArray(names) && names.length).toBeGreaterThan(0);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
  });

  it('holds no signing secret: certificates and passwords come from the environment', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(
      /^\s*(certificateFile|certificatePassword|cscLink|cscKeyPassword|identity)\s*:/m,
    );
    expect(text).not.toMatch(/-----BEGIN|\.p12|\.pfx/);
  });

  it('packs only the desk: out/ and the native SQLite binding, no hub dependencies', async () => {
    const config = await load();
    // getConfig normalises the list into file sets ({ filter: [...] })
    const files = ([config.files].flat() as (string | { filter?: string | string[] })[]).flatMap((f) =>
      typeof f === 'string' ? [f] : [f.filter ?? []].flat(),
    );
    expect(files).toContain('out/**/*');
    expect(files).toContain('!node_modules/**/*');
    const kept = files
      .filter((f) => f.startsWith('node_modules/'))
      .map((f) => f.split('/')[1])
      .filter((m, i, all) => all.indexOf(m) === i);
    expect(kept).toEqual([...DESK_NODE_MODULES]);
  });
});
