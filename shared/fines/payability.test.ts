import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import { FINE_RULES } from './fine-rules';
import { fineAtCounter, noticeAtCounter, type VerbaleAtCounter } from './payability';

const verbale: VerbaleAtCounter = {
  violationId: 'driver-identification-failure',
  violationDate: '2026-01-10',
  notification: { mode: 'cad', how: 'cad-compiuta-giacenza', notifiedOn: '2026-02-20' },
  notificationCostsCents: cents(1450),
  driverIdentified: false,
};

describe('fineAtCounter', () => {
  it('refuses a verbale not yet notified, or whose violation is to be specified', () => {
    const notNotified = fineAtCounter({ ...verbale, notification: null });
    expect(notNotified).toMatchObject({ ok: false, message: { it: 'verbale non ancora notificato' } });
    const ambiguous = fineAtCounter({ ...verbale, violationId: null });
    expect(ambiguous).toMatchObject({ ok: false, refusal: { reason: 'violation_to_specify' } });
  });

  it('rebuilds the CAD deposit with the storage days of the rules in force', () => {
    const result = fineAtCounter(verbale);
    if (!result.ok) throw new Error(result.message.en);
    expect(result.value.notification).toEqual({ mode: 'cad', depositedOn: '2026-02-10', collectedOn: null });
    expect(result.value.costs).toEqual([{ kind: 'notification', cents: 1450 }]);
    const longer = FINE_RULES.map((r) => ({ ...r, cadPerfectedAfterDays: 15 }));
    const withLonger = fineAtCounter(verbale, longer);
    expect(withLonger.ok && withLonger.value.notification).toMatchObject({ depositedOn: '2026-02-05' });
  });

  it('reports missing rules as a configuration problem instead of guessing the days', () => {
    const result = fineAtCounter(verbale, []);
    expect(result).toMatchObject({ ok: false, refusal: { reason: 'no_rules_on_date', date: '2026-02-20' } });
    expect(result.ok ? '' : result.message.it).toBe('Nessuna regola di calcolo in vigore al 2026-02-20.');
  });
});

describe('noticeAtCounter', () => {
  it('takes a notice up to its due date, inclusive', () => {
    expect(noticeAtCounter({ paid: false, dueDate: '2026-03-16' }, '2026-03-16').ok).toBe(true);
    expect(noticeAtCounter({ paid: true, dueDate: '2026-03-16' }, '2026-04-01').ok).toBe(true);
  });

  it('refuses an expired notice with the date as the citizen reads it', () => {
    const expired = noticeAtCounter({ paid: false, dueDate: '2026-03-16' }, '2026-03-17');
    expect(expired).toMatchObject({
      ok: false,
      message: {
        it: "avviso scaduto il 16/03/2026: l'ufficio tributi indica l'importo aggiornato",
        en: 'notice expired on 2026-03-16: the tax office gives the updated amount',
      },
    });
  });
});
