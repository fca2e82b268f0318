import { adminService } from '../admin/service';
import { bookingService } from '../booking/service';
import { canoneService } from '../canone/service';
import { casesService } from '../cases/service';
import { cashdeskService } from '../cashdesk/service';
import { certificatesService } from '../certificates/service';
import { permitsService } from '../permits/service';
import { schoolService } from '../school/service';
import { shopsService } from '../shops/service';
import { socialService } from '../social/service';
import { updatesService } from '../updates/service';
import { visitsService } from '../visits/service';
import { mergePart, type MergedPart } from './service-definition';

/**
 * The services of this release: one line each. The registry core (people, sessions, sync, audit)
 * is the platform they stand on and is not listed. See docs/adding-a-service.md.
 */
export const SERVICES = [
  certificatesService,
  cashdeskService,
  casesService,
  permitsService,
  shopsService,
  canoneService,
  socialService,
  schoolService,
  updatesService,
  visitsService,
  adminService,
  bookingService,
] as const;

export type Services = typeof SERVICES;
export type ServicePart<K extends 'calls' | 'mutations' | 'rules' | 'errors'> = MergedPart<Services, K>;

export const serviceCalls = () => mergePart(SERVICES, 'calls');
export const serviceMutations = () => mergePart(SERVICES, 'mutations');
export const serviceRules = () => mergePart(SERVICES, 'rules');
export const serviceErrors = () => mergePart(SERVICES, 'errors');
export const serviceEntities = (): string[] => SERVICES.flatMap((s) => [...s.entities]);
export const serviceBackfilled = (): string[] => SERVICES.flatMap((s) => [...s.backfilled]);
