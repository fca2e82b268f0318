import { describe, expect, it } from 'vitest';
import { buildApi } from './build-api';
import { CALL_NAMES } from './call-names';
import { contract } from './contract';
import { errorMessages } from '../errors/error-messages';
import { AppError } from '../errors/app-error';

describe('contract', () => {
  it('names every call domain:verb, the core’s and each registered service’s', () => {
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
    expect(CALL_NAMES).toContain('registry:search');
    expect(CALL_NAMES).toContain('certificates:issue');
    expect(CALL_NAMES).toContain('cashdesk:pay');
    expect(CALL_NAMES).toContain('cases:queue');
  });

  it('rejects unknown fields, wrong types and oversize input', () => {
    expect(contract['registry:search'].input.safeParse({ query: 'rossi' }).success).toBe(true);
    expect(contract['registry:search'].input.safeParse({ query: 'rossi', sql: 'drop' }).success).toBe(false);
    expect(contract['registry:search'].input.safeParse({ query: 42 }).success).toBe(false);
    expect(contract['registry:search'].input.safeParse({ query: 'x'.repeat(121) }).success).toBe(false);
    expect(contract['session:login'].input.safeParse({ username: '  ', password: 'x' }).success).toBe(false);
    expect(contract['app:setLocale'].input.safeParse({ locale: 'fr' }).success).toBe(false);
  });

  it('keeps the login screen reachable without a session and everything with personal data behind one', () => {
    expect(contract['session:login'].access).toBe('public');
    expect(contract['registry:search'].access).toBe('clerk');
    expect(contract['registry:get'].access).toBe('clerk');
  });

  it('has every error message in Italian and English', () => {
    for (const [code, m] of Object.entries(errorMessages())) {
      expect(m.it.length, code).toBeGreaterThan(5);
      expect(m.en.length, code).toBeGreaterThan(5);
      expect(m.it).not.toBe(m.en);
    }
    const err = new AppError('wrong_credentials', { remaining: 3 });
    expect(err.toData('it').message).toBe(
      'Nome utente o password errati. Tentativi rimasti prima del blocco: 3.',
    );
    expect(err.toData('en').message).toBe('Wrong username or password. Attempts left before lockout: 3.');
  });

  it('derives the nested client from the call names over any transport', async () => {
    const seen: unknown[] = [];
    const api = buildApi(async (call, input) => {
      seen.push([call, input]);
      return { ok: true, value: null };
    });
    await api.registry.search({ query: 'rossi' });
    await api.session.logout({});
    expect(seen).toEqual([
      ['registry:search', { query: 'rossi' }],
      ['session:logout', {}],
    ]);
  });
});
