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
  it('acts on the called ticket with Alt+Shift and an Italian initial, leaving plain Alt to the page', () => {
    expect(counterIntentFor(key('R', { altKey: true, shiftKey: true }))).toBe('recall');
    expect(counterIntentFor(key('N', { altKey: true, shiftKey: true }))).toBe('no_show');
    expect(counterIntentFor(key('T', { altKey: true, shiftKey: true }))).toBe('transfer');
    expect(counterIntentFor(key('A', { altKey: true, shiftKey: true }))).toBeNull();
    // Alt+R opens the change of residence and Alt+I a new ISEE on the resident's page
    expect(counterIntentFor(key('r', { altKey: true }))).toBeNull();
    expect(counterIntentFor(key('i', { altKey: true }))).toBeNull();
    expect(counterIntentFor(key('r'))).toBeNull();
  });
  it('reads a transfer to a line letter or a counter number', () => {
    expect(transferTarget(' b ')).toEqual({ toLine: 'B' });
    expect(transferTarget('3')).toEqual({ toCounter: 3 });
    expect(transferTarget('0')).toBeNull();
    expect(transferTarget('AB')).toBeNull();
  });
});
