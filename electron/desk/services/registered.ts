import { adminDesk } from '../admin/service';
import { canoneDesk } from '../canone/service';
import { casesDesk } from '../cases/service';
import { cashdeskDesk } from '../cashdesk/service';
import { certificatesDesk } from '../certificates/service';
import { permitsDesk } from '../permits/service';
import { schoolDesk } from '../school/service';
import { shopsDesk } from '../shops/service';
import { socialDesk } from '../social/service';
import { visitsDesk } from '../visits/service';

/** The services this desk runs: one line each (see docs/adding-a-service.md). */
export const DESK_SERVICES = [
  certificatesDesk,
  cashdeskDesk,
  casesDesk,
  permitsDesk,
  shopsDesk,
  canoneDesk,
  socialDesk,
  schoolDesk,
  visitsDesk,
  adminDesk,
] as const;
