import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../hub/seed/demo-users';
import { insertHouseholds } from '../../../hub/seed/seed-demo';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { SEARCH_HOUSEHOLDS } from '../../../test-support/search-fixture';
import { createDeskCore, DEFAULT_DESK_CONFIG, type DeskCore } from '../core';
import { memoryCredentialStore } from '../credential-file';

/**
 * Search as clerks type (issue 18 §3), through the desk core over a mirror synced from a real hub:
 * without accents or apostrophes, with a typo, by codice fiscale and by address.
 */
describe('desk search as clerks type', () => {
  let hub: TestHub;
  let desk: DeskCore;

  beforeAll(async () => {
    hub = await startTestHub('sqlite');
    await insertHouseholds(hub.hubDb.db, SEARCH_HOUSEHOLDS);
    desk = await createDeskCore({
      dbFile: join(mkdtempSync(join(tmpdir(), 'sportello-search-')), 'desk.sqlite'),
      config: { ...DEFAULT_DESK_CONFIG, version: 'test' },
      credentials: memoryCredentialStore({
        hubUrl: hub.url,
        workstation: 'Casale - Anagrafe 1',
        token: hub.casaleToken,
      }),
    });
    await desk.dispatch('session:login', { username: 'anagrafe.casale', password: DEMO_PASSWORD });
    await desk.sync.syncOnce();
  });
  afterAll(async () => {
    await desk?.close();
    await hub?.close();
  });

  const search = async (query: string) => {
    const r = await desk.dispatch('registry:search', { query });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const v = r.value as {
      kind: string;
      interpretedAs?: string;
      residents?: { surname: string; givenNames: string; addressLine: string }[];
    };
    return {
      kind: v.kind,
      as: v.interpretedAs,
      names: (v.residents ?? []).map((p) => `${p.surname} ${p.givenNames}`),
      addresses: (v.residents ?? []).map((p) => p.addressLine),
    };
  };

  it.each([
    ['d amico nicolo', "D'Amico Nicolò"],
    ['damico nicolo', "D'Amico Nicolò"],
    ['dellacqua', "Dell'Acqua Giovanni"],
    ["dell'acqua giov", "Dell'Acqua Giovanni"],
    ['dell acqua', "Dell'Acqua Giovanni"],
    ['stefanescu', 'Ștefănescu Ionuț'],
    ['STEFANESCU IONUT', 'Ștefănescu Ionuț'],
    ['Ștefănescu', 'Ștefănescu Ionuț'],
    ['luczak malgorzata', 'Łuczak Małgorzata'],
  ])('"%s" finds %s by name, accents and apostrophes ignored', async (query, name) => {
    const r = await search(query);
    expect(r.names).toContain(name);
    expect(r.as).toBe('name');
  });

  it('one typo in a surname of 5+ letters is forgiven when the exact prefix finds nobody', async () => {
    for (const typo of ['stefaenscu', 'stefnescu', 'stefanescuu', 'stwfanescu']) {
      const r = await search(typo);
      expect(r.names, typo).toEqual(['Ștefănescu Ionuț']);
      expect(r.as, typo).toBe('similar_name');
    }
    // with given names too; "rosso" (5 letters) lists the Rossi as similar, "rusi" (4) nobody
    expect((await search('stefaenscu ionut')).names).toEqual(['Ștefănescu Ionuț']);
    expect(await search('rosso mario')).toMatchObject({ names: ['Rossi Mario'], as: 'similar_name' });
    // every surname one letter away, each listed whole and in alphabetical order
    const both = await search('rosso');
    expect(both.as).toBe('similar_name');
    expect(both.names[0]).toBe('Rossa Anna');
    expect(both.names.length).toBeGreaterThan(1);
    expect(both.names.slice(1).every((n) => n.startsWith('Rossi '))).toBe(true);
    expect((await search('rusi')).names).toEqual([]);
    // two typos are two: nobody
    expect((await search('stfaenscu')).names).toEqual([]);
  });

  it('an exact prefix wins over similar surnames', async () => {
    const r = await search('rossi');
    expect(r.as).toBe('name');
    expect(r.names.every((n) => n.startsWith('Rossi'))).toBe(true);
  });

  it('by codice fiscale, whole or its first characters', async () => {
    expect((await search('STFNTI82B03Z129Z')).names).toEqual(['Ștefănescu Ionuț']);
    expect((await search('stfnti82')).names).toEqual(['Ștefănescu Ionuț']);
  });

  it('by the identity card in the citizen’s hand: CIE or paper, with or without spaces', async () => {
    expect(await search('CA48213BF')).toMatchObject({ names: ['Ștefănescu Ionuț'], as: 'identity_card' });
    expect((await search('ca 48213 bf')).names).toEqual(['Ștefănescu Ionuț']);
    expect((await search('AU 1234567')).names).toEqual(["Dell'Acqua Giovanni"]);
    // while the clerk is still typing the number
    expect((await search('CA482')).names).toEqual(['Ștefănescu Ionuț']);
    // a card nobody here holds finds nobody (not a codice fiscale complaint)
    expect(await search('CA48213BG')).toMatchObject({ kind: 'results', names: [], as: 'identity_card' });
  });

  it('by given name alone: those named exactly so first, then the given names it starts', async () => {
    expect(await search('Malgorzata')).toMatchObject({ names: ['Łuczak Małgorzata'], as: 'given_name' });
    expect(await search('mario')).toMatchObject({ names: ['Rossi Mario'], as: 'given_name' });
    // a word that starts a surname lists that first, then those named exactly so, then the rest
    expect(await search('Ionuț')).toMatchObject({
      names: ['Ionuțiu Radu', 'Ștefănescu Ionuț', 'Popa Ionuț Daniel'],
      as: 'name',
    });
    expect((await search('ionut')).names).toEqual(['Ionuțiu Radu', 'Ștefănescu Ionuț', 'Popa Ionuț Daniel']);
    // given names first, as the citizen says them
    expect(await search('Ionut Stefanescu')).toMatchObject({ names: ['Ștefănescu Ionuț'], as: 'name' });
  });

  it('by address: street type, name and civic number, as typed', async () => {
    const roma12 = await search('via roma 12');
    expect(roma12.as).toBe('address');
    expect(roma12.names.sort()).toEqual(['Bianchi Anna', 'Rossi Luca', 'Rossi Mario']);
    expect((await search('Via Paleologi, 9')).names).toEqual(['Ștefănescu Ionuț']);
    expect((await search('corso valentino 45/b')).names).toEqual(["Dell'Acqua Giovanni"]);
    // the street alone lists who lives there; a street typed in part is a prefix
    expect((await search('via paleo')).names).toEqual(['Ștefănescu Ionuț']);
    // a number nobody lives at finds nobody, not the whole street
    expect((await search('via roma 99')).names).toEqual([]);
  });
});
