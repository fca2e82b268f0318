import { describe, expect, it } from 'vitest';
import type { CanoneApplicationRecord, CanoneNotice } from '../../shared/canone/canone-wire';
import { concessionCheck } from './canone-routes';
import { withNotices } from './yearly-run';

const notice: CanoneNotice = {
  noticeNumber: '347000000001234592',
  iuv: '47000000001234592',
  year: 2027,
  instalment: 1,
  of: 1,
  amountCents: 30_576,
  dueDate: '2027-01-31',
  status: 'open',
};

describe('canone at the hub, pure parts', () => {
  it('splices the notices into a stored record, whatever its texts say', () => {
    const stored = JSON.stringify({
      id: 'a1',
      purpose: 'Chiosco "notices":[] e fiori',
      notices: [],
      status: 'approved',
    });
    const out = JSON.parse(withNotices(stored, [notice])) as { purpose: string; notices: CanoneNotice[] };
    expect(out.purpose).toBe('Chiosco "notices":[] e fiori');
    expect(out.notices).toEqual([notice]);
    expect(() => withNotices('{"id":"a1"}', [notice])).toThrow();
  });

  it('tells the QR page whether a concession is in force on a day', () => {
    const r = {
      status: 'approved',
      concession: {
        number: 'CUS-B885-2026-000001',
        verificationKey: 'ABCDEFGH',
        validFrom: '2026-12-10',
        validTo: '2027-03-09',
        decidedOn: '2026-12-07',
        decidedBy: 's',
      },
    } as CanoneApplicationRecord;
    expect(concessionCheck(r, '2026-12-09')).toBe('not_yet_valid');
    expect(concessionCheck(r, '2026-12-10')).toBe('valid');
    expect(concessionCheck(r, '2027-03-09')).toBe('valid');
    expect(concessionCheck(r, '2027-03-10')).toBe('ended');
    const revoked = { ...r, status: 'revoked' } as CanoneApplicationRecord;
    // revoked from a day: in force until then
    expect(concessionCheck(revoked, '2027-01-01')).toBe('valid');
    expect(concessionCheck(revoked, '2027-03-10')).toBe('revoked');
    const permanent = { ...r, concession: { ...r.concession, validTo: null } } as CanoneApplicationRecord;
    expect(concessionCheck(permanent, '2040-01-01')).toBe('valid');
  });
});
