import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coatOfArmsBytes } from './load-coat-of-arms';

describe('the coat of arms file of a comune', () => {
  it('is read from the folder IT installs it in, by Belfiore code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-arms-'));
    writeFileSync(join(dir, 'B885.svg'), '<svg viewBox="0 0 1 1"><path d="M0 0 L1 1"/></svg>');
    expect(
      new TextDecoder().decode(coatOfArmsBytes('B885', { SPORTELLO_COAT_OF_ARMS_DIR: dir }) ?? undefined),
    ).toContain('<svg');
  });

  it('is null when there is none, so the documents carry the neutral emblem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sportello-arms-'));
    expect(coatOfArmsBytes('B885', { SPORTELLO_COAT_OF_ARMS_DIR: dir })).toBeNull();
    expect(coatOfArmsBytes('A605', {})).toBeNull();
    expect(coatOfArmsBytes('B885', { SPORTELLO_COAT_OF_ARMS_DIR: join(dir, 'missing') })).toBeNull();
  });
});
