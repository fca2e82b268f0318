import type { DebtPositionsTable } from '../db/tables/cashdesk.table';
import type { AvvisoModel } from '../../shared/pagopa/avviso/avviso-model';

/**
 * What each comune prints on its notices beyond its pagoPA codes: the info channels, the CBILL
 * code if the comune's intermediary has one, the postal account with Poste's authorisation to
 * print bollettini in house, and the name of the office per kind of position if it differs from
 * the default. DEMO values [U]: the comune's own channels, CBILL and postal authorisation replace
 * them before real notices go out. A comune not listed prints without them (no CBILL, no
 * bollettino), which pagoPA allows.
 */
export interface AvvisoEnteSettings {
  info: readonly string[];
  cbill: string | null;
  postal: AvvisoModel['postal'];
  settore?: Partial<Record<DebtPositionsTable['kind'] | 'FINE', string>>;
}

const NONE: AvvisoEnteSettings = { info: [], cbill: null, postal: null };

const SETTINGS: Readonly<Record<string, AvvisoEnteSettings>> = {
  B885: {
    info: ['Informazioni allo sportello del Comune, negli orari di apertura al pubblico'],
    cbill: null,
    postal: null,
  },
};

export function avvisoEnteSettings(comune: string): AvvisoEnteSettings {
  return SETTINGS[comune] ?? NONE;
}
