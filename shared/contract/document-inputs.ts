import { z } from 'zod';
import { isoDateString } from '../calendar/date-schemas';
import { DELIVERY_MODES } from '../certificates/certificate-record';
import { CERTIFICATE_FACTS } from '../certificates/facts';
import { CERTIFICATE_DESTINATIONS } from '../certificates/footers';
import { ART46_LETTERS } from '../declarations/art46-facts';

/**
 * Inputs of the document calls. Deliberately loose on content (a marca number of the wrong
 * length, an unknown exemption code): the certificate rules explain those in the clerk's words,
 * which a schema error could not.
 */
const isoDate = isoDateString('data AAAA-MM-GG');
const residentId = z.string().min(1).max(64);

export const certificateRequestInput = z
  .object({
    residentId,
    facts: z.array(z.enum(CERTIFICATE_FACTS)).min(1).max(CERTIFICATE_FACTS.length),
    destination: z.enum(CERTIFICATE_DESTINATIONS),
    bollo: z.discriminatedUnion('kind', [
      z
        .object({ kind: z.literal('marca'), marcaId: z.string().max(40), marcaDate: isoDate.nullish() })
        .strict(),
      z
        .object({
          kind: z.literal('exempt'),
          groundCode: z.string().max(60),
          evidence: z.string().max(200).nullish(),
        })
        .strict(),
    ]),
    storico: z
      .object({ referenceDate: isoDate, motivation: z.string().max(300) })
      .strict()
      .nullish(),
  })
  .strict();
export type CertificateRequestInput = z.infer<typeof certificateRequestInput>;

export const certificateIssueInput = certificateRequestInput
  .extend({ delivery: z.enum(DELIVERY_MODES) })
  .strict();

export const declarationRequestInput = z
  .object({
    residentId,
    facts: z
      .array(
        z.union([
          z.object({
            article: z.literal(46),
            letter: z.enum(ART46_LETTERS),
            text: z.string().max(1000).nullish(),
          }),
          z.object({ article: z.literal(47), text: z.string().max(2000) }),
        ]),
      )
      .min(1)
      .max(20),
    identification: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('in_presence'),
          documentType: z.string().max(40),
          documentNumber: z.string().max(40),
          issuedBy: z.string().max(120).nullish(),
          expiresOn: isoDate.nullish(),
        })
        .strict(),
      z.object({ kind: z.literal('document_attached') }).strict(),
    ]),
  })
  .strict();
export type DeclarationRequestInput = z.infer<typeof declarationRequestInput>;

export const declarationIssueInput = declarationRequestInput
  .extend({ delivery: z.enum(DELIVERY_MODES) })
  .strict();
