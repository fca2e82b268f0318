import { describe, expect, it } from 'vitest';
import { buildCertificate } from '../../../shared/certificates/build-certificate';
import { MARIO, ROSSI_HOUSEHOLD, request } from '../../../shared/certificates/test-fixtures';
import { generateNoticeNumber } from '../../../shared/pagopa/notice-number';
import { avvisoPdf } from '../../../shared/pagopa/avviso/avviso-pdf';
import { documentFonts } from '../../../resources/fonts/load-document-fonts';
import { renderReceiptPdf } from '../cashdesk/cashdesk-pdf';
import { renderCertificatePdf } from './certificate-pdf';
import { extractPdfText, flat } from './pdf-test-helpers';

/**
 * Issue 18 §2: a document prints a name as the registry holds it. One resident of each script the
 * registry may hold; the text read back out of the PDF must be the name itself (NFC), not a
 * transliteration ("Ionut Stefanescu" is not the registry's record of "Ionuț Ștefănescu").
 */
const PEOPLE = [
  { script: 'Romanian', surname: 'Ștefănescu', givenNames: 'Ionuț Mădălin' },
  { script: 'Polish', surname: 'Wąsowska-Żółć', givenNames: 'Małgorzata Łucja' },
  { script: 'Albanian', surname: 'Çela', givenNames: 'Arbër Dhëmbi' },
  { script: 'Czech', surname: 'Dvořák', givenNames: 'Jiří Čeněk' },
  { script: 'Turkish', surname: 'Yıldız', givenNames: 'Ayşe Ağaoğlu' },
  { script: 'Vietnamese', surname: 'Nguyễn', givenNames: 'Thị Hồng Nhung Ệ Ở Hữu' },
  // typed with combining marks: printed, and read back, as the precomposed letters
  { script: 'decomposed', surname: 'Kovac\u030cevic\u0301', givenNames: 'S\u0326tefan' },
] as const;

const issuedAt = new Date('2026-12-04T09:30:00Z');
const text = async (pdf: Uint8Array): Promise<string> => flat((await extractPdfText(pdf)).join('\n'));

describe('names from every script round-trip through the documents', { timeout: 60_000 }, () => {
  it.each(PEOPLE)(
    '$script: the residence certificate prints the holder as the registry holds him',
    async (p) => {
      const holder = { ...MARIO, surname: p.surname, givenNames: p.givenNames };
      const r = buildCertificate(
        request({ holder, household: { ...ROSSI_HOUSEHOLD, members: [holder] }, facts: ['residenza'] }),
      );
      if (!r.ok) throw new Error(r.errors.map((e) => e.reason).join(', '));
      const printed = await text(await renderCertificatePdf(r.value, { issuedAt }));
      // certificates print the name in capitals, as the registry's own extracts do
      expect(printed).toContain(`${p.surname} ${p.givenNames}`.normalize('NFC').toUpperCase());
    },
  );

  it.each(PEOPLE)('$script: the receipt prints the name in the causale', async (p) => {
    const name = `${p.surname} ${p.givenNames}`;
    const pdf = await renderReceiptPdf({
      comuneName: 'Casale Monferrato',
      receiptNumber: 'R-2026-000001',
      issuedAt,
      clerkName: 'Giulia Ferrero',
      workstation: 'Casale - Anagrafe 1',
      debtTitle: `Diritti di segreteria - ${name}`,
      noticeNumber: '301000000000000144',
      breakdown: [],
      amountCents: 52,
      channel: 'cash',
      pspTransactionId: null,
      tenderedCents: 100,
      changeCents: 48,
    });
    expect(await text(pdf)).toContain(`Diritti di segreteria - ${name.normalize('NFC')}`);
  });

  it.each(PEOPLE)('$script: the pagoPA notice prints the debtor’s name', async (p) => {
    const n = generateNoticeNumber({ auxDigit: 3, segregationCode: '01', base: 7 });
    if (!n.ok) throw new Error(n.error.message.en);
    const name = `${p.givenNames} ${p.surname}`;
    const pdf = await avvisoPdf(
      {
        ente: {
          fiscalCode: '00190540062',
          name: 'Comune di Casale Monferrato',
          settore: 'Servizio Tributi',
          cbill: null,
          info: [],
        },
        recipient: {
          fiscalCode: 'STFNTI82B03Z129Z',
          name,
          address: 'Via Paleologi 9, 15033 Casale Monferrato (AL)',
        },
        subject: 'TARI 2026 - utenza domestica',
        single: { noticeNumber: n.value.noticeNumber, amountCents: 23_450, dueDate: '2026-12-16' },
        instalments: [],
        postal: null,
      },
      documentFonts(),
    );
    expect(await text(pdf)).toContain(name.normalize('NFC'));
  });
});
