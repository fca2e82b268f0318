import type { VerificationStatus } from '../../shared/certificates/certificate-record';
import { formatDate } from '../../shared/i18n/registry-labels';

/** What the public page may say of a certificate: never the holder's name or the facts. */
export interface VerificationView {
  id: string;
  comuneName: string;
  holderInitials: string;
  title: string;
  issuedOn: string;
  validUntil: string | null;
  status: VerificationStatus;
  revokedOn: string | null;
}

export type HashCheck = { kind: 'none' } | { kind: 'match' } | { kind: 'mismatch' } | { kind: 'invalid' };

const STATUS_TEXT: Record<VerificationStatus, { label: string; note: string }> = {
  valid: { label: 'VALIDO', note: 'Il certificato risulta emesso e in corso di validità.' },
  expired: {
    label: 'SCADUTO',
    note: "Il certificato è stato emesso ma la validità di sei mesi è trascorsa (art. 41 d.P.R. 445/2000). Resta utilizzabile se l'interessato dichiara in calce che i dati non sono cambiati.",
  },
  revoked: {
    label: 'REVOCATO',
    note: "Il certificato è stato revocato dall'ufficio che lo ha emesso e non ha più valore.",
  },
  not_verifiable: {
    label: 'NON VERIFICABILE',
    note: "I dati di questo certificato non corrispondono a quelli dell'anagrafe comunale: il Comune non può garantirlo e non va accettato come valido. Rivolgersi all'ufficio anagrafe.",
  },
};

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
body{font-family:"Titillium Web",system-ui,sans-serif;margin:0;background:#f5f7fa;color:#17324d}
header{background:#0066cc;color:#fff;padding:16px 24px}header h1{margin:0;font-size:1.3rem}
main{max-width:640px;margin:24px auto;background:#fff;padding:24px;border-radius:6px;box-shadow:0 1px 3px #0002}
.status{font-size:1.6rem;font-weight:700;padding:8px 12px;border-radius:4px;display:inline-block}
.valid{background:#e6f4ea;color:#00713a}.expired{background:#fff4e5;color:#995c00}.revoked,.not_verifiable{background:#fdecea;color:#a61b1b}
dl{display:grid;grid-template-columns:12rem 1fr;gap:6px 12px}dt{font-weight:600}dd{margin:0}
.hash{margin-top:20px;padding:12px;border:1px solid #c5d0db;border-radius:4px}
.ok{color:#00713a;font-weight:700}.ko{color:#a61b1b;font-weight:700}
footer{max-width:640px;margin:0 auto 24px;font-size:.85rem;color:#5c6f82}`;

function layout(title: string, body: string, nonce: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body><header><h1>Verifica certificati anagrafici</h1></header><main>${body}</main><footer>Servizio di verifica dei certificati emessi dagli sportelli Sportello. La pagina mostra solo le iniziali dell'intestatario.</footer></body></html>`;
}

function hashSection(id: string, check: HashCheck, nonce: string): string {
  const result =
    check.kind === 'match'
      ? '<p class="ok" data-hash="match">Il file presentato è identico all’originale emesso (impronta SHA-256 corrispondente).</p>'
      : check.kind === 'mismatch'
        ? '<p class="ko" data-hash="mismatch">Il file presentato NON corrisponde all’originale emesso: potrebbe essere stato modificato.</p>'
        : check.kind === 'invalid'
          ? '<p class="ko" data-hash="invalid">Impronta non valida: servono 64 caratteri esadecimali.</p>'
          : '';
  // The file never leaves the browser: only its SHA-256 travels, in the address.
  const script = `document.getElementById('file').addEventListener('change',async e=>{const f=e.target.files[0];if(!f)return;const d=await crypto.subtle.digest('SHA-256',await f.arrayBuffer());const h=[...new Uint8Array(d)].map(b=>b.toString(16).padStart(2,'0')).join('');location.search='?sha256='+h;});`;
  return `<section class="hash"><h2>Confronta un file</h2>${result}<p>Scegliere il PDF ricevuto: il controllo avviene su questo computer, il file non viene inviato.</p><input type="file" id="file" accept="application/pdf"><form method="get" action="/verifica/${escapeHtml(id)}"><label>oppure incollare l'impronta SHA-256 <input name="sha256" size="40" maxlength="64"></label> <button>Verifica</button></form><script nonce="${nonce}">${script}</script></section>`;
}

export function renderVerificationPage(view: VerificationView, check: HashCheck, nonce: string): string {
  const s = STATUS_TEXT[view.status];
  const validity = view.validUntil
    ? formatDate(view.validUntil)
    : 'illimitata (fatti non soggetti a modificazioni)';
  const body = `<p>Certificato <strong data-id>${escapeHtml(view.id)}</strong> del Comune di ${escapeHtml(view.comuneName)}</p>
<p class="status ${view.status}" data-status="${view.status}">${s.label}</p><p>${escapeHtml(s.note)}</p>
<dl><dt>Tipo</dt><dd>${escapeHtml(view.title)}</dd><dt>Intestatario</dt><dd>${escapeHtml(view.holderInitials)}</dd>
<dt>Data di rilascio</dt><dd>${formatDate(view.issuedOn)}</dd><dt>Valido fino al</dt><dd>${escapeHtml(validity)}</dd>${
    view.revokedOn ? `<dt>Revocato il</dt><dd>${formatDate(view.revokedOn)}</dd>` : ''
  }</dl>${hashSection(view.id, check, nonce)}`;
  return layout(`Certificato ${view.id}`, body, nonce);
}

export function renderNotFoundPage(id: string, nonce: string, malformed: boolean): string {
  const text = malformed
    ? `«${escapeHtml(id.slice(0, 60))}» non è un numero di certificato valido (formato COMUNE-SERIE-ANNO-NNNNNN-CHIAVE, ad es. B885-P1-2026-000042-7KQ3ZP9M).`
    : `Nessun certificato con numero <strong>${escapeHtml(id)}</strong> risulta emesso. Controllare il numero stampato sotto il codice QR; se è corretto, il documento non è autentico.`;
  return layout(
    'Certificato non trovato',
    `<p class="status revoked" data-status="not_found">NON TROVATO</p><p>${text}</p>`,
    nonce,
  );
}

/** Too many verifications from one address: said in words, with when to try again. */
export function renderRateLimitedPage(message: string, nonce: string): string {
  return layout(
    'Troppe verifiche',
    `<p class="status expired" data-status="rate_limited">ATTENDERE</p><p>${escapeHtml(message)}</p>`,
    nonce,
  );
}
