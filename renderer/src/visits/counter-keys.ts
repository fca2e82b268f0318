import type { KeyLike } from '../commands/commands';

/**
 * The counter's queue keys, pure like the shell's commands. F9 is the shell's (sync), so calling
 * is Shift+F9; the actions on the called ticket are Alt+Shift+letter, Italian initials:
 * Richiama, Non presentato, Inizia, Fine, Trasferisci. Plain Alt+letter belongs to the page the
 * call opens (Alt+R change of residence, Alt+I a new ISEE, Alt+A the case queue).
 */
export type CounterIntent = 'callNext' | 'recall' | 'no_show' | 'start' | 'end' | 'transfer';

export const COUNTER_KEYS: { intent: CounterIntent; shortcut: string; keyTest: (e: KeyLike) => boolean }[] = [
  { intent: 'callNext', shortcut: 'Maiusc+F9', keyTest: (e) => e.shiftKey && e.key === 'F9' },
  {
    intent: 'recall',
    shortcut: 'Alt+Maiusc+R',
    keyTest: (e) => e.altKey && e.shiftKey && e.key.toLowerCase() === 'r',
  },
  {
    intent: 'no_show',
    shortcut: 'Alt+Maiusc+N',
    keyTest: (e) => e.altKey && e.shiftKey && e.key.toLowerCase() === 'n',
  },
  {
    intent: 'start',
    shortcut: 'Alt+Maiusc+I',
    keyTest: (e) => e.altKey && e.shiftKey && e.key.toLowerCase() === 'i',
  },
  {
    intent: 'end',
    shortcut: 'Alt+Maiusc+F',
    keyTest: (e) => e.altKey && e.shiftKey && e.key.toLowerCase() === 'f',
  },
  {
    intent: 'transfer',
    shortcut: 'Alt+Maiusc+T',
    keyTest: (e) => e.altKey && e.shiftKey && e.key.toLowerCase() === 't',
  },
];

export const counterIntentFor = (e: KeyLike): CounterIntent | null =>
  COUNTER_KEYS.find((k) => k.keyTest(e))?.intent ?? null;

export const shortcutOf = (intent: CounterIntent): string =>
  COUNTER_KEYS.find((k) => k.intent === intent)?.shortcut ?? '';

/** What the clerk typed in the transfer box: a line letter or a counter number. */
export function transferTarget(text: string): { toLine: string } | { toCounter: number } | null {
  const t = text.trim().toUpperCase();
  if (/^[A-Z]$/.test(t)) return { toLine: t };
  if (/^\d{1,2}$/.test(t) && Number(t) >= 1) return { toCounter: Number(t) };
  return null;
}
