import type { PermitKindOption, PermitView } from '../../../shared/permits/permit-views';

/** One entry of the kind list: a renewal of a permit in force, or a new permit of a kind. */
export type KindChoice = { type: 'renew'; permit: PermitView } | { type: 'new'; option: PermitKindOption };

const fold = (s: string): string =>
  s
    .toLocaleLowerCase('it')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/**
 * What the list shows for `filter`: renewals first (the clerk who opens the form for a resident
 * with a permit about to end most often renews it), then the kinds whose label or code contains
 * every typed word ("sosta", "ztl res", "cude").
 */
export function kindChoices(
  filter: string,
  kinds: readonly PermitKindOption[],
  renewable: readonly PermitView[],
): KindChoice[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((w) => fold(text).includes(w));
  return [
    ...renewable
      .filter((p) => words.length === 0 || matches(`rinnovo renew ${p.kindLabel} ${p.kind} ${p.number}`))
      .map((permit): KindChoice => ({ type: 'renew', permit })),
    ...kinds
      .filter((k) => words.length === 0 || matches(`${k.label} ${k.kind}`))
      .map((option): KindChoice => ({ type: 'new', option })),
  ];
}
