import { canoneHub } from '../canone/service';
import { casesHub } from '../cases/service';
import { cashdeskHub } from '../cashdesk/service';
import { certificatesHub } from '../certificates/service';
import { permitsHub } from '../permits/service';

/** The services this hub runs: one line each (see docs/adding-a-service.md). */
export const HUB_SERVICES = [certificatesHub, cashdeskHub, casesHub, permitsHub, canoneHub] as const;
