import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CertificateListItem,
  CertificatePreview,
  IssuedCertificate,
  IssuedDocument,
  SyncException,
} from '../../../shared/contract/views';
import { startTestDesk, type TestDesk } from '../../../test-support/desk-harness';
import { HUB_BACKENDS } from '../../../test-support/hub-backends';
import { startTestHub, type TestHub } from '../../../test-support/running-hub';
import { extractPdfText, flat } from '../documents/pdf-test-helpers';

const MARCA = '01234567890123';
const request = (extra: Record<string, unknown> = {}) => ({
  residentId: 'r-mario',
  facts: ['stato_famiglia'],
  destination: 'private_it',
  bollo: { kind: 'marca', marcaId: MARCA },
  ...extra,
});
const famiglia = (extra: Record<string, unknown> = {}) => ({ ...request(extra), delivery: 'printed' });

async function verify(hub: TestHub, id: string, sha256 = '') {
  const res = await fetch(`${hub.url}/api/public/verifica/${id}${sha256 ? `?sha256=${sha256}` : ''}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(HUB_BACKENDS)('certificates at the counter, verified at the hub (%s hub)', (backend) => {
  let hub: TestHub;
  let desk: TestDesk;
  beforeEach(async () => {
    hub = await startTestHub(backend);
    desk = await startTestDesk(hub);
    await desk.core.sync.syncOnce();
    await desk.login();
  });
  afterEach(async () => {
    await desk?.close();
    await hub?.close();
  });

  it('issues a stato di famiglia with bollo that the public page finds valid, with a matching hash', async () => {
    const preview = await desk.ok<CertificatePreview>('certificates:preview', request());
    expect(preview).toMatchObject({ ok: true, atCounterCents: 52 });

    const issued = await desk.ok<IssuedCertificate>('certificates:issue', famiglia());
    expect(issued.id).toMatch(
      new RegExp(`^B885-P1-${new Date().getFullYear()}-000001-[0-9A-HJKMNP-TV-Z]{8}$`),
    );
    const pdf = Buffer.from(issued.pdfBase64, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued.sha256);
    const text = flat((await extractPdfText(new Uint8Array(pdf))).join('\n'));
    expect(text).toContain('STATO DI FAMIGLIA');
    expect(text).toContain('2. BIANCHI ANNA, nata a Casale Monferrato il 01/01/1980');
    expect(text).toContain(`marca n. ${MARCA}`);
    expect(text).toContain('non può essere prodotto agli organi della pubblica amministrazione');
    expect(issued.verificationUrl).toBe(`${hub.url}/verifica/${issued.id}`);

    await desk.core.sync.syncOnce();
    const found = await verify(hub, issued.id, issued.sha256);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      exists: true,
      status: 'valid',
      holderInitials: 'M. R.',
      title: 'CERTIFICATO DI STATO DI FAMIGLIA',
      hash: 'match',
    });
    expect((await verify(hub, issued.id, 'a'.repeat(64))).body.hash).toBe('mismatch');

    const page = await fetch(`${hub.url}/verifica/${issued.id}`);
    const html = await page.text();
    expect(html).toContain('VALIDO');
    expect(html).toContain('M. R.');
    expect(html).not.toContain('Rossi');

    // the next one follows in the workstation's series
    const second = await desk.ok<IssuedCertificate>(
      'certificates:issue',
      famiglia({ facts: ['residenza'], bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' } }),
    );
    expect(second.id).toMatch(
      new RegExp(`^B885-P1-${new Date().getFullYear()}-000002-[0-9A-HJKMNP-TV-Z]{8}$`),
    );
    // reprint gives the very bytes the hub knows the hash of
    const reprint = await desk.ok<IssuedDocument>('certificates:pdf', { id: issued.id });
    expect(reprint.sha256).toBe(issued.sha256);
    expect(reprint.pdfBase64).toBe(issued.pdfBase64);
  });

  it('gives two certificates issued at the same time two consecutive numbers of the series', async () => {
    const exempt = famiglia({
      facts: ['residenza'],
      bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' },
    });
    const both = await Promise.all([
      desk.ok<IssuedCertificate>('certificates:issue', exempt),
      desk.ok<IssuedCertificate>('certificates:issue', exempt),
    ]);
    const year = new Date().getFullYear();
    expect(both.map((c) => c.id.slice(0, -9)).sort()).toEqual([
      `B885-P1-${year}-000001`,
      `B885-P1-${year}-000002`,
    ]);
    const stored = await desk.core.ctx.db.selectFrom('certificates').select('id').orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(both.map((c) => c.id).sort());
    // the day's till, opened once for both certificates' diritti, then the two certificates
    expect(await desk.count('outbox')).toBe(3);
    expect(await desk.count('counter_sessions')).toBe(1);
  });

  it('prints the legal reference of an exemption for pension use and charges the reduced diritti', async () => {
    const issued = await desk.ok<IssuedCertificate>(
      'certificates:issue',
      famiglia({ facts: ['residenza'], bollo: { kind: 'exempt', groundCode: 'previdenza_assistenza' } }),
    );
    const fees = issued.lines.filter((l) => l.section === 'fees').map((l) => l.text);
    expect(fees.join(' ')).toMatch(/Esente dall'imposta di bollo – art\. 9, Tabella B, d\.P\.R\. 642\/1972/);
    expect(issued.atCounterCents).toBe(26);
  });

  it('refuses Italian citizenship for a foreign national and esistenza in vita for a deceased person, storing nothing', async () => {
    const refused = await desk.ok<CertificatePreview>(
      'certificates:preview',
      request({ residentId: 'r-arben', facts: ['cittadinanza'] }),
    );
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems[0]).toMatchObject({ reason: 'not_italian_citizen', kind: 'refusal' });
    expect(refused.problems[0]?.message).toContain('HOXHA ARBEN non è cittadino/a italiano/a');

    const dead = await desk.call(
      'certificates:issue',
      famiglia({ residentId: 'r-dead', facts: ['esistenza_in_vita'] }),
    );
    expect(dead.ok).toBe(false);
    if (!dead.ok) expect(dead.error.code).toBe('certificate_refused');
    expect(await desk.count('outbox')).toBe(0);
    const stored = await desk.core.ctx.db.selectFrom('certificates').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('lets only a supervisor revoke, and the public page then says revoked', async () => {
    const issued = await desk.ok<IssuedCertificate>('certificates:issue', famiglia());
    const byClerk = await desk.call('certificates:revoke', { id: issued.id, reason: 'errore di stampa' });
    expect(byClerk.ok).toBe(false);
    if (!byClerk.ok) expect(byClerk.error.code).toBe('action_not_allowed');
    await desk.core.sync.syncOnce();

    const supervisor = await startTestDesk(hub, { workstation: 'Casale - Responsabile' });
    try {
      await supervisor.core.sync.syncOnce();
      await supervisor.login('supervisore.casale');
      const list = await supervisor.ok<CertificateListItem[]>('certificates:list', { residentId: 'r-mario' });
      expect(list.map((c) => [c.id, c.status])).toEqual([[issued.id, 'valid']]);
      const revoked = await supervisor.ok<CertificateListItem>('certificates:revoke', {
        id: issued.id,
        reason: 'dati della famiglia da rettificare',
      });
      expect(revoked).toMatchObject({ status: 'revoked', revokedBy: 'supervisore.casale' });
      await supervisor.core.sync.syncOnce();
    } finally {
      await supervisor.close();
    }
    expect((await verify(hub, issued.id)).body).toMatchObject({ status: 'revoked' });
    // the issuing counter learns it through sync
    await desk.core.sync.syncOnce();
    const mine = await desk.ok<CertificateListItem[]>('certificates:list', { residentId: 'r-mario' });
    expect(mine[0]).toMatchObject({ status: 'revoked', revokeReason: 'dati della famiglia da rettificare' });
  });

  it('refuses a marca used twice: at once on the same counter, at sync across two offline counters', async () => {
    await desk.ok('certificates:issue', famiglia());
    const again = await desk.call('certificates:issue', famiglia({ facts: ['residenza'] }));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('marca_already_used');

    const other = await startTestDesk(hub, {
      workstation: 'Casale - Anagrafe 2',
      token: await hub.enrol('Casale - Anagrafe 2'),
    });
    try {
      await other.core.sync.syncOnce();
      await other.login('anagrafe2.casale');
      const elsewhere = await other.ok<IssuedCertificate>(
        'certificates:issue',
        famiglia({ residentId: 'r-nicolo' }),
      );
      expect(elsewhere.id).toMatch(/^B885-P2-\d{4}-000001-[0-9A-HJKMNP-TV-Z]{8}$/);
      await desk.core.sync.syncOnce();
      const status = await other.core.sync.syncOnce();
      expect(status.exceptions).toBe(1);
      const [exception] = await other.ok<SyncException[]>('sync:exceptions');
      expect(exception).toMatchObject({ code: 'marca_already_used' });
    } finally {
      await other.close();
    }
    expect((await verify(hub, `B885-P2-${new Date().getFullYear()}-000001`)).status).toBe(404);
  });

  it('refuses every certificate on a record a supervisor marked not certifiable', async () => {
    const supervisor = await startTestDesk(hub, { workstation: 'Casale - Responsabile' });
    try {
      await supervisor.core.sync.syncOnce();
      await supervisor.login('supervisore.casale');
      await supervisor.ok('registry:setCertifiable', {
        residentId: 'r-nicolo',
        notCertifiable: true,
        reason: 'pratica di rettifica aperta',
      });
      await supervisor.core.sync.syncOnce();
    } finally {
      await supervisor.close();
    }
    const byClerk = await desk.call('registry:setCertifiable', {
      residentId: 'r-mario',
      notCertifiable: true,
      reason: 'prova non autorizzata',
    });
    expect(byClerk.ok).toBe(false);
    await desk.core.sync.syncOnce();
    const preview = await desk.ok<CertificatePreview>(
      'certificates:preview',
      request({ residentId: 'r-nicolo', facts: ['residenza'] }),
    );
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.problems[0]?.reason).toBe('record_not_certifiable');
  });

  it('prepares a self-declaration without bollo and records how it left the counter', async () => {
    const declaration = await desk.ok<IssuedDocument>('declarations:issue', {
      residentId: 'r-mario',
      facts: [
        { article: 46, letter: 'b' },
        { article: 46, letter: 'f' },
      ],
      identification: { kind: 'in_presence', documentType: 'cie', documentNumber: 'CA12345AB' },
      delivery: 'file',
    });
    const text = flat(
      (await extractPdfText(new Uint8Array(Buffer.from(declaration.pdfBase64, 'base64')))).join('\n'),
    );
    expect(text).toContain('Il sottoscritto ROSSI MARIO');
    expect(text).toContain('che la propria famiglia anagrafica è così composta');
    expect(text).toContain('BIANCHI ANNA');
    expect(text).toMatch(/art\. 76 .*art\. 75/);
    expect(text).toContain('esente dall’imposta di bollo');
    expect(text).toContain('CA12345AB');
    await desk.core.sync.syncOnce();
    const traces = await hub.hubDb.db.selectFrom('documents_issued').select(['kind', 'delivery']).execute();
    expect(traces).toEqual([{ kind: 'declaration', delivery: 'file' }]);
  });
});
