import { adminHub } from '../admin/service';
import { bookingHub } from '../booking/service';
import { canoneHub } from '../canone/service';
import { casesHub } from '../cases/service';
import { cashdeskHub } from '../cashdesk/service';
import { certificatesHub } from '../certificates/service';
import { permitsHub } from '../permits/service';
import { schoolHub } from '../school/service';
import { shopsHub } from '../shops/service';
import { socialHub } from '../social/service';
import { updatesHub } from '../updates/service';

/** The services this hub runs: one line each (see docs/adding-a-service.md). */
export const HUB_SERVICES = [
  certificatesHub,
  cashdeskHub,
  casesHub,
  permitsHub,
  shopsHub,
  canoneHub,
  socialHub,
  schoolHub,
  updatesHub,
  adminHub,
  bookingHub,
] as const;
