import type { ConcessionVerificationView } from '../../shared/canone/canone-views';
import type { ConcessionCheck } from '../../shared/canone/canone-wire';
import { formatDate } from '../../shared/i18n/registry-labels';

/**
 * The hub's HTML pages of the canone: the public page of a concession's QR code (whether the
 * concession is in force, for what and where: no applicant's codes, no money) and the tariff
 * tables for supervisors, uncertain values marked as such.
 */

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STATUS_TEXT: Record<ConcessionCheck, { label: string; note: string }> = {
  valid: { label: 'VALIDA', note: 'La concessione risulta rilasciata e in vigore.' },
  not_yet_valid: {
    label: 'NON ANCORA IN VIGORE',
    note: 'La concessione è rilasciata ma il periodo non è ancora iniziato.',
  },
  ended: { label: 'TERMINATA', note: 'Il periodo della concessione è terminato.' },
  revoked: { label: 'REVOCATA', note: 'La concessione è stata revocata dal Comune e non ha più valore.' },
};

const STYLE = `
body{font-family:"Titillium Web",system-ui,sans-serif;margin:0;background:#f5f7fa;color:#17324d}
header{background:#0066cc;color:#fff;padding:16px 24px}header h1{margin:0;font-size:1.3rem}
main{max-width:960px;margin:24px auto;background:#fff;padding:24px;border-radius:6px;box-shadow:0 1px 3px #0002}
.status{font-size:1.6rem;font-weight:700;padding:8px 12px;border-radius:4px;display:inline-block}
.valid{background:#e6f4ea;color:#00713a}.ended,.not_yet_valid{background:#fff4e5;color:#995c00}.revoked{background:#fdecea;color:#a61b1b}
dl{display:grid;grid-template-columns:12rem 1fr;gap:6px 12px}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:12px 0}th,td{border-bottom:1px solid #d9dadb;padding:4px 8px;text-align:left}
.u{background:#fff4e5;color:#995c00;font-weight:600}
footer{max-width:960px;margin:0 auto 24px;font-size:.85rem;color:#5c6f82}`;

export function layout(title: string, heading: string, body: string, nonce: string, footer: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body><header><h1>${escapeHtml(heading)}</h1></header><main>${body}</main><footer>${escapeHtml(footer)}</footer></body></html>`;
}

const VERIFY_HEADING = 'Verifica concessioni di suolo pubblico e pubblicità (canone unico)';
const VERIFY_FOOTER =
  'Servizio di verifica delle concessioni rilasciate dal Comune. La pagina non mostra i dati del concessionario.';

export function renderConcessionPage(
  view: ConcessionVerificationView,
  comuneName: string,
  nonce: string,
): string {
  const s = STATUS_TEXT[view.check];
  const unit = view.unit === 'm2' ? 'm²' : 'metri lineari';
  const body = `<p>Concessione <strong data-number>${escapeHtml(view.number)}</strong> del Comune di ${escapeHtml(comuneName)}</p>
<p class="status ${view.check}" data-status="${view.check}">${s.label}</p><p>${escapeHtml(s.note)}</p>
<dl><dt>Tipo</dt><dd data-category>${escapeHtml(view.categoryLabel.it)}</dd><dt>Luogo</dt><dd data-address>${escapeHtml(view.address)}</dd>
<dt>Misura</dt><dd>${String(view.measure).replace('.', ',')} ${unit}</dd>
<dt>Dal</dt><dd>${formatDate(view.validFrom)}</dd><dt>Al</dt><dd>${view.validTo === null ? 'fino a revoca (permanente)' : formatDate(view.validTo)}</dd></dl>`;
  return layout(`Concessione ${view.number}`, VERIFY_HEADING, body, nonce, VERIFY_FOOTER);
}

export function renderConcessionNotFoundPage(number: string, nonce: string): string {
  return layout(
    'Concessione non trovata',
    VERIFY_HEADING,
    `<p class="status revoked" data-status="not_found">NON TROVATA</p><p>Nessuna concessione corrisponde a <strong>${escapeHtml(number.slice(0, 60))}</strong> con la chiave indicata. Controllare il codice QR; se è corretto, il documento non è autentico.</p>`,
    nonce,
    VERIFY_FOOTER,
  );
}

export function renderRateLimitedPage(message: string, nonce: string): string {
  return layout(
    'Troppe verifiche',
    VERIFY_HEADING,
    `<p class="status ended" data-status="rate_limited">ATTENDERE</p><p>${escapeHtml(message)}</p>`,
    nonce,
    VERIFY_FOOTER,
  );
}
