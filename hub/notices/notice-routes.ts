import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAllowed } from '../../shared/auth/policy';
import { romeDateOf } from '../../shared/calendar/rome-date';
import { AppError } from '../../shared/errors/app-error';
import { documentFonts } from '../../resources/fonts/load-document-fonts';
import { avvisiPdf, avvisoPdf } from '../../shared/pagopa/avviso/avviso-pdf';
import {
  AVVISI_BULK_PATH,
  AVVISO_JSON_PATH,
  AVVISO_PATH,
  avvisiQuerySchema,
  type AvvisoJson,
  MAX_AVVISI_PER_REQUEST,
} from '../../shared/pagopa/avviso/avviso-wire';
import { stripSpaces } from '../../shared/pagopa/pagopa-errors';
import { noteAuditSubject } from '../audit/audit-hook';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';
import { avvisoModelFor, avvisoModelOfRow, modelCache, positionKey } from './notice-model';

/**
 * Payment notices as PDFs (shared/pagopa/avviso/avviso-pdf.ts), built from the hub's own debt
 * positions: one for the counter (any staff member with a session at a workstation of the comune),
 * many at once for the office (supervisors), bounded per request. Both are reads of personal data
 * (the debtor's name and address): audited like the other reads.
 */
export function registerNoticeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const allowed = async (req: FastifyRequest, action: 'notices.print' | 'notices.printBulk') => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    requireAllowed(clerk.role, action);
    return ws;
  };
  const sendPdf = (reply: FastifyReply, bytes: Uint8Array, name: string) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(bytes));

  const noticeNumber = z.string().max(64);
  const oneNotice = {
    schema: { summary: 'One payment notice (avviso)', params: z.object({ noticeNumber }) },
    config: {
      audit: {
        action: 'notices.avviso',
        entity: 'debt_position',
        subject: (req: FastifyRequest) =>
          String((req.params as { noticeNumber?: unknown }).noticeNumber ?? ''),
      },
    },
  };
  const printOne = async (req: FastifyRequest<{ Params: { noticeNumber: string } }>) => {
    const ws = await allowed(req, 'notices.print');
    const number = parse(noticeNumber, req.params.noticeNumber);
    const model = await avvisoModelFor(ctx.db, ws.comune, number, romeDateOf(ctx.now()));
    return {
      // the number asked for, as 18 digits (a position's instalments share one avviso)
      number: stripSpaces(number),
      pdf: await avvisoPdf(model, documentFonts(), { issuedAt: ctx.now() }),
    };
  };

  app.get<{ Params: { noticeNumber: string } }>(AVVISO_PATH, oneNotice, async (req, reply) => {
    const { number, pdf } = await printOne(req);
    return sendPdf(reply, pdf, `avviso-${number}.pdf`);
  });

  app.get<{ Params: { noticeNumber: string } }>(
    AVVISO_JSON_PATH,
    oneNotice,
    async (req): Promise<AvvisoJson> => {
      const { number, pdf } = await printOne(req);
      return { noticeNumber: number, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  );

  app.get(
    AVVISI_BULK_PATH,
    {
      schema: { summary: 'Payment notices in bulk', querystring: avvisiQuerySchema },
      config: { audit: { action: 'notices.avvisi', entity: 'debt_position' } },
    },
    async (req, reply) => {
      const ws = await allowed(req, 'notices.printBulk');
      const q = parse(avvisiQuerySchema, req.query);
      if (q.from && q.to && q.from > q.to) {
        throw new AppError('invalid_input', { detail: 'to: non prima di from', field: 'to' });
      }
      const today = romeDateOf(ctx.now());
      // one snapshot: the count that was checked is the set that is printed
      const models = await ctx.db.transaction().execute(async (trx) => {
        let query = trx
          .selectFrom('debt_positions')
          .where('comune', '=', ws.comune)
          .where('status', '=', 'open');
        if (q.kind) query = query.where('kind', '=', q.kind);
        if (q.from) query = query.where('due_date', '>=', q.from);
        if (q.to) query = query.where('due_date', '<=', q.to);
        const { count } = await query
          .select((eb) => eb.fn.countAll<string | number>().as('count'))
          .executeTakeFirstOrThrow();
        const n = Number(count);
        if (n > MAX_AVVISI_PER_REQUEST) {
          throw new AppError('avvisi_too_many', { count: n, max: MAX_AVVISI_PER_REQUEST });
        }
        if (n === 0) throw new AppError('avvisi_not_found');
        const rows = await query
          .selectAll()
          .orderBy('debtor_cf')
          .orderBy('kind')
          .orderBy('description')
          .orderBy('due_date')
          .orderBy('notice_number')
          .execute();
        const cache = modelCache();
        const printed = new Set<string>();
        const out = [];
        for (const row of rows) {
          const key = positionKey(row);
          if (printed.has(key)) continue; // its instalments are already on the notice
          printed.add(key);
          out.push(await avvisoModelOfRow(trx, row, today, cache));
        }
        return out;
      });
      noteAuditSubject(req, `${models.length} avvisi ${q.kind ?? '*'} ${q.from ?? '…'}–${q.to ?? '…'}`);
      const pdf = await avvisiPdf(models, documentFonts(), { issuedAt: ctx.now() });
      return sendPdf(reply, pdf, `avvisi-${ws.comune}-${today}.pdf`);
    },
  );
}
