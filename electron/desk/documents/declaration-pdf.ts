import type { Declaration, DeclarationLineSection } from '../../../shared/declarations/build-declaration';
import { createA4Document, GREY } from './pdf-layout';

/**
 * The A4 PDF of a self-declaration (DPR 445/2000 arts. 46-47), ready to be signed. Every sentence
 * comes from `declaration.lines`, in their order (shared/declarations decides the wording); this
 * file only sets them on the page: title and subtitle, the declarant, the awareness clause
 * (arts. 75-76), DICHIARA and the statements, the privacy notice and the stamp-duty clause, place
 * and date, the signature space "Il/La dichiarante", and the art. 38 line on how the signature
 * was given. Place, date, signature and that line are kept together on one page.
 */

export interface DeclarationPdfOptions {
  /** the moment of printing: the PDF's creation date, so two renders are identical */
  issuedAt: Date;
}

const SIGNATURE_COLUMN = 300;

export async function renderDeclarationPdf(
  declaration: Declaration,
  options: DeclarationPdfOptions,
): Promise<Uint8Array> {
  const section = (s: DeclarationLineSection): string[] =>
    declaration.lines.filter((l) => l.section === s).map((l) => l.text);
  const { declarant } = declaration;

  const doc = await createA4Document({
    title: `${declaration.title} – ${declarant.surname.toUpperCase()} ${declarant.givenNames.toUpperCase()}`,
    author: `${declarant.surname} ${declarant.givenNames}`,
    subject: declaration.subtitle,
    createdAt: options.issuedAt,
    margins: { top: 56 },
    pageLabel: (page, pages) => `pagina ${page} di ${pages}`,
  });

  const [title, ...subtitle] = section('title');
  if (title !== undefined) doc.paragraph(title, { size: 13, bold: true, align: 'center' });
  for (const line of subtitle) doc.paragraph(line, { size: 10, align: 'center', spaceBefore: 2 });

  for (const line of section('declarant')) doc.paragraph(line, { spaceBefore: 24, leading: 1.45 });
  for (const line of section('capacity')) doc.paragraph(line, { spaceBefore: 4, leading: 1.45 });
  for (const line of section('awareness')) doc.paragraph(line, { spaceBefore: 6, leading: 1.45 });
  for (const line of section('declares')) {
    doc.paragraph(line, { size: 12, bold: true, align: 'center', spaceBefore: 12, spaceAfter: 8 });
  }

  for (const line of section('statement')) {
    const bullet = /^–\s+/.exec(line);
    if (bullet) {
      // "– di essere …": the dash hangs in the margin of the statement
      doc.paragraph(line, { spaceBefore: 4, leading: 1.45, hangingIndent: doc.widthOf(bullet[0], 10.5) });
      continue;
    }
    // continuation of the statement above (household members, "   1. ROSSI MARIO, …")
    const text = line.trimStart();
    const item = /^\d+\.\s/.exec(text);
    doc.paragraph(text, { indent: 20, hangingIndent: item ? doc.widthOf(item[0], 10.5) : 0, leading: 1.4 });
  }

  doc.space(18);
  for (const line of section('privacy')) doc.paragraph(line, { size: 8.5, color: GREY, spaceBefore: 2 });
  for (const line of section('stamp_duty')) doc.paragraph(line, { size: 8.5, color: GREY, spaceBefore: 4 });

  const closing = section('closing').join('\n');
  const signature = section('signature');
  const identification = section('identification').join('\n');
  const column = { indent: doc.contentWidth - SIGNATURE_COLUMN, width: SIGNATURE_COLUMN } as const;
  const signatureHeight = 30 + signature.length * 10.5 * 1.3;
  const identificationText = { size: 8.5, spaceBefore: 6 } as const;
  doc.ensureSpace(
    doc.measure(closing, { spaceBefore: 20 }) +
      signatureHeight +
      14 +
      doc.measure(identification, identificationText),
  );

  doc.paragraph(closing, { spaceBefore: 20 });
  // the signature goes on the line: room above it for the hand
  doc.space(30);
  for (const line of signature) doc.paragraph(line, { ...column, align: 'right' });
  doc.rule({ spaceBefore: 12, spaceAfter: 2 });
  doc.paragraph(identification, identificationText);
  return doc.save();
}
