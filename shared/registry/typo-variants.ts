/**
 * Every A–Z string one edit away from `word` (a normalised surname): a letter left out, one too
 * many, one wrong, or two neighbours swapped ("stefanseu", "rosssi", "bianchu"). The desk looks
 * them all up in the surname index when the exact prefix finds nobody: some hundreds of index
 * seeks, far cheaper than measuring the distance to every surname of the registry.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Below this length one edit turns too many surnames into another (Rossi/Russo/Rossa…). */
export const TYPO_MIN_LENGTH = 5;

export function oneEditVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    for (const c of LETTERS) {
      out.add(head + c + tail); // inserted
      if (i < word.length) out.add(head + c + tail.slice(1)); // replaced
    }
    if (i < word.length) out.add(head + tail.slice(1)); // left out
    if (i < word.length - 1) out.add(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2)); // swapped
  }
  out.delete(word);
  return [...out].sort();
}
