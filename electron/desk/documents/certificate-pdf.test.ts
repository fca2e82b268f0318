import jsQR from 'jsqr';
import { emblemInitials } from '../../../shared/documents/coat-of-arms';
import { describe, expect, it } from 'vitest';
import {
  buildCertificate,
  type Certificate,
  type CertificateRequest,
} from '../../../shared/certificates/build-certificate';
import { EXEMPTION_GROUNDS } from '../../../shared/certificates/exemption-grounds';
import { FOOTER_TEXT } from '../../../shared/certificates/footers';
import type { RegistryPerson } from '../../../shared/certificates/registry-input';
import { ANNA, MARCA, MARIO, ROSSI_HOUSEHOLD, request } from '../../../shared/certificates/test-fixtures';
import { renderCertificatePdf } from './certificate-pdf';
import {
  crop,
  extractPdfLines,
  extractPdfText,
  flat,
  overlappingLines,
  renderPdfPage,
  type PdfLine,
} from './pdf-test-helpers';
import { qrMatrix, rasterizeQr } from './qr-matrix';

const HUB = 'https://hub.casale.example/';
const URL = 'https://hub.casale.example/verifica/B885-A2-2025-000042';
const issuedAt = new Date('2025-03-15T09:30:00Z');

function built(overrides: Partial<CertificateRequest> = {}): Certificate {
  const r = buildCertificate(request({ hubBase: HUB, ...overrides }));
  if (!r.ok) throw new Error(`unexpected errors: ${r.errors.map((e) => e.reason).join(', ')}`);
  return r.value;
}

async function textOf(c: Certificate, coatOfArms?: Uint8Array): Promise<string> {
  return flat((await extractPdfText(await renderCertificatePdf(c, { issuedAt, coatOfArms }))).join('\n'));
}

/** Fails unless each part is found after the previous one. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(flat(part), from);
    expect(at, `"${part}" (in order)`).toBeGreaterThanOrEqual(0);
    from = at + flat(part).length;
  }
}

const decodeQr = (image: { data: Uint8ClampedArray; width: number; height: number }) =>
  jsQR(image.data, image.width, image.height);

describe('a certificate of residence and family, bollo paid with a marca', { timeout: 30_000 }, () => {
  const c = built({ facts: ['residenza', 'stato_famiglia'] });
  const pdf = renderCertificatePdf(c, { issuedAt });

  it('is a PDF', async () => {
    const bytes = await pdf;
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(new TextDecoder().decode(bytes.subarray(-7))).toContain('%%EOF');
  });

  it('prints the comune, the holder, the household, the fees, the signature and the footer', async () => {
    const text = flat((await extractPdfText(await pdf)).join('\n'));
    expectInOrder(text, [
      'COMUNE DI CASALE MONFERRATO',
      'Provincia di AL',
      'Servizi Demografici – Ufficio Anagrafe',
      'CERTIFICATO CONTESTUALE DI RESIDENZA E STATO DI FAMIGLIA',
      'Certificato n. B885-A2-2025-000042',
      'CERTIFICA',
      'ROSSI MARIO',
      'codice fiscale RSSMRA72L09B885X',
      'è residente in Via Roma n. 10, int. 3, 15033 Casale Monferrato (AL)',
      '1. ROSSI MARIO, nato a Casale Monferrato il 09/07/1972',
      '2. BIANCHI ANNA, nata a Torino il 01/01/1975',
      '3. ROSSI LUCA, nato a Casale Monferrato il 15/03/2005',
      `Imposta di bollo € 16,00 assolta con marca n. ${MARCA} del 10/03/2025`,
      'Diritti di segreteria € 0,52',
      'fino al 15/09/2025 (art. 41, c. 1, d.P.R. 445/2000)',
      'Casale Monferrato, 15/03/2025',
      "L'Ufficiale d'Anagrafe Paola Ferrari",
      "Firma autografa sostituita a mezzo stampa ai sensi dell'art. 3, c. 2, d.lgs. 39/1993",
      'B885-A2-2025-000042',
      `Verifica dell'autenticità: ${URL}`,
      FOOTER_TEXT.private_it,
      'pagina 1 di 1',
    ]);
  });

  it('prints every line of the certificate, in order: nothing the rules decided is left out', async () => {
    const text = flat((await extractPdfText(await pdf)).join('\n'));
    // the first header line "COMUNE DI … (AL)" is set as name and "Provincia di AL" in the band
    expectInOrder(
      text,
      c.lines.slice(1).map((l) => l.text),
    );
  });

  it('ends with the footer at the foot of the page, under everything else, nothing overprinted', async () => {
    const [lines = []] = await extractPdfLines(await pdf);
    expect(overlappingLines(lines)).toEqual([]);
    const content = lines.filter((l) => !l.text.includes('pagina 1 di 1'));
    const footer = content.filter(
      (l) => FOOTER_TEXT.private_it.includes(l.text.trim()) && l.text.length > 10,
    );
    expect(footer.length).toBeGreaterThan(0);
    const lowestOther = Math.min(...content.filter((l) => !footer.includes(l)).map((l) => l.y));
    expect(Math.max(...footer.map((l) => l.y))).toBeLessThan(lowestOther);
    // within 8 cm of the bottom edge
    expect(Math.min(...footer.map((l) => l.y))).toBeLessThan(227);
  });

  it('carries a QR code, bottom right, that reads back as the verification address', async () => {
    expect(c.verificationUrl).toBe(URL);
    const drawn = qrMatrix(URL);
    expect(decodeQr(rasterizeQr(drawn))?.data).toBe(URL);

    const page = await renderPdfPage(await pdf, 1, 3);
    const [w, h] = [Math.floor(page.width / 2), Math.floor(page.height / 2)];
    const corner = crop(page, w, h, w, h);
    const scanned = decodeQr(corner);
    expect(scanned?.data).toBe(URL);
    expect(decodeQr(crop(page, 0, 0, page.width, h))).toBeNull();

    // module by module, the printed symbol is the matrix, upright (not mirrored or turned)
    const {
      topLeftFinderPattern: tl,
      topRightFinderPattern: tr,
      bottomLeftFinderPattern: bl,
    } = scanned?.location ?? {};
    if (!tl || !tr || !bl) throw new Error('no finder patterns');
    const step = (tr.x - tl.x) / (drawn.size - 7);
    expect(Math.abs(tr.y - tl.y)).toBeLessThan(step);
    expect(bl.y - tl.y).toBeCloseTo(tr.x - tl.x, -1);
    const mismatches: string[] = [];
    for (let row = 0; row < drawn.size; row++) {
      for (let col = 0; col < drawn.size; col++) {
        const x = Math.round(tl.x + (col - 3) * step);
        const y = Math.round(tl.y + (row - 3) * step);
        const dark = (corner.data[(y * corner.width + x) * 4] ?? 255) < 128;
        if (dark !== drawn.dark(col, row)) mismatches.push(`${col},${row}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is reproducible: the same certificate at the same moment gives the same bytes', async () => {
    const again = await renderCertificatePdf(c, { issuedAt: new Date(issuedAt) });
    expect(Buffer.from(again).equals(Buffer.from(await pdf))).toBe(true);
    const later = await renderCertificatePdf(c, { issuedAt: new Date('2025-03-15T09:31:00Z') });
    expect(Buffer.from(later).equals(Buffer.from(await pdf))).toBe(false);
  });
});

describe('what changes with the request', { timeout: 30_000 }, () => {
  it('an exempt certificate prints the exemption with its legal reference, and no marca', async () => {
    const ground = EXEMPTION_GROUNDS.find((g) => g.code === 'previdenza_assistenza');
    const c = built({ bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' } });
    const text = await textOf(c);
    expect(ground?.legalReference).toBe('art. 9, Tabella B, d.P.R. 642/1972');
    expect(text).toContain(
      `Esente dall'imposta di bollo – art. 9, Tabella B, d.P.R. 642/1972 – uso: ${ground?.label.it}`,
    );
    expect(text).toContain('Diritti di segreteria € 0,26');
    expect(text).not.toMatch(/marca|Imposta di bollo €/);
  });

  it('a certificate for use abroad carries the foreign-use sentence instead of art. 40 c.02', async () => {
    const text = await textOf(built({ destination: 'abroad' }));
    expect(text).toContain(FOOTER_TEXT.abroad);
    expect(text).not.toContain(FOOTER_TEXT.private_it);
  });

  it('a hand-signed certificate leaves room for the signature and has no printed-signature wording', async () => {
    const c = built({ signature: 'autograph' });
    const text = await textOf(c);
    expectInOrder(text, ["L'Ufficiale d'Anagrafe", 'Paola Ferrari']);
    expect(text).not.toContain('Firma autografa sostituita');
  });

  it('a digitally sealed copy prints the contrassegno wording', async () => {
    expect(await textOf(built({ signature: 'digital_seal' }))).toContain('art. 23-ter, c. 5, d.lgs. 82/2005');
  });

  it('without a hub address there is no QR code and no verification line', async () => {
    const c = built({ hubBase: null });
    const bytes = await renderCertificatePdf(c, { issuedAt });
    const text = flat((await extractPdfText(bytes)).join('\n'));
    expect(text).not.toContain('Verifica');
    expect(text).toContain(FOOTER_TEXT.private_it);
    expect(decodeQr(await renderPdfPage(bytes, 1, 2))).toBeNull();
  });

  it('names are printed with the registry’s letters, not stripped of their diacritics', async () => {
    const holder = { ...MARIO, surname: 'Kovačević', givenNames: 'Łukasz' };
    const c = built({ holder, household: { ...ROSSI_HOUSEHOLD, members: [holder] } });
    expect(await textOf(c)).toContain('KOVAČEVIĆ ŁUKASZ');
  });
});

describe('the coat of arms', () => {
  // a 4 × 5 pixel PNG, all crimson (200, 16, 46)
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAFCAIAAADtz9qMAAAAEElEQVR42mM4IaAHRwxkcACloxR5A93HyAAAAABJRU5ErkJggg==',
    'base64',
  );
  // inside the slot at the top left, above the "stemma" label: (95, 70) pt at 2 px per point
  const pixel = async (coatOfArms?: Uint8Array): Promise<number[]> => {
    const page = await renderPdfPage(await renderCertificatePdf(built(), { issuedAt, coatOfArms }), 1, 2);
    const i = (140 * page.width + 190) * 4;
    return [...page.data.subarray(i, i + 3)];
  };

  const embedsAnImage = async (coatOfArms?: Uint8Array) =>
    Buffer.from(await renderCertificatePdf(built(), { issuedAt, coatOfArms }))
      .toString('latin1')
      .includes('/Subtype /Image');

  it('is printed in its slot when given, embedded as an image', async () => {
    const [r = 0, g = 0, b = 0] = await pixel(new Uint8Array(png));
    expect(r).toBeGreaterThan(170);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(80);
    expect(await embedsAnImage(new Uint8Array(png))).toBe(true);
    expect(await textOf(built(), new Uint8Array(png))).not.toContain('stemma');
  });

  it('an SVG of filled paths is drawn in the slot, in its colours', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 12"><path d="M0 0 L10 0 L10 12 L0 12 Z" fill="#c8102e"/></svg>',
    );
    const [r = 0, g = 0, b = 0] = await pixel(svg);
    expect(r).toBeGreaterThan(170);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(80);
  });

  it('otherwise, or when the file cannot be read, the neutral emblem: a shield with the comune’s initials, never a crash', async () => {
    const initials = emblemInitials(built().issuer.comune.name);
    for (const file of [
      undefined,
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      new TextEncoder().encode('GIF89a'),
    ]) {
      const text = await textOf(built(), file);
      expect(text).not.toContain('stemma');
      expect(text).toContain(initials);
      expect(await embedsAnImage(file)).toBe(false);
      // the shield's field (219, 227, 240), not the header's band (240, 242, 247)
      const [r = 255] = await pixel(file);
      expect(r).toBeLessThan(230);
    }
  });
});

describe('a long household', () => {
  const children: RegistryPerson[] = Array.from({ length: 10 }, (_, i) => ({
    ...MARIO,
    id: `r-child-${i}`,
    codiceFiscale: `RSSCHD${String(i).padStart(2, '0')}A01B885X`,
    givenNames: `Figlio${String.fromCharCode(65 + i)}`,
    birthDate: `20${String(i + 10)}-01-0${(i % 9) + 1}`,
    civilStatus: 'celibe_nubile',
    relationship: 'figlio',
  }));
  const household = { ...ROSSI_HOUSEHOLD, members: [MARIO, ANNA, ...children] };

  it('twelve members run onto a second page; date, signature and footer close the last one', async () => {
    const c = built({ facts: ['residenza', 'stato_famiglia_rapporti'], household, signature: 'autograph' });
    const fact = c.facts.find((f) => f.fact === 'stato_famiglia_rapporti');
    expect(fact?.fact === 'stato_famiglia_rapporti' && fact.members).toHaveLength(12);

    const bytes = await renderCertificatePdf(c, { issuedAt });
    const pages = await extractPdfLines(bytes);
    expect(pages.length).toBe(2);
    const texts = pages.map((lines) => flat(lines.map((l: PdfLine) => l.text).join('\n')));
    expect(texts[0]).not.toContain(FOOTER_TEXT.private_it);
    expect(texts[1]).toContain(FOOTER_TEXT.private_it);
    // the signed part travels with the footer
    expect(texts[1]).toContain('Casale Monferrato, 15/03/2025');
    expect(texts[1]).toContain('Paola Ferrari');
    expect(texts[0]).toContain('pagina 1 di 2');
    expect(texts[1]).toContain('pagina 2 di 2');
    expect(texts[1]).toContain('Comune di Casale Monferrato – CERTIFICATO CONTESTUALE DI RESIDENZA');
    const all = texts.join(' ');
    for (let n = 1; n <= 12; n++) expect(all).toMatch(new RegExp(`\\b${n}\\. (ROSSI|BIANCHI) `));
    expect(all).toContain('12. ROSSI FIGLIOJ, nato a Casale Monferrato il 01/01/2019 – figlio');
    expectInOrder(
      all,
      c.lines.slice(1).map((l) => l.text),
    );
    for (const lines of pages) expect(overlappingLines(lines)).toEqual([]);
    const last = await renderPdfPage(bytes, 2, 2);
    expect(decodeQr(last)?.data).toBe(URL);
  });
});

describe('refusals', () => {
  it('refuses a certificate whose footer was lost or changed on the way', async () => {
    const c = built();
    const noFooter = { ...c, lines: c.lines.slice(0, -1) } as Certificate;
    await expect(renderCertificatePdf(noFooter, { issuedAt })).rejects.toThrow(/not printable.*footer/);
    const wrongFooter = { ...c, destination: 'abroad' } as Certificate;
    await expect(renderCertificatePdf(wrongFooter, { issuedAt })).rejects.toThrow(/art\. 40/);
  });
});
