import { coatOfArmsBytes } from '../../../resources/coats-of-arms/load-coat-of-arms';
import { randomBytes } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { tillForFees } from '../cashdesk/cashdesk-service';
import { buildCertificate, type Certificate } from '../../../shared/certificates/build-certificate';
import type { CertificateError } from '../../../shared/certificates/certificate-errors';
import {
  nextCertificateId,
  parseCertificateId,
  withCertificateKey,
} from '../../../shared/certificates/certificate-id';
import { holderInitials, verificationStatus } from '../../../shared/certificates/certificate-record';
import { romeDateOf } from '../../../shared/calendar/rome-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import type { CertificateRequestInput } from '../../../shared/contract/document-inputs';
import type { CertificateListItem, DocumentProblem } from '../../../shared/contract/views';
import { requireAllowed } from '../../../shared/auth/policy';
import { AppError } from '../../../shared/errors/app-error';
import type { Locale } from '../../../shared/i18n/locale';
import { sha256Hex, toBase64 } from '../bytes';
import { requireSession, type DeskContext } from '../context';
import { reserveNext } from '../db/series-counter';
import { renderCertificatePdf } from '../documents/certificate-pdf';
import { pdfPageCount } from '../documents/pdf-page-count';
import { runMutation } from '../sync/run-mutation';
import { findCertificateRow, findMarcaUse, listCertificatesOf } from './certificate-repository';
import { deskIssuer } from './issuer';
import { loadHolderFacts } from './registry-input';

/** The last identifier this workstation issued: the next one follows it (per-workstation series). */
const LAST_ID_KEY = 'certificates.last_id';
/** The placeholder counter of drafts. */
const PREVIEW_COUNTER = 999_999;

export const toProblems = (errors: readonly CertificateError[], locale: Locale): DocumentProblem[] =>
  errors.map((e) => ({ reason: e.reason, kind: e.kind, message: e.message[locale] }));

/** Everything a certificate needs but its number: `make(id)` builds it (pure, cheap to repeat). */
async function prepare(ctx: DeskContext, input: CertificateRequestInput, signature: 'autograph' | 'printed') {
  const session = requireSession(ctx);
  const { issuer, series, hubBase } = await deskIssuer(ctx, session);
  const today = romeDateOf(ctx.now());
  const comune = issuer.comune.belfiore;
  const facts = await loadHolderFacts(ctx.db, input.residentId, comune);
  const make = (certificateId: string) =>
    buildCertificate({
      certificateId,
      issuer,
      holder: facts.holder,
      household: facts.household,
      history: facts.history,
      facts: input.facts,
      storico: input.storico ?? null,
      destination: input.destination,
      requestDate: today,
      bollo: input.bollo,
      signature,
      hubBase,
    });
  return { make, session, facts, series, comune, today };
}

/** Drafts get a placeholder number: previews never consume one from the series. */
const previewId = (series: string, comune: string, today: string): string =>
  `${comune}-${series}-${today.slice(0, 4)}-${String(PREVIEW_COUNTER)}`;

const refusal = (errors: readonly CertificateError[], locale: Locale) =>
  new AppError('certificate_refused', {
    detail: toProblems(errors, locale)
      .map((p) => p.message)
      .join(' '),
  });

/** What the certificate would say and cost, or why it cannot be issued: nothing is stored. */
export async function previewCertificate(
  ctx: DeskContext,
  input: CallInput<'certificates:preview'>,
): Promise<CallOutput<'certificates:preview'>> {
  const { make, series, comune, today } = await prepare(ctx, input, 'autograph');
  const result = make(previewId(series, comune, today));
  if (!result.ok) return { ok: false, problems: toProblems(result.errors, ctx.state.locale) };
  const c = result.value;
  const pending = ctx.state.locale === 'it' ? '(numero assegnato al rilascio)' : '(number given at issue)';
  return {
    ok: true,
    title: c.title,
    lines: c.lines.map((l) => ({ section: l.section, text: l.text.replaceAll(c.id, pending) })),
    atCounterCents: c.fees.atCounterCents,
    totalCents: c.fees.totalCents,
    feeLines: c.fees.lines.map((l) => l.text[ctx.state.locale]),
    validUntil: c.validity.kind === 'limited' ? c.validity.validUntil : null,
    warnings: [...c.warnings],
  };
}

/**
 * Issues the certificate: the next number of this workstation's series (taken in its own short
 * transaction, so concurrent issues never share one; a failure later leaves a harmless gap), then
 * the PDF, its SHA-256, the local record and the mutation that makes it verifiable at the hub, in
 * one transaction. A handed-out printout must be findable: if any of those fails, nothing is kept.
 */
export async function issueCertificate(
  ctx: DeskContext,
  input: CallInput<'certificates:issue'>,
): Promise<CallOutput<'certificates:issue'>> {
  if (input.bollo.kind === 'marca') {
    const used = await findMarcaUse(ctx.db, input.bollo.marcaId.trim());
    if (used) throw new AppError('marca_already_used', { marcaId: input.bollo.marcaId.trim(), id: used.id });
  }
  // Printed on paper: the clerk signs by hand; as a file: the printed-signature wording.
  const signature = input.delivery === 'printed' ? 'autograph' : 'printed';
  const { make, session, facts, series, comune, today } = await prepare(ctx, input, signature);
  // Refusals are found on a draft, so they never take a number from the series.
  const draft = make(previewId(series, comune, today));
  if (!draft.ok) throw refusal(draft.errors, ctx.state.locale);
  // The diritti shown "to collect" are money taken at this counter: they go into the clerk's till.
  const tillSessionId = draft.value.fees.atCounterCents > 0 ? await tillForFees(ctx) : null;
  const id = await reserveNext(ctx.db, LAST_ID_KEY, (last) => {
    const previous = last ? parseCertificateId(last) : null;
    const next = nextCertificateId({
      previous: previous?.ok ? previous.value : null,
      comune,
      series,
      issueDate: today,
    });
    if (!next.ok) throw new AppError('certificate_refused', { detail: next.errors[0]?.message.it ?? '' });
    return withCertificateKey(next.value.id, randomBytes(5));
  });
  const result = make(id);
  if (!result.ok) throw refusal(result.errors, ctx.state.locale);
  const certificate: Certificate = result.value;
  const issuedAt = ctx.now();
  // the comune's own image when IT installed one, else the neutral emblem (never a crash)
  const coatOfArms = coatOfArmsBytes(comune) ?? undefined;
  const pdf = await renderCertificatePdf(certificate, { issuedAt, coatOfArms });
  const sha256 = sha256Hex(pdf);
  const pages = await pdfPageCount(pdf);
  const validUntil = certificate.validity.kind === 'limited' ? certificate.validity.validUntil : null;
  const lines = certificate.lines.map((l) => ({ section: l.section, text: l.text }));
  const marcaId = input.bollo.kind === 'marca' ? input.bollo.marcaId.trim() : null;
  await runMutation(
    ctx,
    'certificates.record',
    {
      id: certificate.id,
      residentId: facts.holder.id,
      holderInitials: holderInitials(facts.holder.givenNames, facts.holder.surname),
      title: certificate.title,
      facts: [...input.facts],
      storicoReferenceDate: certificate.storico?.referenceDate ?? null,
      destination: certificate.destination,
      issuedOn: certificate.issuedOn,
      issuedAt: issuedAt.toISOString(),
      validUntil,
      bollo:
        input.bollo.kind === 'marca'
          ? { kind: 'marca', marcaId: marcaId ?? '' }
          : { kind: 'exempt', groundCode: input.bollo.groundCode },
      dirittiCents: certificate.fees.atCounterCents,
      tillSessionId,
      sha256,
      pages,
      delivery: input.delivery,
    },
    {
      entity: 'certificate',
      entityId: certificate.id,
      reason: `rilascio ${certificate.title.toLowerCase()}`,
    },
    async (trx) => {
      await trx
        .insertInto('certificates')
        .values({
          id: certificate.id,
          resident_id: facts.holder.id,
          title: certificate.title,
          facts: JSON.stringify(input.facts),
          destination: certificate.destination,
          issued_on: certificate.issuedOn,
          valid_until: validUntil,
          marca_id: marcaId,
          sha256,
          delivery: input.delivery,
          issued_by: session.info.clerk.username,
          status: 'valid',
          revoked_at: null,
          revoked_by: null,
          revoke_reason: null,
          pdf,
          content: JSON.stringify(lines),
        })
        .execute();
      if (tillSessionId !== null) {
        await trx
          .insertInto('certificate_fees')
          .values({
            id: uuidv7(),
            session_id: tillSessionId,
            certificate_id: certificate.id,
            channel: 'cash',
            amount_cents: certificate.fees.atCounterCents,
            paid_at: issuedAt.toISOString(),
            clerk: session.info.clerk.username,
          })
          .execute();
      }
    },
  );
  return {
    id: certificate.id,
    title: certificate.title,
    lines,
    sha256,
    pages,
    pdfBase64: toBase64(pdf),
    delivery: input.delivery,
    verificationUrl: certificate.verificationUrl,
    atCounterCents: certificate.fees.atCounterCents,
    validUntil,
  };
}

/** The stored PDF, byte for byte: a reprint still matches the hash the hub verifies. */
export async function certificatePdf(
  ctx: DeskContext,
  input: CallInput<'certificates:pdf'>,
): Promise<CallOutput<'certificates:pdf'>> {
  requireSession(ctx);
  const row = await findCertificateRow(ctx.db, input.id.trim().toUpperCase());
  if (!row) throw new AppError('certificate_not_found', { id: input.id });
  if (!row.pdf) throw new AppError('certificate_pdf_elsewhere', { id: row.id });
  const pdf = new Uint8Array(row.pdf);
  return {
    id: row.id,
    title: row.title,
    lines: row.content ? (JSON.parse(row.content) as { section: string; text: string }[]) : [],
    sha256: row.sha256,
    pages: await pdfPageCount(pdf),
    pdfBase64: toBase64(pdf),
    delivery: row.delivery,
  };
}

export async function listCertificates(
  ctx: DeskContext,
  input: CallInput<'certificates:list'>,
): Promise<CertificateListItem[]> {
  requireSession(ctx);
  const today = romeDateOf(ctx.now());
  const rows = await listCertificatesOf(ctx.db, input.residentId);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    destination: r.destination,
    delivery: r.delivery,
    issuedBy: r.issued_by,
    status: verificationStatus(
      { revokedAt: r.status === 'revoked' ? (r.revoked_at ?? 'pending') : null, validUntil: r.valid_until },
      today,
    ),
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
    revokeReason: r.revoke_reason,
    hasPdf: Boolean(r.has_pdf),
  }));
}

/** Supervisors only, with a reason; the verification page says "revocato" once the hub has it. */
export async function revokeCertificate(
  ctx: DeskContext,
  input: CallInput<'certificates:revoke'>,
): Promise<CertificateListItem> {
  requireAllowed(requireSession(ctx).info.clerk.role, 'certificates.revoke');
  const row = await findCertificateRow(ctx.db, input.id);
  if (!row) throw new AppError('certificate_not_found', { id: input.id });
  if (row.status === 'revoked') throw new AppError('certificate_already_revoked', { id: input.id });
  await runMutation(ctx, 'certificates.revoke', input, {
    entity: 'certificate',
    entityId: input.id,
    reason: `revoca: ${input.reason}`,
  });
  const list = await listCertificates(ctx, { residentId: row.resident_id });
  const item = list.find((c) => c.id === row.id);
  if (!item) throw new AppError('certificate_not_found', { id: input.id });
  return item;
}
