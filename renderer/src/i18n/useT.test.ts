import { describe, expect, it } from 'vitest';
import { translator } from './useT';

describe('translator', () => {
  it('is one function per language, so effects that list it do not re-run at every render', () => {
    expect(translator('it')).toBe(translator('it'));
    expect(translator('en')).toBe(translator('en'));
    expect(translator('it')).not.toBe(translator('en'));
    expect(translator('it')('visits.counter.empty')).toBe('Nessuno in attesa per questo sportello.');
    expect(translator('en')('visits.counter.empty')).toBe('Nobody waiting for this counter.');
  });
});
