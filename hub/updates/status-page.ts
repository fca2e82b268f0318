import type { WorkstationUpdateStatus } from './reports';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const OUTCOME: Record<string, string> = {
  failed: 'non riuscito',
  installed: 'installato',
  downloaded: 'scaricato, in attesa',
  none: '—',
};

const STYLE =
  'body{font:15px system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #ddd}tr.failed td{background:#fde8e8}caption{text-align:left;font-weight:600;margin-bottom:.5rem}';

/** The admin's page: workstations by version and ring, failures first (Italian, as the desk). */
export function renderStatusPage(
  comuneName: string,
  rows: readonly WorkstationUpdateStatus[],
  nonce: string,
): string {
  const failed = rows.filter((r) => r.outcome === 'failed').length;
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.outcome === 'failed' ? 'failed' : ''}"><td>${esc(r.name)}</td><td>${esc(r.ring)}</td><td>${esc(r.version ?? 'mai segnalata')}</td><td>${esc(OUTCOME[r.outcome ?? 'none'] ?? r.outcome ?? '')}${r.triedVersion && r.outcome !== 'none' ? ` (${esc(r.triedVersion)})` : ''}</td><td>${esc(r.message ?? '')}</td><td>${esc(r.reportedAt?.slice(0, 16).replace('T', ' ') ?? '')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Aggiornamenti delle postazioni</title><style nonce="${nonce}">${STYLE}</style></head><body><h1>Aggiornamenti delle postazioni — ${esc(comuneName)}</h1><p>${rows.length} postazioni, ${failed} con l’ultimo aggiornamento non riuscito.</p><table><caption>Per esito, anello e versione</caption><thead><tr><th>Postazione</th><th>Anello</th><th>Versione</th><th>Ultimo aggiornamento</th><th>Messaggio</th><th>Segnalato (UTC)</th></tr></thead><tbody>${body}</tbody></table></body></html>`;
}
