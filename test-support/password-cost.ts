import type { ScryptCost } from '../shared/auth/scrypt-cost';

/**
 * A cheap scrypt cost for tests only, passed explicitly to the hub and the desk (never read from the
 * environment): OWASP's cost is ~0.3 s and 128 MiB per hash, too slow for hundreds of logins.
 */
export const FAST_TEST_SCRYPT: ScryptCost = { N: 1024, r: 8, p: 1 };
