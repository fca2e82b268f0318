/**
 * Keyboard commands as small objects (Excalidraw's actions): a pure `keyTest` and a named
 * intent, so shortcuts and barcode-scanner input are testable without rendering.
 */
export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

export type Intent =
  'focusSearch' | 'back' | 'toggleLanguage' | 'logout' | 'openSync' | 'newCertificate' | 'newDeclaration';

export interface Command {
  intent: Intent;
  /** shown in the help line and the button titles */
  shortcut: string;
  keyTest(e: KeyLike): boolean;
}

export const COMMANDS: Command[] = [
  { intent: 'focusSearch', shortcut: 'F2', keyTest: (e) => e.key === 'F2' },
  { intent: 'back', shortcut: 'Esc', keyTest: (e) => e.key === 'Escape' },
  { intent: 'openSync', shortcut: 'F9', keyTest: (e) => e.key === 'F9' },
  { intent: 'newCertificate', shortcut: 'F4', keyTest: (e) => e.key === 'F4' },
  { intent: 'newDeclaration', shortcut: 'F6', keyTest: (e) => e.key === 'F6' },
  { intent: 'toggleLanguage', shortcut: 'Alt+L', keyTest: (e) => e.altKey && e.key.toLowerCase() === 'l' },
  {
    intent: 'logout',
    shortcut: 'Ctrl+Shift+Q',
    keyTest: (e) => e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'q',
  },
];

export function intentFor(e: KeyLike): Intent | null {
  return COMMANDS.find((c) => c.keyTest(e))?.intent ?? null;
}

/** Moves the highlighted row of a result list; stays inside the list. */
export function moveSelection(current: number, key: string, length: number): number {
  if (length === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, length - 1);
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'PageDown':
      return Math.min(current + 10, length - 1);
    case 'PageUp':
      return Math.max(current - 10, 0);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return current;
  }
}
