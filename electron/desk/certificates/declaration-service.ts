import { uuidv7 } from 'uuidv7';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { DeclarationRequestInput } from '../../../shared/contract/document-inputs';
import type { DocumentProblem } from '../../../shared/contract/views';
import { buildDeclaration, type DeclarationFactChoice } from '../../../shared/declarations/build-declaration';
import type { DeclarationError } from '../../../shared/declarations/declaration-errors';
import { AppError } from '../../../shared/errors/app-error';
import type { Locale } from '../../../shared/i18n/locale';
import { sha256Hex, toBase64 } from '../bytes';
import { requireSession, type DeskContext } from '../context';
import { getMeta } from '../db/meta-repository';
import { renderDeclarationPdf } from '../documents/declaration-pdf';
import { pdfPageCount } from '../documents/pdf-page-count';
import { runMutation } from '../sync/run-mutation';
import { loadHolderFacts } from './registry-input';

const toProblems = (errors: readonly DeclarationError[], locale: Locale): DocumentProblem[] =>
  errors.map((e) => ({ reason: e.reason, kind: 'invalid_request', message: e.message[locale] }));

async function build(ctx: DeskContext, input: DeclarationRequestInput) {
  const session = requireSession(ctx);
  const comune = session.info.comune;
  const facts = await loadHolderFacts(ctx.db, input.residentId, comune.belfiore);
  const result = buildDeclaration({
    comune: {
      belfiore: comune.belfiore,
      name: comune.name,
      province: (await getMeta(ctx.db, 'comune.province')) ?? '',
    },
    date: romeDateOf(ctx.now()),
    declarant: facts.holder,
    household: facts.household,
    capacity: { kind: 'self' },
    facts: input.facts as DeclarationFactChoice[],
    identification:
      input.identification.kind === 'in_presence'
        ? { ...input.identification, clerk: session.info.clerk.displayName }
        : input.identification,
  });
  return { result, session, facts };
}

/** The self-declaration pre-filled from the registry, for the declarant to confirm. */
export async function previewDeclaration(
  ctx: DeskContext,
  input: CallInput<'declarations:preview'>,
): Promise<CallOutput<'declarations:preview'>> {
  const { result } = await build(ctx, input);
  if (!result.ok) return { ok: false, problems: toProblems(result.errors, ctx.state.locale) };
  const d = result.value;
  return {
    ok: true,
    title: d.title,
    subtitle: d.subtitle,
    lines: d.lines.map((l) => ({ section: l.section, text: l.text })),
    warnings: [...d.warnings],
  };
}

/** The PDF ready to sign (no bollo, art. 37), kept here; its trace goes to the hub for the burden meter. */
export async function issueDeclaration(
  ctx: DeskContext,
  input: CallInput<'declarations:issue'>,
): Promise<CallOutput<'declarations:issue'>> {
  const { result, session, facts } = await build(ctx, input);
  if (!result.ok) {
    const detail = toProblems(result.errors, ctx.state.locale)
      .map((p) => p.message)
      .join(' ');
    throw new AppError('declaration_refused', { detail });
  }
  const declaration = result.value;
  const pdf = await renderDeclarationPdf(declaration, { issuedAt: ctx.now() });
  const sha256 = sha256Hex(pdf);
  const pages = await pdfPageCount(pdf);
  const id = uuidv7();
  const lines = declaration.lines.map((l) => ({ section: l.section, text: l.text }));
  await runMutation(
    ctx,
    'declarations.record',
    {
      id,
      residentId: facts.holder.id,
      article: declaration.kind,
      issuedOn: declaration.date,
      pages,
      delivery: input.delivery,
    },
    { entity: 'declaration', entityId: id, reason: 'dichiarazione sostitutiva precompilata' },
    async (trx) => {
      await trx
        .insertInto('declarations')
        .values({
          id,
          resident_id: facts.holder.id,
          article: declaration.kind,
          title: declaration.title,
          issued_on: declaration.date,
          sha256,
          delivery: input.delivery,
          issued_by: session.info.clerk.username,
          pdf,
        })
        .execute();
    },
  );
  return {
    id,
    title: declaration.title,
    lines,
    sha256,
    pages,
    pdfBase64: toBase64(pdf),
    delivery: input.delivery,
  };
}
