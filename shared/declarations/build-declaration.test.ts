import { describe, expect, it } from 'vitest';
import {
  ANNA,
  ARBEN,
  CARLO_DECEASED,
  GIULIA_EMIGRATED,
  LUCA,
  MARIO,
  ROSSI_HOUSEHOLD,
} from '../certificates/test-fixtures';
import { ART46_FACTS, ART46_LETTERS, PREFILLED_LETTERS } from './art46-facts';
import { AWARENESS_CLAUSE, STAMP_DUTY_CLAUSE } from './clauses';
import {
  buildDeclaration,
  type Declaration,
  type DeclarationFactChoice,
  type DeclarationRequest,
} from './build-declaration';
import type { DeclarationResult } from './declaration-errors';
import { IDENTITY_DOCUMENT_TYPES, normalizeDocumentNumber } from './identity-documents';

const COMUNE = { belfiore: 'B885', name: 'Casale Monferrato', province: 'AL' };

function req(overrides: Partial<DeclarationRequest> = {}): DeclarationRequest {
  return {
    comune: COMUNE,
    date: '2025-03-15',
    declarant: MARIO,
    household: ROSSI_HOUSEHOLD,
    facts: [{ article: 46, letter: 'b' }],
    identification: {
      kind: 'in_presence',
      documentType: 'cie',
      documentNumber: 'ca 12345 ab',
      clerk: 'Paola Ferrari',
    },
    ...overrides,
  };
}

function built(r: DeclarationRequest): Declaration {
  const result = buildDeclaration(r, { countryNames: { AL: 'Albania' } });
  if (!result.ok) throw new Error(`unexpected: ${result.errors.map((e) => e.reason).join(', ')}`);
  return result.value;
}

const reasons = (r: DeclarationResult<unknown>): string[] => (r.ok ? [] : r.errors.map((e) => e.reason));
const texts = (d: Declaration): string[] => d.lines.map((l) => l.text);
const statementTexts = (d: Declaration): string[] =>
  d.lines.filter((l) => l.section === 'statement').map((l) => l.text);

describe('the art. 46 catalogue', () => {
  it('has the letters of the law and pre-fills the registry facts', () => {
    expect(ART46_LETTERS).toHaveLength(27);
    expect(PREFILLED_LETTERS).toEqual(['a', 'b', 'c', 'e', 'f', 'g', 'q']);
    expect(ART46_LETTERS.filter((l) => ART46_FACTS[l].prefill === 'registry')).toEqual([
      ...PREFILLED_LETTERS,
    ]);
    for (const l of ART46_LETTERS) expect(ART46_FACTS[l].letter).toBe(l);
  });
});

describe('a self-declaration of residence, signed before the clerk', () => {
  const d = built(req());

  it('pre-fills the statement from the registry and prints every mandatory text', () => {
    expect(d.kind).toBe('art46');
    expect(texts(d)).toEqual([
      'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE',
      '(art. 46 d.P.R. 28 dicembre 2000, n. 445)',
      'Il sottoscritto ROSSI MARIO, nato a Casale Monferrato il 09/07/1972, codice fiscale RSSMRA72L09B885X, residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL),',
      AWARENESS_CLAUSE,
      'DICHIARA',
      '– di essere residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      'Informativa ai sensi dell’art. 13 del Regolamento (UE) 2016/679: i dati personali sono trattati dal Comune di Casale Monferrato, titolare del trattamento, anche con strumenti informatici, esclusivamente per il procedimento per il quale la presente dichiarazione viene resa e per i controlli previsti dall’art. 71 del d.P.R. 445/2000. L’informativa completa è disponibile presso gli uffici e sul sito istituzionale del Comune.',
      STAMP_DUTY_CLAUSE,
      'Casale Monferrato, 15/03/2025',
      'Il dichiarante ______________________________',
      'Dichiarazione sottoscritta in presenza del dipendente addetto Paola Ferrari, previa identificazione del dichiarante mediante documento carta d’identità elettronica n. CA12345AB (art. 38, c. 3, d.P.R. 445/2000).',
    ]);
    expect(d.statements).toEqual([
      {
        article: 46,
        letter: 'b',
        label: 'art. 46, lett. b) – residenza',
        source: 'registry',
        lines: ['di essere residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)'],
        data: {
          letter: 'b',
          address: ROSSI_HOUSEHOLD.family.address,
          comuneName: 'Casale Monferrato',
          province: 'AL',
        },
      },
    ]);
  });

  it('cites arts. 75 and 76, GDPR art. 13, and carries no bollo', () => {
    expect(d.clauses.awareness).toMatch(/art\. 76 .*art\. 75/);
    expect(d.clauses.privacy).toContain('art. 13 del Regolamento (UE) 2016/679');
    expect(d.clauses.stampDuty).toContain('esente dall’imposta di bollo (art. 37, c. 1, d.P.R. 445/2000)');
    expect(d.stampDuty).toBe('none');
    expect(d).not.toHaveProperty('fees');
    expect(texts(d).join('\n')).not.toMatch(/marca|€/);
  });
});

describe('pre-filled facts', () => {
  const all: DeclarationFactChoice[] = PREFILLED_LETTERS.map((letter) => ({ article: 46, letter }));

  it('nascita, residenza, cittadinanza, stato civile, famiglia, esistenza in vita, codice fiscale', () => {
    const d = built(req({ declarant: ANNA, facts: all }));
    expect(statementTexts(d)).toEqual([
      '– di essere nata a Torino il 01/01/1975',
      '– di essere residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      '– di essere cittadina italiana',
      '– di essere di stato civile: coniugata',
      '– che la propria famiglia anagrafica è così composta:',
      '   1. ROSSI MARIO, nato a Casale Monferrato il 09/07/1972, codice fiscale RSSMRA72L09B885X, intestatario scheda',
      '   2. BIANCHI ANNA, nata a Torino il 01/01/1975, codice fiscale BNCNNA75A41L219Y, coniuge',
      '   3. ROSSI LUCA, nato a Casale Monferrato il 15/03/2005, codice fiscale RSSLCU05C15B885Z, figlio',
      '– di essere esistente in vita',
      '– che il proprio codice fiscale è BNCNNA75A41L219Y',
    ]);
    expect(d.statements.every((s) => s.source === 'registry')).toBe(true);
    expect(texts(d)[2]).toMatch(/^La sottoscritta BIANCHI ANNA, nata a Torino/);
    expect(texts(d)).toContain('La dichiarante ______________________________');
  });

  it('a foreign citizenship is declared by country', () => {
    const d = built(req({ declarant: ARBEN, household: null, facts: [{ article: 46, letter: 'c' }] }));
    expect(statementTexts(d)).toEqual(['– di avere la cittadinanza: Albania']);
    expect(d.statements[0]?.data).toEqual({ letter: 'c', citizenship: 'AL' });
  });

  it('the declarant may replace a pre-fill with their own words', () => {
    const moved = 'di essere residente in Torino, Via Po n. 1';
    const d = built(
      req({
        declarant: GIULIA_EMIGRATED,
        household: null,
        facts: [{ article: 46, letter: 'b', text: moved }],
      }),
    );
    expect(d.statements[0]).toMatchObject({ source: 'declarant', lines: [moved], data: null });
  });

  it('current registry facts cannot be pre-filled for someone who moved away; birth and tax code can', () => {
    const r = buildDeclaration(
      req({
        declarant: GIULIA_EMIGRATED,
        household: null,
        facts: [
          { article: 46, letter: 'b' },
          { article: 46, letter: 'g' },
        ],
      }),
    );
    expect(reasons(r)).toEqual(['prefill_unavailable', 'prefill_unavailable']);
    expect(!r.ok && r.errors[0]?.message.it).toContain('VERDI GIULIA');
    const ok = built(
      req({
        declarant: GIULIA_EMIGRATED,
        household: null,
        facts: [
          { article: 46, letter: 'a' },
          { article: 46, letter: 'q' },
        ],
      }),
    );
    expect(ok.statements.map((s) => s.letter)).toEqual(['a', 'q']);
    expect(texts(ok)[2]).not.toContain('residente');
  });

  it('residence and household need the household of the person', () => {
    expect(
      reasons(buildDeclaration(req({ household: null, facts: [{ article: 46, letter: 'f' }] }))),
    ).toEqual(['household_missing']);
    const other = { ...ROSSI_HOUSEHOLD, family: { ...ROSSI_HOUSEHOLD.family, id: 'f-x' } };
    expect(reasons(buildDeclaration(req({ household: other })))).toEqual(['household_mismatch']);
  });
});

describe('free-text facts (other art. 46 letters, art. 47)', () => {
  it('art. 46 letter m (titolo di studio) is written by the declarant', () => {
    const d = built(
      req({
        facts: [{ article: 46, letter: 'm', text: 'di aver conseguito il diploma di ragioniere nel 1991' }],
      }),
    );
    expect(d.statements[0]).toMatchObject({
      letter: 'm',
      source: 'declarant',
      label: 'art. 46, lett. m) – titolo di studio, esami sostenuti',
    });
    expect(reasons(buildDeclaration(req({ facts: [{ article: 46, letter: 'm', text: '  ' }] })))).toEqual([
      'fact_text_missing',
    ]);
  });

  it('art. 47 alone: dichiarazione sostitutiva dell’atto di notorietà', () => {
    const d = built(
      req({ facts: [{ article: 47, text: 'di aver smarrito la carta d’identità n. AR1234567' }] }),
    );
    expect(d.kind).toBe('art47');
    expect(d.title).toBe('DICHIARAZIONE SOSTITUTIVA DELL’ATTO DI NOTORIETÀ');
    expect(d.subtitle).toBe('(art. 47 d.P.R. 28 dicembre 2000, n. 445)');
    expect(reasons(buildDeclaration(req({ facts: [{ article: 47, text: '' }] })))).toEqual([
      'fact_text_missing',
    ]);
  });

  it('both articles: the combined title', () => {
    const d = built(
      req({
        facts: [
          { article: 47, text: 'che il defunto non ha lasciato testamento' },
          { article: 46, letter: 'a' },
        ],
      }),
    );
    expect(d.kind).toBe('art46_47');
    expect(d.subtitle).toBe('(artt. 46 e 47 d.P.R. 28 dicembre 2000, n. 445)');
  });
});

describe('acting for someone else (art. 5 DPR 445/2000)', () => {
  it('a parent declares the minor’s facts', () => {
    const d = built(
      req({
        capacity: { kind: 'genitore', represented: LUCA, representedHousehold: ROSSI_HOUSEHOLD },
        facts: [
          { article: 46, letter: 'a' },
          { article: 46, letter: 'b' },
          { article: 46, letter: 'c' },
        ],
      }),
    );
    expect(d.capacity).toBe('genitore');
    expect(d.lines.find((l) => l.section === 'capacity')?.text).toBe(
      'in qualità di genitore esercente la responsabilità genitoriale su ROSSI LUCA, nato a Casale Monferrato il 15/03/2005, codice fiscale RSSLCU05C15B885Z,',
    );
    expect(statementTexts(d)).toEqual([
      '– che ROSSI LUCA è nato a Casale Monferrato il 15/03/2005',
      '– che ROSSI LUCA è residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      '– che ROSSI LUCA è cittadino italiano',
    ]);
  });

  it('a guardian must give the appointing act', () => {
    const capacity = { kind: 'tutore' as const, represented: LUCA, appointingAct: ' ' };
    expect(
      reasons(buildDeclaration(req({ declarant: ANNA, capacity, facts: [{ article: 46, letter: 'a' }] }))),
    ).toEqual(['appointing_act_missing']);
    const d = built(
      req({
        declarant: ANNA,
        capacity: { ...capacity, appointingAct: 'decreto del Giudice tutelare di Vercelli n. 12/2025' },
        facts: [{ article: 46, letter: 'a' }],
      }),
    );
    expect(d.lines.find((l) => l.section === 'capacity')?.text).toMatch(
      /^in qualità di tutrice di ROSSI LUCA, .*, nominata con decreto del Giudice tutelare di Vercelli n\. 12\/2025,$/,
    );
  });

  it('nobody declares on behalf of a deceased person', () => {
    const r = buildDeclaration(
      req({
        capacity: { kind: 'genitore', represented: CARLO_DECEASED },
        facts: [{ article: 46, letter: 'g' }],
      }),
    );
    expect(reasons(r)).toEqual(['represented_deceased']);
    expect(reasons(buildDeclaration(req({ capacity: { kind: 'curatore' } as never })))).toEqual([
      'invalid_capacity',
    ]);
  });
});

describe('typed errors', () => {
  it('a deceased declarant', () => {
    const r = buildDeclaration(req({ declarant: CARLO_DECEASED, household: null }));
    expect(reasons(r)).toEqual(['declarant_deceased']);
    expect(!r.ok && r.errors[0]?.message).toEqual({
      it: 'NERI CARLO risulta deceduto/a il 2023-11-05: non può rendere dichiarazioni.',
      en: 'NERI CARLO died on 2023-11-05: no declaration can be made in their name.',
    });
  });

  it('no facts chosen', () => {
    expect(reasons(buildDeclaration(req({ facts: [] })))).toEqual(['no_facts']);
  });

  it('missing identification', () => {
    const r = buildDeclaration(req({ identification: null }));
    expect(reasons(r)).toEqual(['missing_identification']);
    expect(!r.ok && r.errors[0]?.message.it).toContain('art. 38');
  });

  it('an unknown document type or a bad number', () => {
    const id = (documentType: string, documentNumber: string) =>
      buildDeclaration(req({ identification: { kind: 'in_presence', documentType, documentNumber } }));
    expect(reasons(id('tessera_biblioteca', 'AB12345'))).toEqual(['unknown_document_type']);
    expect(reasons(id('passaporto', 'AB1'))).toEqual(['invalid_document_number']);
    expect(reasons(id('passaporto', ''))).toEqual(['invalid_document_number']);
  });

  it('unknown letters, duplicates, wrong article', () => {
    const facts = [
      { article: 46, letter: 'b' },
      { article: 46, letter: 'b' },
      { article: 46, letter: 'k' },
      { article: 48, text: 'x' },
    ] as unknown as DeclarationFactChoice[];
    expect(reasons(buildDeclaration(req({ facts })))).toEqual([
      'duplicate_fact',
      'unknown_art46_letter',
      'invalid_article',
    ]);
  });

  it('a bollo is refused (art. 37)', () => {
    const r = buildDeclaration({ ...req(), bollo: { kind: 'marca', marcaId: '01234567890123' } } as never);
    expect(reasons(r)).toEqual(['bollo_not_applicable']);
  });

  it('an invalid date', () => {
    expect(reasons(buildDeclaration(req({ date: '2025-02-29' })))).toEqual(['invalid_date']);
  });

  it('every message is filled in both languages', () => {
    const r = buildDeclaration(
      req({
        declarant: CARLO_DECEASED,
        identification: { kind: 'in_presence', documentType: 'x', documentNumber: '1' },
      }),
    );
    for (const e of r.ok ? [] : r.errors) {
      expect(e.message.it).not.toMatch(/\{\w+\}/);
      expect(e.message.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('identification', () => {
  it('with an identity document copy attached instead', () => {
    const d = built(req({ declarant: ANNA, identification: { kind: 'document_attached' } }));
    expect(d.identification).toEqual({ kind: 'document_attached' });
    expect(d.lines.at(-1)?.text).toBe(
      'Dichiarazione sottoscritta e presentata unitamente a copia fotostatica non autenticata di un documento di identità della dichiarante (art. 38, c. 3, d.P.R. 445/2000).',
    );
  });

  it('prints the issuer and warns about an expired document (art. 45 c.3)', () => {
    const d = built(
      req({
        identification: {
          kind: 'in_presence',
          documentType: 'patente_guida',
          documentNumber: 'AL1234567X',
          issuedBy: 'MIT-UCO',
          expiresOn: '2025-03-14',
        },
      }),
    );
    expect(d.lines.at(-1)?.text).toBe(
      'Dichiarazione sottoscritta in presenza del dipendente addetto, previa identificazione del dichiarante mediante documento patente di guida n. AL1234567X, rilasciato da MIT-UCO (art. 38, c. 3, d.P.R. 445/2000).',
    );
    expect(d.warnings).toEqual(['document_expired']);
    expect(built(req()).warnings).toEqual([]);
  });

  it('knows the documents of art. 35 and normalises numbers', () => {
    expect(IDENTITY_DOCUMENT_TYPES.map((t) => t.code)).toEqual(
      expect.arrayContaining(['cie', 'carta_identita', 'passaporto', 'patente_guida']),
    );
    expect(normalizeDocumentNumber(' ca 12345-ab ')).toBe('CA12345AB');
    expect(normalizeDocumentNumber('AB 12')).toBeNull();
  });
});
