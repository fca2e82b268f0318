import { formatDate } from '../../shared/i18n/registry-labels';
import type { PermitVerification, PermitVerificationStatus } from '../../shared/permits/permit-wire';

/**
 * The public page a warden or a citizen reaches from a permit's QR code: whether the card is good,
 * for which plates, zone and days. Built from the verification view only (in-force.ts): never the
 * holder, the household or the ASL reference of a CUDE (health data, DOMAIN.md §12).
 */

const STATUS_TEXT: Record<PermitVerificationStatus, { label: string; note: string }> = {
  valid: { label: 'VALIDO', note: 'Il permesso risulta rilasciato e in corso di validità.' },
  not_yet_valid: {
    label: 'NON ANCORA VALIDO',
    note: 'Il permesso è stato rilasciato ma la validità non è ancora iniziata.',
  },
  expired: { label: 'SCADUTO', note: 'Il permesso è stato rilasciato ma la validità è terminata.' },
  revoked: { label: 'REVOCATO', note: 'Il permesso è stato revocato dal Comune e non ha più valore.' },
  superseded: {
    label: 'SOSTITUITO',
    note: 'Il permesso è stato sostituito da un duplicato (smarrimento, furto o deterioramento): questo esemplare non ha più valore.',
  },
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font-family:"Titillium Web",system-ui,sans-serif;margin:0;background:#f5f7fa;color:#17324d}
header{background:#0066cc;color:#fff;padding:16px 24px}header h1{margin:0;font-size:1.3rem}
main{max-width:640px;margin:24px auto;background:#fff;padding:24px;border-radius:6px;box-shadow:0 1px 3px #0002}
.status{font-size:1.6rem;font-weight:700;padding:8px 12px;border-radius:4px;display:inline-block}
.valid{background:#e6f4ea;color:#00713a}.expired,.not_yet_valid{background:#fff4e5;color:#995c00}.revoked,.superseded{background:#fdecea;color:#a61b1b}
dl{display:grid;grid-template-columns:12rem 1fr;gap:6px 12px}dt{font-weight:600}dd{margin:0}
footer{max-width:640px;margin:0 auto 24px;font-size:.85rem;color:#5c6f82}`;

function layout(title: string, body: string, nonce: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body><header><h1>Verifica permessi ZTL, sosta e contrassegni</h1></header><main>${body}</main><footer>Servizio di verifica dei permessi rilasciati dagli sportelli Sportello. La pagina non mostra il titolare.</footer></body></html>`;
}

const when = (date: string, time: string | null): string =>
  time === null ? formatDate(date) : `${formatDate(date)} ${time.slice(11, 16)}`;

export function renderPermitPage(view: PermitVerification, comuneName: string, nonce: string): string {
  const s = STATUS_TEXT[view.status];
  const plates =
    view.plates.length > 0 ? view.plates.map((p) => `${p.plate} (${p.country})`).join(', ') : '—';
  const body = `<p>Permesso <strong data-number>${escapeHtml(view.number)}</strong> del Comune di ${escapeHtml(comuneName)}</p>
<p class="status ${view.status}" data-status="${view.status}">${s.label}</p><p>${escapeHtml(s.note)}</p>
<dl><dt>Tipo</dt><dd data-kind="${view.kind}">${escapeHtml(view.kindLabel.it)}</dd><dt>Targhe</dt><dd data-plates>${escapeHtml(plates)}</dd>
<dt>Zona</dt><dd data-zone>${escapeHtml(view.zone ?? 'tutte le ZTL del Comune')}</dd>
<dt>Valido dal</dt><dd>${when(view.validFrom, view.validFromAt)}</dd><dt>Valido fino al</dt><dd>${when(view.validTo, view.validToAt)}</dd></dl>`;
  return layout(`Permesso ${view.number}`, body, nonce);
}

export function renderPermitNotFoundPage(number: string, nonce: string): string {
  return layout(
    'Permesso non trovato',
    `<p class="status revoked" data-status="not_found">NON TROVATO</p><p>Nessun permesso corrisponde a <strong>${escapeHtml(number.slice(0, 60))}</strong> con la chiave indicata. Controllare il codice QR; se è corretto, il documento non è autentico.</p>`,
    nonce,
  );
}

export function renderPermitRateLimitedPage(message: string, nonce: string): string {
  return layout(
    'Troppe verifiche',
    `<p class="status expired" data-status="rate_limited">ATTENDERE</p><p>${escapeHtml(message)}</p>`,
    nonce,
  );
}
