import { describe, expect, it } from 'vitest';
import {
  assertPrintable,
  buildCertificate,
  checkCertificate,
  type Certificate,
  type CertificateRequest,
} from './build-certificate';
import type { CertificateError, CertificateResult } from './certificate-errors';
import { FOOTER_LAW, FOOTER_TEXT } from './footers';
import {
  ANNA,
  ARBEN,
  CARLO_DECEASED,
  GIULIA_EMIGRATED,
  GIULIA_HISTORY,
  LUCA,
  MARIO,
  ROSSI_HOUSEHOLD,
  request,
} from './test-fixtures';

function built(req: CertificateRequest): Certificate {
  const r = buildCertificate(req);
  if (!r.ok) throw new Error(`unexpected errors: ${r.errors.map((e) => e.reason).join(', ')}`);
  return r.value;
}

function errorsOf(r: CertificateResult<unknown>): readonly CertificateError[] {
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

const reasons = (r: CertificateResult<unknown>): string[] => errorsOf(r).map((e) => e.reason);
const texts = (c: Certificate): string[] => c.lines.map((l) => l.text);

describe('a current certificate of residence', () => {
  const c = built(request());

  it('certifies the household address in the issuing comune', () => {
    expect(c.facts).toEqual([
      {
        fact: 'residenza',
        address: ROSSI_HOUSEHOLD.family.address,
        comuneName: 'Casale Monferrato',
        province: 'AL',
      },
    ]);
    expect(c.title).toBe('CERTIFICATO DI RESIDENZA');
    expect(c.kind).toBe('semplice');
    expect(c.storico).toBeNull();
    expect(c.referenceDate).toBe('2025-03-15');
    expect(c.holder).toMatchObject({
      surname: 'Rossi',
      codiceFiscale: 'RSSMRA72L09B885X',
      registryId: 'r-mario',
    });
  });

  it('prints the Italian wording, the fees, the validity and the footer last', () => {
    expect(texts(c)).toEqual([
      'COMUNE DI CASALE MONFERRATO (AL)',
      'Servizi Demografici – Ufficio Anagrafe',
      'CERTIFICATO DI RESIDENZA',
      'Certificato n. B885-A2-2025-000042',
      "L'Ufficiale d'Anagrafe, visti gli atti d'ufficio,",
      'CERTIFICA',
      'che, in base alle risultanze anagrafiche alla data odierna,',
      'ROSSI MARIO',
      'nato a Casale Monferrato il 09/07/1972',
      'codice fiscale RSSMRA72L09B885X',
      'è residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      'Imposta di bollo € 16,00 assolta con marca n. 01234567890123 del 10/03/2025',
      'Diritti di segreteria € 0,52',
      'Il presente certificato ha validità di 6 mesi dalla data di rilascio, fino al 15/09/2025 (art. 41, c. 1, d.P.R. 445/2000).',
      'Casale Monferrato, 15/03/2025',
      "L'Ufficiale d'Anagrafe Paola Ferrari",
      "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, c. 2, d.lgs. 39/1993",
      FOOTER_TEXT.private_it,
    ]);
    expect(c.lines.at(-1)).toEqual({ section: 'footer', text: FOOTER_TEXT.private_it });
    expect(c.fees.totalCents).toBe(1652);
    expect(c.fees.atCounterCents).toBe(52);
    expect(c.validity).toEqual({
      kind: 'limited',
      months: 6,
      issuedOn: '2025-03-15',
      validUntil: '2025-09-15',
    });
    expect(checkCertificate(c)).toEqual([]);
  });

  it('prints the verification address when the hub is known', () => {
    const v = built(request({ hubBase: 'https://hub.casale.example/' }));
    expect(v.verificationUrl).toBe('https://hub.casale.example/verifica/B885-A2-2025-000042');
    expect(texts(v)).toContain(
      "Verifica dell'autenticità: https://hub.casale.example/verifica/B885-A2-2025-000042",
    );
    expect(v.lines.at(-1)?.section).toBe('footer');
    expect(reasons(buildCertificate(request({ hubBase: 'ftp://x' })))).toEqual(['invalid_hub_base']);
  });

  it('uses the signature wording of the chosen mode', () => {
    expect(texts(built(request({ signature: 'autograph' })))).toContain('Paola Ferrari');
    expect(texts(built(request({ signature: 'digital_seal' }))).join('\n')).toContain('art. 23-ter, c. 5');
  });
});

describe('contestuali: several facts in one document', () => {
  it('prints the facts in catalogue order whatever the order chosen', () => {
    const c = built(request({ facts: ['stato_civile', 'cittadinanza', 'stato_famiglia', 'residenza'] }));
    expect(c.kind).toBe('contestuale');
    expect(c.title).toBe(
      'CERTIFICATO CONTESTUALE DI RESIDENZA, STATO DI FAMIGLIA, CITTADINANZA ITALIANA E STATO CIVILE',
    );
    expect(c.facts.map((f) => f.fact)).toEqual([
      'residenza',
      'stato_famiglia',
      'cittadinanza',
      'stato_civile',
    ]);
    const body = c.lines.filter((l) => l.section === 'fact').map((l) => l.text);
    expect(body).toEqual([
      'è residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      'la famiglia anagrafica è così composta:',
      '1. ROSSI MARIO, nato a Casale Monferrato il 09/07/1972',
      '2. BIANCHI ANNA, nata a Torino il 01/01/1975',
      '3. ROSSI LUCA, nato a Casale Monferrato il 15/03/2005',
      'è cittadino italiano',
      'è di stato civile: coniugato',
    ]);
  });

  it('stato di famiglia con rapporti di parentela adds the relationship to the head', () => {
    const c = built(request({ facts: ['stato_famiglia_rapporti'] }));
    expect(c.title).toBe('CERTIFICATO DI STATO DI FAMIGLIA CON RAPPORTI DI PARENTELA');
    const fact = c.facts[0];
    expect(fact?.fact === 'stato_famiglia_rapporti' && fact.members.map((m) => m.relationship)).toEqual([
      'intestatario',
      'coniuge',
      'figlio',
    ]);
    expect(texts(c)).toContain('2. BIANCHI ANNA, nata a Torino il 01/01/1975 – coniuge');
    expect(texts(c)).toContain(
      '1. ROSSI MARIO, nato a Casale Monferrato il 09/07/1972 – intestatario scheda',
    );
    const plain = built(request({ facts: ['stato_famiglia'] })).facts[0];
    expect(plain?.fact === 'stato_famiglia' && plain.members.every((m) => m.relationship === null)).toBe(
      true,
    );
  });

  it('leaves out members who are no longer resident in the household', () => {
    const gone = { ...LUCA, status: 'emigrated' as const, statusDate: '2025-01-10' };
    const c = built(
      request({ facts: ['stato_famiglia'], household: { ...ROSSI_HOUSEHOLD, members: [MARIO, ANNA, gone] } }),
    );
    const fact = c.facts[0];
    expect(fact?.fact === 'stato_famiglia' && fact.members.length).toBe(2);
  });

  it('agrees the wording with the holder’s sex', () => {
    const c = built(request({ holder: ANNA, facts: ['cittadinanza', 'stato_civile', 'anagrafico_nascita'] }));
    expect(texts(c)).toEqual(
      expect.arrayContaining([
        'è cittadina italiana',
        'è di stato civile: coniugata',
        'è nata a Torino il 01/01/1975',
      ]),
    );
  });

  it('certifies stato libero for single, widowed and divorced people', () => {
    const c = built(request({ holder: LUCA, facts: ['stato_libero', 'esistenza_in_vita'] }));
    expect(c.facts).toEqual([
      { fact: 'esistenza_in_vita' },
      { fact: 'stato_libero', civilStatus: 'celibe_nubile' },
    ]);
    expect(texts(c)).toContain(
      'è di stato libero (celibe): non è vincolato da matrimonio né da unione civile',
    );
    expect(texts(c)).toContain('è esistente in vita');
  });

  it('a foreign national gets every certificate except Italian citizenship', () => {
    const c = built(
      request({ holder: ARBEN, household: null, facts: ['stato_civile', 'anagrafico_nascita'] }),
    );
    expect(c.facts.map((f) => f.fact)).toEqual(['stato_civile', 'anagrafico_nascita']);
  });
});

describe('refusals the law implies', () => {
  it('no Italian citizenship certificate for a foreign national', () => {
    const errors = errorsOf(
      buildCertificate(request({ holder: ARBEN, household: null, facts: ['cittadinanza'] })),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: 'not_italian_citizen', kind: 'refusal', citizenship: 'AL' });
    expect(errors[0]?.message.it).toContain('HOXHA ARBEN');
    expect(errors[0]?.message.en).toContain('not an Italian citizen');
  });

  it('no esistenza in vita for a deceased person, pointing to the death certificate', () => {
    const [e] = errorsOf(
      buildCertificate(request({ holder: CARLO_DECEASED, household: null, facts: ['esistenza_in_vita'] })),
    );
    expect(e).toMatchObject({
      reason: 'holder_deceased',
      fact: 'esistenza_in_vita',
      statusDate: '2023-11-05',
      suggestion: { kind: 'death_certificate' },
    });
    expect(e?.message.it).toContain('certificato di morte');
    expect(e?.message.en).toContain('death certificate');
  });

  it.each([
    ['emigrated', GIULIA_EMIGRATED, 'residenza', '2024-03-01'],
    ['emigrated', GIULIA_EMIGRATED, 'stato_famiglia', '2024-03-01'],
    ['deceased', CARLO_DECEASED, 'residenza', '2023-11-05'],
    ['deceased', CARLO_DECEASED, 'stato_famiglia_rapporti', '2023-11-05'],
  ] as const)(
    'no current %s for a %s person: the storico is offered instead (%s)',
    (_s, holder, fact, date) => {
      const [e, ...rest] = errorsOf(buildCertificate(request({ holder, household: null, facts: [fact] })));
      expect(rest).toEqual([]);
      expect(e).toMatchObject({
        reason: 'no_longer_resident',
        kind: 'refusal',
        fact,
        status: holder.status,
        suggestion: { kind: 'storico', facts: [fact], referenceDate: date },
      });
      expect(e?.message.it).toContain('certificato storico');
      expect(e?.message.it).toContain(date);
      expect(e?.message.en).toContain('historical');
    },
  );

  it('other current facts of an emigrated person are for the new comune to certify', () => {
    const errors = errorsOf(
      buildCertificate(
        request({ holder: GIULIA_EMIGRATED, household: null, facts: ['cittadinanza', 'esistenza_in_vita'] }),
      ),
    );
    expect(errors.map((e) => [e.reason, 'fact' in e && e.fact, 'suggestion' in e && e.suggestion])).toEqual([
      ['no_longer_resident', 'cittadinanza', { kind: 'comune_of_residence' }],
      ['no_longer_resident', 'esistenza_in_vita', { kind: 'comune_of_residence' }],
    ]);
    expect(errors[0]?.message.it).toContain('ANPR');
  });

  it('a record marked not certifiable gets nothing, whatever else is asked', () => {
    const errors = errorsOf(
      buildCertificate(
        request({ holder: { ...MARIO, notCertifiable: true }, facts: ['residenza', 'cittadinanza'] }),
      ),
    );
    expect(errors.map((e) => e.reason)).toEqual(['record_not_certifiable']);
    expect(errors[0]?.message.it).toContain('non certificabile');
    expect(errors[0]?.message.en).toContain('not certifiable');
  });

  it('a household member marked not certifiable blocks the stato di famiglia, not the residence', () => {
    const household = { ...ROSSI_HOUSEHOLD, members: [MARIO, { ...ANNA, notCertifiable: true }, LUCA] };
    const r = buildCertificate(request({ household, facts: ['residenza', 'stato_famiglia'] }));
    expect(errorsOf(r)).toMatchObject([
      { reason: 'member_not_certifiable', fact: 'stato_famiglia', name: 'BIANCHI ANNA' },
    ]);
    expect(buildCertificate(request({ household })).ok).toBe(true);
  });

  it('no stato libero for a married person or one in a civil union', () => {
    expect(reasons(buildCertificate(request({ facts: ['stato_libero'] })))).toEqual(['not_free_status']);
    const united = { ...LUCA, civilStatus: 'unito_civilmente' as const };
    const [e] = errorsOf(
      buildCertificate(request({ holder: united, household: null, facts: ['stato_libero'] })),
    );
    expect(e?.message.it).toContain('unito/a civilmente');
  });

  it('reports every refusal and fee problem at once', () => {
    const r = buildCertificate(
      request({
        holder: ARBEN,
        household: null,
        facts: ['cittadinanza', 'stato_libero'],
        bollo: { kind: 'marca', marcaId: '123' },
      }),
    );
    expect(reasons(r)).toEqual(['not_italian_citizen', 'invalid_marca_id']);
  });
});

describe('storici: motivated request and reference date', () => {
  const storico = (overrides: Partial<CertificateRequest> = {}): CertificateRequest =>
    request({
      holder: GIULIA_EMIGRATED,
      household: null,
      history: GIULIA_HISTORY,
      facts: ['residenza'],
      storico: { referenceDate: '2024-03-01', motivation: 'pratica di successione' },
      ...overrides,
    });

  it('residenza storico of an emigrated person as of the day she left', () => {
    const c = built(storico());
    expect(c.title).toBe('CERTIFICATO STORICO DI RESIDENZA');
    expect(c.storico).toEqual({ referenceDate: '2024-03-01', motivation: 'pratica di successione' });
    expect(c.referenceDate).toBe('2024-03-01');
    expect(texts(c)).toContain('che, in base alle risultanze anagrafiche alla data del 01/03/2024,');
    expect(texts(c)).toContain('era residente in Corso Valentino n. 100, 15033 Casale Monferrato (AL)');
    expect(c.validity.kind).toBe('limited');
  });

  it('stato di famiglia storico at an earlier date shows the household of that date', () => {
    const c = built(
      storico({
        facts: ['stato_famiglia_rapporti', 'residenza'],
        storico: { referenceDate: '2010-01-01', motivation: 'causa civile' },
      }),
    );
    expect(c.title).toBe(
      'CERTIFICATO STORICO CONTESTUALE DI RESIDENZA E STATO DI FAMIGLIA CON RAPPORTI DI PARENTELA',
    );
    expect(texts(c)).toEqual(
      expect.arrayContaining([
        'era residente in Via Garibaldi n. 3, 15033 Casale Monferrato (AL)',
        'la famiglia anagrafica era così composta:',
        '1. BELLINI MARCO, nato a Casale Monferrato il 01/04/1978 – intestatario scheda',
        '2. VERDI GIULIA, nata a Casale Monferrato il 10/08/1980 – coniuge',
      ]),
    );
  });

  it('is available to current residents too', () => {
    const history = {
      residences: [
        { familyId: 'f-rossi', address: ROSSI_HOUSEHOLD.family.address, from: '2000-01-01', to: null },
      ],
      memberships: [],
    };
    const c = built(
      request({ history, storico: { referenceDate: '2020-01-01', motivation: 'contenzioso' } }),
    );
    expect(c.storico?.referenceDate).toBe('2020-01-01');
  });

  it('refuses without a motivation', () => {
    const [e] = errorsOf(
      buildCertificate(storico({ storico: { referenceDate: '2024-03-01', motivation: '  ' } })),
    );
    expect(e).toMatchObject({ reason: 'storico_motivation_missing', kind: 'refusal' });
    expect(e?.message.it).toContain('richiesta motivata');
    expect(reasons(buildCertificate(storico({ storico: { referenceDate: '2024-03-01' } })))).toEqual([
      'storico_motivation_missing',
    ]);
  });

  it('refuses without a reference date', () => {
    expect(reasons(buildCertificate(storico({ storico: { motivation: 'successione' } })))).toEqual([
      'storico_reference_date_missing',
    ]);
    expect(
      reasons(buildCertificate(storico({ storico: { referenceDate: null, motivation: null } }))),
    ).toEqual(['storico_motivation_missing', 'storico_reference_date_missing']);
    expect(
      reasons(buildCertificate(storico({ storico: { referenceDate: '2024-02-30', motivation: 'x' } }))),
    ).toEqual(['invalid_date']);
  });

  it('refuses a reference date after the request or after the record was cancelled', () => {
    expect(
      reasons(buildCertificate(storico({ storico: { referenceDate: '2025-03-16', motivation: 'x' } }))),
    ).toEqual(['storico_reference_date_in_future']);
    expect(
      reasons(buildCertificate(storico({ storico: { referenceDate: '2024-03-02', motivation: 'x' } }))),
    ).toEqual(['storico_after_cancellation']);
  });

  it('refuses facts that have no storico form', () => {
    const r = buildCertificate(storico({ facts: ['residenza', 'cittadinanza', 'esistenza_in_vita'] }));
    expect(errorsOf(r).map((e) => [e.reason, 'fact' in e && e.fact])).toEqual([
      ['storico_not_available', 'cittadinanza'],
      ['storico_not_available', 'esistenza_in_vita'],
    ]);
  });

  it('refuses a date on which the person did not live in the comune', () => {
    const [e] = errorsOf(
      buildCertificate(storico({ storico: { referenceDate: '2001-01-01', motivation: 'x' } })),
    );
    expect(e).toMatchObject({ reason: 'no_residence_on_date', referenceDate: '2001-01-01' });
  });

  it('needs the history, and says when it is inconsistent', () => {
    expect(reasons(buildCertificate(storico({ history: null })))).toEqual(['storico_history_missing']);
    const [first] = GIULIA_HISTORY.residences;
    if (!first) throw new Error('fixture');
    const overlapping = {
      ...GIULIA_HISTORY,
      residences: [...GIULIA_HISTORY.residences, { ...first, to: null }],
    };
    expect(
      reasons(
        buildCertificate(
          storico({ history: overlapping, storico: { referenceDate: '2010-01-01', motivation: 'x' } }),
        ),
      ),
    ).toEqual(['inconsistent_history']);
    const noMembers = { ...GIULIA_HISTORY, memberships: [] };
    expect(reasons(buildCertificate(storico({ history: noMembers, facts: ['stato_famiglia'] })))).toEqual([
      'inconsistent_history',
    ]);
  });
});

describe('malformed requests', () => {
  it.each([
    [{ facts: [] }, ['no_facts']],
    [{ facts: ['residenza', 'passaporto'] as never }, ['unknown_fact']],
    [{ facts: ['residenza', 'residenza'] }, ['duplicate_fact']],
    [{ facts: ['stato_famiglia', 'stato_famiglia_rapporti'] }, ['redundant_facts']],
    [{ destination: 'pa' as never }, ['invalid_destination']],
    [{ destination: undefined as never }, ['invalid_destination']],
    [{ signature: 'stamp' as never }, ['invalid_signature']],
    [{ requestDate: '15/03/2025' }, ['invalid_date']],
    [{ certificateId: 'B885-A2-2025-42' }, ['invalid_certificate_id']],
    [{ certificateId: 'B885-A2-2024-000042' }, ['certificate_id_mismatch']],
    [{ certificateId: 'A859-A2-2025-000042' }, ['certificate_id_mismatch']],
    [{ holder: { ...MARIO, comune: 'A859' } }, ['holder_of_other_comune']],
  ] as [Partial<CertificateRequest>, string[]][])('%j → %j', (overrides, expected) => {
    const r = buildCertificate(request(overrides));
    expect(reasons(r)).toEqual(expected);
    for (const e of errorsOf(r)) {
      expect(e.message.it).not.toMatch(/\{\w+\}/);
      expect(e.message.en).not.toMatch(/\{\w+\}/);
    }
  });

  it('tells a PA destination to use a self-declaration instead', () => {
    const [e] = errorsOf(buildCertificate(request({ destination: 'pa' as never })));
    expect(e?.message.it).toContain('autocertificazione');
  });

  it('needs the holder’s own household for residence and stato di famiglia', () => {
    expect(
      reasons(buildCertificate(request({ household: null, facts: ['residenza', 'stato_famiglia'] }))),
    ).toEqual(['household_missing', 'household_missing']);
    const other = { ...ROSSI_HOUSEHOLD, family: { ...ROSSI_HOUSEHOLD.family, id: 'f-other' } };
    expect(reasons(buildCertificate(request({ household: other })))).toEqual(['household_mismatch']);
    const without = { ...ROSSI_HOUSEHOLD, members: [ANNA, LUCA] };
    expect(reasons(buildCertificate(request({ household: without })))).toEqual(['household_mismatch']);
    expect(buildCertificate(request({ household: null, facts: ['cittadinanza'] })).ok).toBe(true);
  });
});

describe('destination footers (DPR 445/2000 art. 40; circ. 5/2012)', () => {
  it('private use in Italy: the art. 40 c.02 sentence', () => {
    const c = built(request());
    expect(c.footer.text).toBe(
      'Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai privati gestori di pubblici servizi.',
    );
    expect(texts(c).filter((t) => t.includes('estero'))).toEqual([]);
  });

  it('abroad: the "solo per l’estero" sentence instead', () => {
    const c = built(request({ destination: 'abroad' }));
    expect(c.footer.destination).toBe('abroad');
    expect(c.lines.at(-1)?.text).toBe(
      "Ai sensi dell'art. 40, d.P.R. 28 dicembre 2000, n. 445, il presente certificato è rilasciato solo per l'estero.",
    );
    expect(texts(c)).not.toContain(FOOTER_TEXT.private_it);
  });

  it('a certificate without a footer cannot be typed', () => {
    const c = built(request());
    const { footer: _footer, ...rest } = c;
    // @ts-expect-error footer is required
    const noFooter: Certificate = rest;
    const handMade = {
      destination: 'private_it',
      text: FOOTER_TEXT.private_it,
      law: FOOTER_LAW.private_it,
    } as const;
    // @ts-expect-error a hand-made footer lacks the brand only footerFor gives
    const fake: Certificate = { ...c, footer: handMade };
    // @ts-expect-error a plain object with every field is still not a Certificate: only buildCertificate makes one
    const literal: Certificate = {
      id: c.id,
      issuer: c.issuer,
      issuedOn: c.issuedOn,
      title: c.title,
      kind: c.kind,
      storico: c.storico,
      referenceDate: c.referenceDate,
      holder: c.holder,
      facts: c.facts,
      destination: c.destination,
      footer: c.footer,
      fees: c.fees,
      validity: c.validity,
      signature: c.signature,
      verificationUrl: c.verificationUrl,
      lines: c.lines,
      warnings: c.warnings,
    };
    expect([noFooter, fake, literal]).toHaveLength(3);
  });

  it('and is caught at run time when it comes back from storage without one', () => {
    const c = built(request());
    const stored = JSON.parse(JSON.stringify(c)) as Certificate;
    expect(checkCertificate(stored)).toEqual([]);
    const { footer: _f, ...noFooter } = stored;
    expect(checkCertificate(noFooter as Certificate)).toContain(
      'footer missing or not the one of the destination (DPR 445/2000 art. 40)',
    );
    const swapped = { ...stored, destination: 'abroad' } as Certificate;
    expect(checkCertificate(swapped)).toContain(
      'footer missing or not the one of the destination (DPR 445/2000 art. 40)',
    );
    const cut = { ...stored, lines: stored.lines.slice(0, -1) } as Certificate;
    expect(checkCertificate(cut)).toEqual([
      'the last line is not the footer',
      'exactly one footer line expected',
    ]);
    expect(() => assertPrintable(cut)).toThrow(/not printable/);
    expect(() => assertPrintable(c)).not.toThrow();
    expect(checkCertificate(null)).toEqual(['not a certificate']);
  });
});

describe('validity on the certificate (art. 41 DPR 445/2000)', () => {
  it('birth data alone: valid without limit', () => {
    const c = built(request({ household: null, facts: ['anagrafico_nascita'] }));
    expect(c.title).toBe('CERTIFICATO ANAGRAFICO DI NASCITA');
    expect(c.validity).toEqual({ kind: 'unlimited', issuedOn: '2025-03-15' });
    expect(texts(c)).toContain(
      'Il presente certificato ha validità illimitata (art. 41, c. 1, d.P.R. 445/2000).',
    );
  });

  it('esistenza in vita, or birth data with anything that changes: six months', () => {
    expect(built(request({ facts: ['esistenza_in_vita'] })).validity.kind).toBe('limited');
    expect(built(request({ facts: ['anagrafico_nascita', 'residenza'] })).validity).toMatchObject({
      kind: 'limited',
      validUntil: '2025-09-15',
    });
  });
});

describe('fees on the certificate', () => {
  it('an exempt certificate prints the ground from the table and €0.26 of diritti', () => {
    const c = built(request({ bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' } }));
    expect(c.fees.totalCents).toBe(26);
    expect(c.lines.filter((l) => l.section === 'fees').map((l) => l.text)).toEqual([
      "Esente dall'imposta di bollo – art. 9, Tabella B, d.P.R. 642/1972 – uso: pensioni, assicurazioni sociali obbligatorie, assegni familiari, servizio sanitario nazionale / ASL, rendite INAIL",
      'Diritti di segreteria € 0,26',
    ]);
  });

  it('carries the fee warnings', () => {
    const c = built(request({ bollo: { kind: 'exempt', groundCode: 'sport_dilettantistico' } }));
    expect(c.warnings).toEqual(['exemption_reference_unverified']);
  });
});
