import { adminScreens } from '../admin/screens';
import { canoneScreens } from '../canone/screens';
import { casesScreens } from '../cases/screens';
import { cashdeskScreens } from '../cashdesk/screens';
import { permitsScreens } from '../permits/screens';
import { schoolScreens } from '../school/screens';
import { shopsScreens } from '../shops/screens';
import { socialScreens } from '../social/screens';
import { visitsScreens } from '../visits/screens';
import type { ScreenService } from './screen-service';

/**
 * The services with screens of their own: one line each (see docs/adding-a-service.md).
 * Certificates and self-declarations are part of the resident's page itself (F4, F6).
 */
export const SCREEN_SERVICES: readonly ScreenService[] = [
  casesScreens,
  cashdeskScreens,
  permitsScreens,
  shopsScreens,
  canoneScreens,
  socialScreens,
  schoolScreens,
  visitsScreens,
  adminScreens,
];

/** The service whose area a key opens, if any (`shift`: the key was pressed with Shift). */
export const areaForKey = (key: string, shift = false): ScreenService | undefined =>
  (shift ? SCREEN_SERVICES.find((s) => s.area?.key === `Shift+${key}`) : undefined) ??
  SCREEN_SERVICES.find((s) => s.area?.key === key);

/** F1 … F12, then Shift+F1 … */
const keyOrder = (key: string | undefined): number =>
  key?.startsWith('Shift+') ? 100 + Number(key.slice(7)) : Number(key?.slice(1));

/** The work areas in the order of their keys (F1 … F12), as the navigation shows them. */
export const AREA_SERVICES: readonly ScreenService[] = SCREEN_SERVICES.filter((s) => s.area).sort(
  (a, b) => keyOrder(a.area?.key) - keyOrder(b.area?.key),
);
