import { z } from 'zod';
import { isoDateString } from '../../calendar/date-schemas';
import { parseEnteFiscalCode } from '../ente-fiscal-code';
import { NOTICE_NUMBER_LENGTH, parseNoticeNumber } from '../notice-number';

/**
 * What a pagoPA payment notice (avviso di pagamento, template v2/v3, "Allegato 2 – Specifiche
 * tecniche") says, as data: DOMAIN.md §6.4. The PDF (avviso-pdf.ts) only lays this out, so a
 * notice for a TARI instalment, a fine or a canone concession is the same document.
 *
 * Limits:
 * - ente: CF of the body, which the QR needs as exactly 11 digits (§6.3: `PAGOPA|002|…|<CF 11>|…`),
 *   so the 16-character P.IVA/CF allowance of §6.4 is narrowed to the 11 digits of a body's CF;
 *   name ≤ 50 characters (§6.4); settore (the office managing the payment); optional CBILL code
 *   (5 characters, letters and digits, the interbank "codice SIA"); info channels as free lines.
 * - destinatario: CF (16) or P.IVA (11), upper case, or none when unknown (a fine addressed to
 *   the owner of a plate); full name; one address line.
 * - oggetto: plain words. pagoPA does not give a hard limit in the pages we could read; the widely
 *   used Jasper templates cut it at 60 characters on the notice and 110 in the Poste Data Matrix
 *   [U]: `AVVISO_LIMITS.subject` is the one place to change it.
 * - one payment option at least: a rata unica, instalments, or both. Instalments are two or more
 *   (one instalment is a rata unica), each with its own notice number (§6.4), all different.
 * - amounts in cents, 1 cent to the 11 digits the QR can carry (§6.3).
 */

export const AVVISO_LIMITS = {
  enteName: 50,
  settore: 80,
  infoLine: 90,
  infoLines: 4,
  recipientName: 70,
  recipientAddress: 90,
  /** [U] see above */
  subject: 60,
  /** pagoPA's "avviso con molte rate" variant exists; beyond this the office splits the debt */
  instalments: 24,
  maxAmountCents: 99_999_999_999,
} as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const noticeNumberSchema = z
  .string()
  .length(NOTICE_NUMBER_LENGTH, 'il codice avviso ha 18 cifre')
  .refine((v) => parseNoticeNumber(v).ok, 'codice avviso non valido (cifre di controllo)');

export const enteFiscalCodeSchema = z
  .string()
  .refine(
    (v) => /^\d{11}$/.test(v) && parseEnteFiscalCode(v).ok,
    'codice fiscale dell’ente: 11 cifre valide',
  );

/** A person's CF (16, upper case) or a company's P.IVA / CF (11 digits). */
export const recipientFiscalCodeSchema = z
  .string()
  .regex(/^(?:[A-Z0-9]{16}|\d{11})$/, 'codice fiscale (16) o partita IVA (11), in maiuscolo');

export const avvisoPartSchema = z
  .object({
    noticeNumber: noticeNumberSchema,
    amountCents: z.number().int().min(1).max(AVVISO_LIMITS.maxAmountCents),
    dueDate: isoDateString(),
  })
  .strict();

export const avvisoModelSchema = z
  .object({
    ente: z
      .object({
        fiscalCode: enteFiscalCodeSchema,
        name: trimmed(AVVISO_LIMITS.enteName),
        settore: trimmed(AVVISO_LIMITS.settore),
        /** CBILL / codice SIA: 5 letters or digits */
        cbill: z
          .string()
          .regex(/^[A-Z0-9]{5}$/)
          .nullable(),
        /** how to reach the office: site, phone, e-mail, PEC */
        info: z.array(trimmed(AVVISO_LIMITS.infoLine)).max(AVVISO_LIMITS.infoLines),
      })
      .strict(),
    recipient: z
      .object({
        /** null when the creditor does not know it yet (a fine: the vehicle's owner, by plate) */
        fiscalCode: recipientFiscalCodeSchema.nullable(),
        name: trimmed(AVVISO_LIMITS.recipientName),
        address: z.string().trim().max(AVVISO_LIMITS.recipientAddress),
      })
      .strict(),
    subject: trimmed(AVVISO_LIMITS.subject),
    single: avvisoPartSchema.nullable(),
    instalments: z.array(avvisoPartSchema).max(AVVISO_LIMITS.instalments),
    /** the Poste "bollettino PA" block, when the body collects on a postal account */
    postal: z
      .object({
        /** the postal current account, up to 12 digits */
        accountNumber: z.string().regex(/^\d{1,12}$/),
        /** intestatario of the account */
        holder: trimmed(AVVISO_LIMITS.enteName * 2),
        /** Poste's authorisation to print bollettini in house ("Aut. n. …") */
        authorisation: trimmed(80),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.single === null && m.instalments.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['single'], message: 'serve una rata unica o almeno due rate' });
    }
    if (m.instalments.length === 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['instalments'],
        message: 'una sola rata è una rata unica: le rate sono almeno due',
      });
    }
    const numbers = [...(m.single ? [m.single] : []), ...m.instalments].map((p) => p.noticeNumber);
    if (new Set(numbers).size !== numbers.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['instalments'],
        message: 'ogni opzione di pagamento ha il proprio codice avviso',
      });
    }
  });

export type AvvisoPart = z.infer<typeof avvisoPartSchema>;
export type AvvisoModel = z.infer<typeof avvisoModelSchema>;

/** The notice's payment options in print order: the rata unica first, then the instalments. */
export function avvisoParts(model: AvvisoModel): { part: AvvisoPart; instalment: number | null }[] {
  return [
    ...(model.single ? [{ part: model.single, instalment: null }] : []),
    ...model.instalments.map((part, i) => ({ part, instalment: i + 1 })),
  ];
}
