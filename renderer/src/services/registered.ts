import { canoneScreens } from '../canone/screens';
import { casesScreens } from '../cases/screens';
import { cashdeskScreens } from '../cashdesk/screens';
import { permitsScreens } from '../permits/screens';
import { schoolScreens } from '../school/screens';
import { shopsScreens } from '../shops/screens';
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
  schoolScreens,
];

/** The service whose area a key opens, if any. */
export const areaForKey = (key: string): ScreenService | undefined =>
  SCREEN_SERVICES.find((s) => s.area?.key === key);
