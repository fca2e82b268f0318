import { describe, expect, it } from 'vitest';
import { intentFor, moveSelection, type KeyLike } from './commands';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('keyboard commands', () => {
  it('maps the counter shortcuts to intents', () => {
    expect(intentFor(key('F2'))).toBe('focusSearch');
    expect(intentFor(key('Escape'))).toBe('back');
    expect(intentFor(key('F9'))).toBe('openSync');
    expect(intentFor(key('l', { altKey: true }))).toBe('toggleLanguage');
    expect(intentFor(key('Q', { ctrlKey: true, shiftKey: true }))).toBe('logout');
  });

  it('leaves plain typing (and scanner input) alone', () => {
    for (const ch of 'RSSMRA72L09H501S') expect(intentFor(key(ch))).toBeNull();
    expect(intentFor(key('l'))).toBeNull();
  });

  it('moves the selection within the list bounds', () => {
    expect(moveSelection(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(0);
    expect(moveSelection(1, 'End', 30)).toBe(29);
    expect(moveSelection(25, 'PageUp', 30)).toBe(15);
    expect(moveSelection(0, 'ArrowDown', 0)).toBe(-1);
  });
});
