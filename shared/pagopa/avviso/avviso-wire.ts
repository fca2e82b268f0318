import { z } from 'zod';
import { isoDateString } from '../../calendar/date-schemas';

/** The hub's routes that print payment notices (hub/notices/notice-routes.ts), shared with the desk. */
export const NOTICES_API = '/api/v1/notices';
/** one notice, as a desk asks for it: a clerk's session, any staff role */
export const AVVISO_PATH = `${NOTICES_API}/:noticeNumber/avviso.pdf`;
export const avvisoPath = (noticeNumber: string): string =>
  `${NOTICES_API}/${encodeURIComponent(noticeNumber)}/avviso.pdf`;
/**
 * The same notice as JSON `{ noticeNumber, pdfBase64 }`, for the desk core: its hub client reads
 * JSON answers only (electron/desk/hub-client), and a notice is a few tens of kB.
 */
export const AVVISO_JSON_PATH = `${NOTICES_API}/:noticeNumber/avviso`;
export const avvisoJsonPath = (noticeNumber: string): string =>
  `${NOTICES_API}/${encodeURIComponent(noticeNumber)}/avviso`;
export const avvisoJsonSchema = z.object({ noticeNumber: z.string(), pdfBase64: z.string().min(1) }).strict();
export type AvvisoJson = z.infer<typeof avvisoJsonSchema>;
/** many notices in one PDF, for the office (supervisors): a billing run, the post */
export const AVVISI_BULK_PATH = `${NOTICES_API}/avvisi.pdf`;

/**
 * One request prints at most this many notices. Measured on the 2-core development machine:
 * pdf-lib lays out a notice (one page, its QR) in 16–24 ms, so 1,000 notices take about 20 s and
 * make a file of about 3.6 MB; 5,000 would hold the request for well over a minute. A larger run
 * (a whole TARI issue) is printed in slices by due date or kind.
 */
export const MAX_AVVISI_PER_REQUEST = 1_000;

export const DEBT_KINDS = ['TARI', 'IMU', 'MENSA', 'ALTRO'] as const;

/** Which open positions to print: by kind and due-date range (both ends included). */
export const avvisiQuerySchema = z
  .object({
    kind: z.enum(DEBT_KINDS).optional(),
    from: isoDateString().optional(),
    to: isoDateString().optional(),
  })
  .strict();
export type AvvisiQuery = z.infer<typeof avvisiQuerySchema>;
