import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { romeDateOf, romeDateTimeOf } from '../../shared/calendar/rome-date';
import { fillMonths, monthsEnding } from '../../shared/cases/burden';
import { ATTACHMENT_MAX_BYTES } from '../../shared/cases/case-mutations';
import {
  baselineRequestSchema,
  CASE_BASELINE_PATH,
  CASE_BURDEN_PATH,
  CASE_CLERKS_PATH,
  CASE_FILES_PATH,
  DOCUMENTS_SERIES,
  fileUploadSchema,
  PROTOCOL_CANCEL_PATH,
  PROTOCOL_CORRECT_PATH,
  PROTOCOL_REGISTER_PATH,
  protocolCancelSchema,
  protocolCorrectSchema,
  sha256Schema,
  type Baseline,
  type BurdenMonth,
  type BurdenResponse,
} from '../../shared/cases/case-wire';
import { requireAllowed } from '../../shared/auth/policy';
import type { Role } from '../../shared/contract/views';
import { AppError } from '../../shared/errors/app-error';
import type { WorkstationRow } from '../db/tables/workstations.table';
import { cancelProtocol, correctProtocol, readRegister } from '../protocol/protocol-repository';
import { caseOfficeOf, workstationOffices } from '../sync/office-scope';
import { PROCEDURE_CATALOGUE } from '../../shared/cases/procedure-catalogue';
import { clerkAuth, parse, type RouteContext } from '../routes/route-context';

const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The routes only the hub can answer for the case engine; everything else travels by sync. */
export function registerCaseRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const clerkOf = clerkAuth(ctx.db, ctx.now);
  const staff = async (
    req: FastifyRequest,
  ): Promise<{ ws: WorkstationRow; username: string; role: Role }> => {
    const ws = await ctx.workstationOf(req);
    const clerk = await clerkOf(req, ws);
    return { ws, username: clerk.username, role: clerk.role };
  };

  // Attachment contents, content-addressed: the counter sends them before the mutation naming them.
  app.put(
    `${CASE_FILES_PATH}/:sha256`,
    {
      schema: {
        summary: 'Uploads a case file by its hash',
        params: z.object({ sha256: sha256Schema }),
        body: fileUploadSchema,
      },
    },
    async (req) => {
      const ws = await ctx.workstationOf(req);
      const sha256 = parse(sha256Schema, (req.params as { sha256?: unknown }).sha256);
      const body = parse(fileUploadSchema, req.body);
      const content = Buffer.from(body.contentBase64, 'base64');
      if (content.length > ATTACHMENT_MAX_BYTES) {
        throw new AppError('case_file_too_large', { size: content.length, max: ATTACHMENT_MAX_BYTES });
      }
      if (createHash('sha256').update(content).digest('hex') !== sha256) {
        throw new AppError('case_file_mismatch', { sha256 });
      }
      await ctx.db
        .insertInto('case_files')
        .values({
          comune: ws.comune,
          sha256,
          content,
          size: content.length,
          media_type: body.mediaType,
          uploaded_at: ctx.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['comune', 'sha256']).doNothing())
        .execute();
      return { sha256 };
    },
  );

  const fileAudit = {
    action: 'case.file.read',
    entity: 'case_file',
    subject: (req: FastifyRequest) => String((req.params as { sha256?: unknown }).sha256 ?? ''),
  };
  app.get(
    `${CASE_FILES_PATH}/:sha256`,
    {
      schema: { summary: 'A case file by its hash', params: z.object({ sha256: sha256Schema }) },
      config: { audit: fileAudit },
    },
    async (req) => {
      const { ws } = await staff(req);
      const sha256 = parse(sha256Schema, (req.params as { sha256?: unknown }).sha256);
      const row = await ctx.db
        .selectFrom('case_files')
        .select(['content', 'media_type'])
        .where('comune', '=', ws.comune)
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (!row) throw new AppError('case_attachment_not_found', { id: sha256 });
      return {
        sha256,
        mediaType: row.media_type,
        contentBase64: Buffer.from(row.content).toString('base64'),
      };
    },
  );

  /** Who may be assigned cases: the comune's active staff. */
  app.get(CASE_CLERKS_PATH, { schema: { summary: "The comune's clerks, to assign cases" } }, async (req) => {
    const { ws } = await staff(req);
    const rows = await ctx.db
      .selectFrom('users')
      .select(['username', 'display_name', 'role', 'disabled'])
      .where('comune', '=', ws.comune)
      .orderBy('display_name')
      .execute();
    return {
      clerks: rows
        .filter((r) => Number(r.disabled) === 0)
        .map((r) => ({ username: r.username, displayName: r.display_name, role: r.role })),
    };
  });

  const burdenQuery = z.object({ months: z.coerce.number().int().min(1).max(36).default(12) });
  app.get(
    CASE_BURDEN_PATH,
    { schema: { summary: 'Administrative burden by month', querystring: burdenQuery } },
    async (req): Promise<BurdenResponse> => {
      const { ws } = await staff(req);
      const q = parse(burdenQuery, req.query);
      const months = monthsEnding(romeDateOf(ctx.now()).slice(0, 7), q.months);
      const from = `${months[0] ?? '0000-00'}-01`;
      const caseRows = await sql<{
        code: string;
        month: string;
        cases: unknown;
        counter: unknown;
        visits: unknown;
        printed: unknown;
        digital: unknown;
      }>`select procedure_code as code, substr(opened_on, 1, 7) as month, count(*) as cases,
          avg(counter_seconds) as counter, avg(visits) as visits,
          sum(case when receipt_delivery = 'printed' then 1 else 0 end) as printed,
          sum(case when receipt_delivery = 'file' then 1 else 0 end) as digital
        from cases where comune = ${ws.comune} and opened_on >= ${from}
        group by procedure_code, substr(opened_on, 1, 7)`.execute(ctx.db);
      const docRows = await sql<{ month: string; docs: unknown; pages: unknown; digital: unknown }>`
        select substr(issued_on, 1, 7) as month, count(*) as docs,
          sum(case when delivery = 'printed' then pages else 0 end) as pages,
          sum(case when delivery = 'file' then 1 else 0 end) as digital
        from documents_issued where comune = ${ws.comune} and issued_on >= ${from}
        group by substr(issued_on, 1, 7)`.execute(ctx.db);
      const baselines = await ctx.db
        .selectFrom('case_baselines')
        .selectAll()
        .where('comune', '=', ws.comune)
        .execute();
      const baselineOf = (code: string): Baseline | null => {
        const b = baselines.find((x) => x.procedure_code === code);
        return b
          ? {
              counterSeconds: num(b.counter_seconds),
              visitsX100: num(b.visits_x100),
              printedPagesX100: num(b.printed_pages_x100),
              setOn: b.set_on,
              setBy: b.set_by,
            }
          : null;
      };
      const byCode = new Map<string, BurdenMonth[]>();
      for (const r of caseRows.rows) {
        const list = byCode.get(r.code) ?? [];
        list.push({
          month: r.month,
          cases: num(r.cases),
          counterSeconds: numOrNull(r.counter),
          visits: numOrNull(r.visits),
          printedPages: num(r.printed),
          digitalDocuments: num(r.digital),
        });
        byCode.set(r.code, list);
      }
      for (const b of baselines) if (!byCode.has(b.procedure_code)) byCode.set(b.procedure_code, []);
      const documents: BurdenMonth[] = docRows.rows.map((r) => ({
        month: r.month,
        cases: num(r.docs),
        counterSeconds: null,
        visits: null,
        printedPages: num(r.pages),
        digitalDocuments: num(r.digital),
      }));
      return {
        months,
        series: [
          ...[...byCode.entries()]
            .filter(([code]) => code !== DOCUMENTS_SERIES)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([code, rows]) => ({ code, rows: fillMonths(months, rows), baseline: baselineOf(code) })),
          {
            code: DOCUMENTS_SERIES,
            rows: fillMonths(months, documents),
            baseline: baselineOf(DOCUMENTS_SERIES),
          },
        ],
      };
    },
  );

  app.put(
    CASE_BASELINE_PATH,
    { schema: { summary: 'Sets the burden baseline', body: baselineRequestSchema } },
    async (req) => {
      const { ws, username, role } = await staff(req);
      requireAllowed(role, 'burden.setBaseline');
      const body = parse(baselineRequestSchema, req.body);
      const row = {
        comune: ws.comune,
        procedure_code: body.code,
        counter_seconds: body.counterSeconds,
        visits_x100: body.visitsX100,
        printed_pages_x100: body.printedPagesX100,
        set_on: romeDateOf(ctx.now()),
        set_by: username,
      };
      await ctx.db
        .insertInto('case_baselines')
        .values(row)
        .onConflict((oc) => oc.columns(['comune', 'procedure_code']).doUpdateSet(row))
        .execute();
      return { ok: true };
    },
  );

  const registerQuery = z.object({
    year: z.coerce.number().int().min(1583).max(9999).optional(),
    limit: z.coerce.number().int().min(1).max(2000).default(200),
  });
  app.get(
    PROTOCOL_REGISTER_PATH,
    {
      schema: { summary: 'The protocol register', querystring: registerQuery },
      config: { audit: { action: 'protocol.register.read', entity: 'protocol' } },
    },
    async (req) => {
      const { ws } = await staff(req);
      const q = parse(registerQuery, req.query);
      const year = q.year ?? Number(romeDateOf(ctx.now()).slice(0, 4));
      // who applied for aid is the social office's to read, even in the register
      const offices = await workstationOffices(ctx.db, ws.id);
      const reserved = PROCEDURE_CATALOGUE.filter((p) => {
        const office = caseOfficeOf(p.code);
        return office !== null && !offices.includes(office);
      }).map((p) => p.code);
      return { year, ...(await readRegister(ctx.db, ws.comune, year, q.limit, reserved)) };
    },
  );

  app.post(
    PROTOCOL_CANCEL_PATH,
    { schema: { summary: 'Cancels a protocol entry', body: protocolCancelSchema } },
    async (req) => {
      const { ws, username, role } = await staff(req);
      requireAllowed(role, 'protocol.cancel');
      const body = parse(protocolCancelSchema, req.body);
      await ctx.db.transaction().execute((trx) =>
        cancelProtocol(
          trx,
          ws.comune,
          { year: body.year, number: body.number },
          {
            at: romeDateTimeOf(ctx.now()),
            operator: username,
            act: body.act,
            reason: body.reason,
          },
        ),
      );
      return { ok: true };
    },
  );

  app.post(
    PROTOCOL_CORRECT_PATH,
    { schema: { summary: 'Corrects a protocol entry', body: protocolCorrectSchema } },
    async (req) => {
      const { ws, username, role } = await staff(req);
      requireAllowed(role, 'protocol.correct');
      const body = parse(protocolCorrectSchema, req.body);
      await ctx.db.transaction().execute((trx) =>
        correctProtocol(trx, ws.comune, { year: body.year, number: body.number }, body.field, body.value, {
          at: romeDateTimeOf(ctx.now()),
          operator: username,
          reason: body.reason,
        }),
      );
      return { ok: true };
    },
  );
}
