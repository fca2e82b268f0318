import type { Locale } from '../../shared/i18n/locale';
import type { OfficePlan } from './office-plans';

/**
 * The public pages, server-rendered: booking (phone first), the kiosk at the door and the
 * waiting-room display. Plain forms work without script; the display alone polls. WCAG 2.1 AA:
 * one h1, labelled fields, errors announced (role=alert) and tied to the form, 4.5:1 contrast,
 * targets of at least 44 px, the language declared on the page. No person is ever named here.
 */

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;background:#f5f7fa;color:#17324d;font-size:1.05rem;line-height:1.5}
header{background:#004d99;color:#fff;padding:12px 16px}header p{margin:0;font-size:1.2rem;font-weight:700}
header nav a{color:#fff}
main{max-width:40rem;margin:0 auto;background:#fff;padding:16px}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.15rem}
a{color:#004d99}
ul.choices{list-style:none;padding:0}ul.choices li{margin:.5rem 0}
ul.choices a,button,.slot label{display:block;min-height:44px;padding:10px 12px;border:2px solid #004d99;border-radius:6px;text-decoration:none;background:#fff;color:#004d99;font-size:1.05rem;width:100%;text-align:left}
button{background:#004d99;color:#fff;font-weight:700;text-align:center;cursor:pointer}
fieldset{border:1px solid #5c6f82;border-radius:6px;margin:0 0 1rem;padding:8px 12px}
legend{font-weight:700;padding:0 4px}
.slots{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:8px}
.slot input{position:absolute;opacity:0;width:1px;height:1px}.slot input:checked+span{font-weight:700}
.slot input:checked~*,.slot label:has(input:checked){background:#004d99;color:#fff}
.slot input:focus-visible+span{outline:3px solid #cc3300;outline-offset:2px}
label.field{display:block;margin:.6rem 0 .2rem;font-weight:600}
input[type=text],input[type=email],input[type=tel],input[type=date]{width:100%;min-height:44px;padding:8px;border:2px solid #5c6f82;border-radius:6px;font-size:1.05rem}
:focus-visible{outline:3px solid #cc3300;outline-offset:2px}
.hint{color:#3d4d5c;font-size:.95rem;margin:.2rem 0}
.error{background:#fdecea;color:#8a1414;border-left:6px solid #a61b1b;padding:8px 12px;margin:0 0 1rem}
.ok{background:#e6f4ea;color:#0b5a2e;border-left:6px solid #00713a;padding:8px 12px}
.code{font-size:2.4rem;font-weight:800;letter-spacing:.15em;font-family:ui-monospace,monospace}
.qr svg{width:12rem;height:12rem}
.days{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}.days a{display:block;min-height:44px;padding:10px;border:2px solid #004d99;border-radius:6px}
.days a[aria-current]{background:#004d99;color:#fff}
.ticket{font-size:4rem;font-weight:800;text-align:center;font-family:ui-monospace,monospace}
footer{max-width:40rem;margin:0 auto 16px;padding:8px 16px;font-size:.9rem;color:#3d4d5c}`;

export interface PageFrame {
  lang: Locale;
  title: string;
  plan: OfficePlan;
  /** the same page in the other language */
  otherLangHref: string;
  nonce: string;
  script?: string;
  extraStyle?: string;
}

const T = {
  it: { other: 'English', otherLang: 'en', footer: 'Questa pagina non mostra dati di persone.' },
  en: { other: 'Italiano', otherLang: 'it', footer: 'This page never shows anyone’s personal data.' },
} as const;

export function page(f: PageFrame, main: string): string {
  const t = T[f.lang];
  const script = f.script ? `<script nonce="${f.nonce}">${f.script}</script>` : '';
  return `<!doctype html><html lang="${f.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(f.title)} – ${esc(f.plan.name[f.lang])}</title><style nonce="${f.nonce}">${STYLE}${f.extraStyle ?? ''}</style></head><body><header><p>${esc(f.plan.name[f.lang])}</p><nav aria-label="${f.lang === 'it' ? 'Lingua' : 'Language'}"><a href="${esc(f.otherLangHref)}" lang="${t.otherLang}" hreflang="${t.otherLang}">${t.other}</a></nav></header><main>${main}</main><footer>${esc(f.plan.address)} · ${t.footer}</footer>${script}</body></html>`;
}
