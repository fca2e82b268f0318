import { resolve } from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

/** Packaging cannot run here (its targets download tools), so its config is checked by electron-builder's own schema. */
describe('electron-builder.yml', () => {
  const root = resolve(__dirname, '..');

  it('passes electron-builder schema validation', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.appId).toBe('it.casalemonferrato.sportello');
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('would catch a misspelled key', async () => {
    const config = await getConfig(root, resolve(root, 'electron-builder.yml'), null);
    const broken = { ...config, nsiss: { oneClick: false } } as typeof config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/nsiss/);
  });
});
