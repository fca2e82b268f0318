import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  cancelRegistration,
  correctRegistration,
  CORRECTABLE_FIELDS,
  describeCancellation,
  IMMUTABLE_FIELDS,
  isValidDigest,
  REGISTERED_FIELDS,
  validateCancellation,
  validateRegistration,
  type ProtocolRegistration,
} from './protocol-register';

const SHA = 'a'.repeat(64);

const registration = (extra: Partial<ProtocolRegistration> = {}): ProtocolRegistration => ({
  aoo: 'c_b885',
  year: 2026,
  number: 123,
  registeredAt: '2026-03-03T09:12:44',
  direction: 'incoming',
  correspondents: ['ROSSI MARIO'],
  subject: 'Dichiarazione di residenza',
  senderProtocol: null,
  receivedElectronically: true,
  digest: { algorithm: 'SHA-256', value: SHA },
  ...extra,
});

const act = {
  kind: 'Provvedimento del responsabile della gestione documentale',
  reference: '7/2026',
  date: '2026-03-04',
  issuedBy: 'dott.ssa Bianchi',
};

describe('registered fields (DPR 445/2000 art. 53)', () => {
  it('lists the six elements, automatic ones marked', () => {
    expect(REGISTERED_FIELDS.map((f) => `${f.letter}:${f.field}:${f.automatic}`)).toEqual([
      'a:number:true',
      'b:registeredAt:true',
      'c:correspondents:false',
      'd:subject:false',
      'e:senderProtocol:false',
      'f:digest:true',
    ]);
    for (const f of REGISTERED_FIELDS.filter((x) => !x.automatic)) {
      expect(CORRECTABLE_FIELDS).toContain(f.field);
    }
    for (const f of CORRECTABLE_FIELDS) expect(IMMUTABLE_FIELDS).not.toContain(f);
  });

  it('accepts a complete registration', () => {
    expect(validateRegistration(registration())).toEqual([]);
    expect(
      validateRegistration(
        registration({
          receivedElectronically: false,
          digest: null,
          senderProtocol: { number: 'U-55', date: '2026-03-01' },
        }),
      ),
    ).toEqual([]);
  });

  it('finds every problem', () => {
    const problems = validateRegistration(
      registration({
        aoo: ' ',
        registeredAt: '2027-01-01T00:01',
        correspondents: [],
        subject: '',
        senderProtocol: { number: '', date: '2027-01-05' },
        digest: null,
      }),
    );
    expect(problems.map((p) => p.reason)).toEqual([
      'empty',
      'year_mismatch',
      'empty',
      'empty',
      'empty',
      'sender_protocol_after_registration',
      'digest_required',
    ]);
  });

  it('checks the digest: SHA-256 hex or base64', () => {
    expect(isValidDigest({ algorithm: 'SHA-256', value: SHA })).toBe(true);
    expect(isValidDigest({ algorithm: 'SHA-256', value: 'A'.repeat(43) + '=' })).toBe(true);
    expect(isValidDigest({ algorithm: 'SHA-256', value: 'a'.repeat(63) })).toBe(false);
    expect(isValidDigest({ algorithm: 'SHA-512', value: 'f'.repeat(128) })).toBe(true);
    expect(isValidDigest({ algorithm: 'MD5' as never, value: 'f'.repeat(32) })).toBe(false);
    expect(
      validateRegistration(registration({ digest: { algorithm: 'SHA-256', value: 'xyz' } }))[0]?.reason,
    ).toBe('invalid_digest');
  });
});

describe('corrections keep the old value (DPCM 3/12/2013 art. 8)', () => {
  const meta = { at: '2026-03-03T11:00', operatorId: 'm.rossi', reason: 'refuso' };

  it('corrects the subject and records old value, time and author', () => {
    const r = correctRegistration(
      registration(),
      'subject',
      'Dichiarazione di residenza - famiglia Rossi',
      meta,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.registration.subject).toBe('Dichiarazione di residenza - famiglia Rossi');
    expect(r.value.correction).toEqual({
      key: { aoo: 'c_b885', year: 2026, number: 123 },
      field: 'subject',
      oldValue: 'Dichiarazione di residenza',
      newValue: 'Dichiarazione di residenza - famiglia Rossi',
      correctedAt: '2026-03-03T11:00',
      operatorId: 'm.rossi',
      reason: 'refuso',
    });
  });

  it('refuses to correct an automatic field: the registration must be cancelled', () => {
    for (const field of ['number', 'registeredAt', 'digest', 'aoo']) {
      const r = correctRegistration(registration(), field as 'subject', 'x', meta);
      expect(!r.ok && r.error.reason).toBe('field_not_correctable');
      expect(!r.ok && r.error.message.it).toContain('annulla');
    }
  });

  it('refuses no-op, empty, early or anonymous corrections', () => {
    const reason = (r: { ok: boolean; error?: { reason: string } }): string | undefined => r.error?.reason;
    expect(reason(correctRegistration(registration(), 'subject', 'Dichiarazione di residenza', meta))).toBe(
      'correction_same_value',
    );
    expect(reason(correctRegistration(registration(), 'correspondents', ['ROSSI MARIO'], meta))).toBe(
      'correction_same_value',
    );
    expect(reason(correctRegistration(registration(), 'subject', ' ', meta))).toBe('empty');
    expect(
      reason(correctRegistration(registration(), 'subject', 'x', { ...meta, at: '2026-03-03T09:00' })),
    ).toBe('before_registration');
    expect(reason(correctRegistration(registration(), 'subject', 'x', { ...meta, operatorId: '' }))).toBe(
      'empty',
    );
  });

  it('replays a history and catches one that does not chain', () => {
    const first = correctRegistration(registration(), 'subject', 'Residenza - famiglia Rossi', meta);
    if (!first.ok) throw new Error('setup');
    const second = correctRegistration(
      first.value.registration,
      'subject',
      'Residenza - famiglia Rossi Verdi',
      {
        ...meta,
        at: '2026-03-03T12:00',
      },
    );
    if (!second.ok) throw new Error('setup');
    const third = correctRegistration(
      second.value.registration,
      'senderProtocol',
      { number: 'A1', date: '2026-03-02' },
      { ...meta, at: '2026-03-03T12:30' },
    );
    if (!third.ok) throw new Error('setup');
    const history = [first.value.correction, second.value.correction, third.value.correction];
    expect(applyCorrections(registration(), history)).toEqual({ ok: true, value: third.value.registration });
    expect(applyCorrections(registration(), [])).toEqual({ ok: true, value: registration() });
    const broken = applyCorrections(registration(), [second.value.correction]);
    expect(!broken.ok && broken.error.reason).toBe('correction_old_value_mismatch');
    const reordered = applyCorrections(registration(), [second.value.correction, first.value.correction]);
    expect(!reordered.ok && reordered.error.reason).toBe('correction_old_value_mismatch');
    const otherKey = applyCorrections(registration({ number: 124 }), [first.value.correction]);
    expect(!otherKey.ok && otherKey.error.reason).toBe('record_mismatch');
  });
});

describe('cancellation keeps the original visible (art. 54; DPCM art. 8)', () => {
  const meta = {
    at: '2026-03-04T16:30',
    operatorId: 'm.rossi',
    authorisingAct: act,
    reason: 'registrato due volte',
  };

  it('builds a record with the original, operator, time and authorising act', () => {
    const r = cancelRegistration(registration(), meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.original).toEqual(registration());
    expect(r.value.key).toEqual({ aoo: 'c_b885', year: 2026, number: 123 });
    expect(validateCancellation(r.value, registration())).toEqual([]);
    expect(describeCancellation(r.value, 'it')).toBe(
      'ANNULLATO 2026/0000123 il 4 marzo 2026 alle 16:30 da m.rossi. Autorizzazione: Provvedimento del responsabile della gestione documentale n. 7/2026 del 4 marzo 2026 (dott.ssa Bianchi). Motivo: registrato due volte',
    );
    expect(describeCancellation(r.value, 'en')).toContain(
      'CANCELLED 2026/0000123 on 4 March 2026 at 16:30 by m.rossi',
    );
  });

  it('requires every element of the authorising act and a reason', () => {
    const r = cancelRegistration(registration(), {
      ...meta,
      reason: '',
      authorisingAct: { kind: '', reference: ' ', date: '2026-13-01', issuedBy: '' },
    });
    expect(!r.ok && r.error.reason).toBe('empty');
    const c = {
      key: { aoo: 'c_b885', year: 2026, number: 123 },
      original: registration(),
      cancelledAt: meta.at,
      operatorId: '',
      authorisingAct: { kind: '', reference: ' ', date: '2026-13-01', issuedBy: '' },
      reason: '',
    };
    expect(validateCancellation(c).map((p) => `${p.reason}:${'field' in p ? p.field : ''}`)).toEqual([
      'empty:operatorId',
      'empty:reason',
      'empty:authorisingAct.kind',
      'empty:authorisingAct.reference',
      'empty:authorisingAct.issuedBy',
      'invalid_date:authorisingAct.date',
    ]);
  });

  it('refuses a cancellation before the registration or before its authorising act', () => {
    const early = cancelRegistration(registration(), { ...meta, at: '2026-03-03T09:00' });
    expect(!early.ok && early.error.reason).toBe('before_registration');
    const late = cancelRegistration(registration(), {
      ...meta,
      authorisingAct: { ...act, date: '2026-03-05' },
    });
    expect(!late.ok && late.error.reason).toBe('authorising_act_after_cancellation');
  });

  it('catches a record whose original was altered', () => {
    const r = cancelRegistration(registration(), meta);
    if (!r.ok) throw new Error('setup');
    const tampered = { ...r.value, original: { ...r.value.original, subject: 'altro' } };
    expect(validateCancellation(tampered, registration()).map((p) => p.reason)).toEqual(['record_mismatch']);
    const wrongKey = { ...r.value, key: { ...r.value.key, number: 124 } };
    expect(validateCancellation(wrongKey).map((p) => p.reason)).toEqual(['record_mismatch']);
  });
});
