import { describe, expect, it } from 'vitest';
import { ANNA, GIULIA_EMIGRATED, MARIO, ROSSI_HOUSEHOLD } from '../../../shared/certificates/test-fixtures';
import {
  buildDeclaration,
  type Declaration,
  type DeclarationRequest,
} from '../../../shared/declarations/build-declaration';
import { AWARENESS_CLAUSE, STAMP_DUTY_CLAUSE } from '../../../shared/declarations/clauses';
import { renderDeclarationPdf } from './declaration-pdf';
import { extractPdfLines, extractPdfText, flat, overlappingLines } from './pdf-test-helpers';

const issuedAt = new Date('2025-03-15T10:05:00Z');

function built(overrides: Partial<DeclarationRequest> = {}): Declaration {
  const r = buildDeclaration({
    comune: { belfiore: 'B885', name: 'Casale Monferrato', province: 'AL' },
    date: '2025-03-15',
    declarant: MARIO,
    household: ROSSI_HOUSEHOLD,
    facts: [
      { article: 46, letter: 'b' },
      { article: 46, letter: 'f' },
      { article: 47, text: 'che il veicolo targato AB123CD è di sua esclusiva proprietà' },
    ],
    identification: {
      kind: 'in_presence',
      documentType: 'cie',
      documentNumber: 'CA12345AB',
      clerk: 'Paola Ferrari',
    },
    ...overrides,
  });
  if (!r.ok) throw new Error(`unexpected errors: ${r.errors.map((e) => e.reason).join(', ')}`);
  return r.value;
}

function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(flat(part), from);
    expect(at, `"${part}" (in order)`).toBeGreaterThanOrEqual(0);
    from = at + flat(part).length;
  }
}

describe('a self-declaration ready to sign', () => {
  const d = built();
  const pdf = renderDeclarationPdf(d, { issuedAt });

  it('prints the declarant, the arts. 75-76 clause, the statements, the notices, date, signature and identification', async () => {
    const bytes = await pdf;
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const text = flat((await extractPdfText(bytes)).join('\n'));
    expectInOrder(text, [
      'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE E DELL’ATTO DI NOTORIETÀ',
      '(artt. 46 e 47 d.P.R. 28 dicembre 2000, n. 445)',
      'Il sottoscritto ROSSI MARIO, nato a Casale Monferrato il 09/07/1972, codice fiscale RSSMRA72L09B885X',
      'dall’art. 76 del d.P.R. 28 dicembre 2000, n. 445',
      'prevista dall’art. 75 del medesimo decreto',
      'DICHIARA',
      '– di essere residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      '– che la propria famiglia anagrafica è così composta:',
      '2. BIANCHI ANNA, nata a Torino il 01/01/1975, codice fiscale BNCNNA75A41L219Y, coniuge',
      '– che il veicolo targato AB123CD è di sua esclusiva proprietà',
      'Informativa ai sensi dell’art. 13 del Regolamento (UE) 2016/679',
      STAMP_DUTY_CLAUSE,
      'Casale Monferrato, 15/03/2025',
      'Il dichiarante ______________________________',
      'Dichiarazione sottoscritta in presenza del dipendente addetto Paola Ferrari',
      'carta d’identità elettronica n. CA12345AB (art. 38, c. 3, d.P.R. 445/2000)',
    ]);
    expect(text).toContain(flat(AWARENESS_CLAUSE));
  });

  it('prints every line of the declaration, in order', async () => {
    const text = flat((await extractPdfText(await pdf)).join('\n'));
    expectInOrder(
      text,
      d.lines.map((l) => l.text),
    );
  });

  it('has no overprinted text and is reproducible to the byte', async () => {
    for (const lines of await extractPdfLines(await pdf)) expect(overlappingLines(lines)).toEqual([]);
    const again = await renderDeclarationPdf(d, { issuedAt: new Date(issuedAt) });
    expect(Buffer.from(again).equals(Buffer.from(await pdf))).toBe(true);
  });
});

describe('variants', () => {
  it('a woman signs as "La dichiarante"; a copy of the document attached is said so', async () => {
    const d = built({
      declarant: ANNA,
      facts: [{ article: 46, letter: 'a' }],
      identification: { kind: 'document_attached' },
    });
    const text = flat((await extractPdfText(await renderDeclarationPdf(d, { issuedAt }))).join('\n'));
    expect(text).toContain('La sottoscritta BIANCHI ANNA');
    expect(text).toContain('– di essere nata a Torino il 01/01/1975');
    expect(text).toContain('La dichiarante ______________________________');
    expect(text).toContain('copia fotostatica non autenticata di un documento di identità della dichiarante');
  });

  it('many statements run onto more pages; date, signature and identification stay together', async () => {
    const facts = Array.from({ length: 30 }, (_, i) => ({
      article: 47 as const,
      text: `che il fatto numero ${i + 1} è a diretta conoscenza del dichiarante, come descritto in modo dettagliato e completo`,
    }));
    const d = built({ declarant: GIULIA_EMIGRATED, household: null, facts });
    const pages = await extractPdfText(await renderDeclarationPdf(d, { issuedAt }));
    expect(pages.length).toBeGreaterThan(1);
    const last = flat(pages.at(-1) ?? '');
    expect(last).toContain('Casale Monferrato, 15/03/2025');
    expect(last).toContain('La dichiarante ______________________________');
    expect(last).toContain('(art. 38, c. 3, d.P.R. 445/2000)');
    pages.forEach((p, i) => expect(p).toContain(`pagina ${i + 1} di ${pages.length}`));
    expectInOrder(
      flat(pages.join('\n')),
      d.lines.map((l) => l.text),
    );
  });
});
