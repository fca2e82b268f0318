/**
 * Social data are special-category data (GDPR art. 9; DOMAIN.md §12.1: "keep them in separately
 * permissioned modules"). Whatever the role, only members of the social-services office read or
 * change them; the hub checks it on every social mutation and route, the desk on every social call.
 */
export const SOCIAL_OFFICE = 'servizi_sociali';

export const OFFICES = [SOCIAL_OFFICE] as const;
export type OfficeCode = (typeof OFFICES)[number];

export const inSocialOffice = (offices: readonly string[] | undefined): boolean =>
  (offices ?? []).includes(SOCIAL_OFFICE);
