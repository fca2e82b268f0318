import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/**
 * WCAG 2.1 AA, the level Italian public administrations must meet (Legge Stanca, AgID
 * guidelines): axe-core's rules tagged for it, nothing best-practice only.
 */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** What fails a screen: a serious or critical violation (minor/moderate are reported, not fatal). */
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** The page's WCAG 2.1 AA violations, as axe-core (the maintained engine) finds them now. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // strings, not functions: this file is typed for Node, the code runs in the page
  const loaded = await page.evaluate<boolean>("'axe' in window");
  // The desk's page forbids inline scripts (CSP script-src 'self'), so addScriptTag is refused:
  // the engine is evaluated through the devtools protocol instead, which the page's CSP does not govern.
  if (!loaded) await page.evaluate(`${axeSource()}\n;void 0`);
  const options = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };
  const results = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(options)})`);
  return results.violations.map((v: Result) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** One line per violation: rule, impact, the elements (first few) and what to do. */
export function describeFindings(screen: string, findings: AxeFinding[]): string {
  return findings
    .map((f) => {
      const shown =
        f.targets.slice(0, 5).join(', ') + (f.targets.length > 5 ? ` (+${f.targets.length - 5})` : '');
      return `${screen}: ${f.rule} [${f.impact}] ${shown} — ${f.help}`;
    })
    .join('\n');
}

/**
 * Fails with a readable list (rule, target, help) when the screen now on the page has a serious
 * or critical WCAG 2.1 AA violation; returns every finding, for the ones that only get reported.
 */
export async function expectAccessible(page: Page, screen: string): Promise<AxeFinding[]> {
  const findings = await axeFindings(page);
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  if (blocking.length > 0)
    throw new Error(`accessibility violations on "${screen}":\n${describeFindings(screen, blocking)}`);
  return findings;
}
