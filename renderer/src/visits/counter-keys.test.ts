import { describe, expect, it } from 'vitest';
import { counterIntentFor, transferTarget } from './counter-keys';

const key = (k: string, mods: Partial<{ altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('counter keys', () => {
  it('calls the next ticket with Shift+F9, leaving F9 to the shell', () => {
    expect(counterIntentFor(key('F9', { shiftKey: true }))).toBe('callNext');
    expect(counterIntentFor(key('F9'))).toBeNull();
  });
  it('acts on the called ticket with Alt and an Italian initial, never Alt+L (language)', () => {
    expect(counterIntentFor(key('r', { altKey: true }))).toBe('recall');
    expect(counterIntentFor(key('N', { altKey: true }))).toBe('no_show');
    expect(counterIntentFor(key('a', { altKey: true }))).toBeNull();
    expect(counterIntentFor(key('t', { altKey: true }))).toBe('transfer');
    expect(counterIntentFor(key('l', { altKey: true }))).toBeNull();
    expect(counterIntentFor(key('r'))).toBeNull();
  });
  it('reads a transfer to a line letter or a counter number', () => {
    expect(transferTarget(' b ')).toEqual({ toLine: 'B' });
    expect(transferTarget('3')).toEqual({ toCounter: 3 });
    expect(transferTarget('0')).toBeNull();
    expect(transferTarget('AB')).toBeNull();
  });
});
