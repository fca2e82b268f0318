import { describe, expect, it } from 'vitest';
import { familySchema, residentEventSchema } from '../../shared/sync/registry-page';
import { caseFamilyId, registryEventId } from './registry-ids';

const longest = 'x'.repeat(64);
const uuid = '0193a5c2-7d1e-7c44-9f2b-2c1d5e6f7a8b';

describe('ids the hub writes for a registration', () => {
  it('fit the wire schemas whatever the length of the case and resident ids', () => {
    for (const [c, r] of [
      [uuid, uuid],
      [longest, longest],
    ] as const) {
      expect(residentEventSchema.shape.id.safeParse(registryEventId(c, r, 'register')).success).toBe(true);
      expect(residentEventSchema.shape.id.safeParse(registryEventId(c, r, 'restore')).success).toBe(true);
      expect(familySchema.shape.id.safeParse(caseFamilyId(c)).success).toBe(true);
    }
  });

  it('are the same for the same entry and differ between entries', () => {
    expect(registryEventId(uuid, 'r-1', 'register')).toBe(registryEventId(uuid, 'r-1', 'register'));
    expect(registryEventId(uuid, 'r-1', 'register')).not.toBe(registryEventId(uuid, 'r-1', 'restore'));
    expect(registryEventId(uuid, 'r-1', 'register')).not.toBe(registryEventId(uuid, 'r-2', 'register'));
    expect(registryEventId('a.b', 'c', 'register')).not.toBe(registryEventId('a', 'b.c', 'register'));
    expect(caseFamilyId(uuid)).toBe(`fam-${uuid}`);
    expect(caseFamilyId(longest)).not.toBe(caseFamilyId(`${'x'.repeat(63)}y`));
  });
});
