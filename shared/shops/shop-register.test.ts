import { describe, expect, it } from 'vitest';
import { procedureOn } from '../cases/procedure-catalogue';
import { dueDate } from '../cases/deadline';
import { localizeError } from '../errors/app-error';
import { applyFiling, applyOutcome, sciaDueDate, type FilingContext } from './shop-register';
import { OTHER_PIVA, shopFiling, shopRecord, TEST_STREETS } from './test-fixtures';
import type { ShopRecord } from './shop-wire';

const ctx: FilingContext = {
  comune: 'B885',
  today: '2026-10-20',
  streets: TEST_STREETS,
  filingId: 'filing-1',
  caseId: 'case-1',
  shopId: 'shop-new',
};
const refusalOf = (r: ReturnType<typeof applyFiling>) => (r.ok ? null : r.refusal.code);
const shopOf = (r: ReturnType<typeof applyFiling>): ShopRecord => {
  if (!r.ok) throw new Error(r.refusal.code);
  return r.value.shop;
};

describe('the 60-day check of a SCIA on the Italian calendar', () => {
  it('filed on 2026-10-20 the term ends on Saturday 2026-12-19 (Saturday is a working day for administrative terms)', () => {
    expect(sciaDueDate('2026-10-20', 'B885')).toBe('2026-12-19');
  });
  it('a term ending on Christmas moves past Santo Stefano and Sunday to Monday 28 December', () => {
    expect(sciaDueDate('2026-10-26', 'B885')).toBe('2026-12-28');
  });
  it('Casale’s patron saint (Sant’Evasio, 12 November) moves the term there but not in Balzola', () => {
    expect(sciaDueDate('2026-09-13', 'B885')).toBe('2026-11-13');
    expect(sciaDueDate('2026-09-13', 'A605')).toBe('2026-11-12');
  });
  it('is the case engine’s own due date for the scia_vicinato procedure', () => {
    const p = procedureOn('scia_vicinato', 'B885', '2026-10-26');
    expect(p.ok && p.value.maxDays).toBe(60);
    expect(
      dueDate({ legalStart: '2026-10-26', days: 60, suspensions: [] }, '2026-10-26', { comune: 'B885' }),
    ).toBe(sciaDueDate('2026-10-26', 'B885'));
  });
});

describe('filing an event against the register', () => {
  it('an opening in Casale is a SCIA, enters the register active, and starts the 60-day check', () => {
    const r = applyFiling(null, shopFiling(), ctx);
    expect(r.ok && r.value.kind).toBe('scia');
    const shop = shopOf(r);
    expect(shop).toMatchObject({ id: 'shop-new', status: 'active', streetName: 'Roma', salesAreaM2: 80 });
    expect(shop.scia).toMatchObject({ outcome: 'pending', dueDate: '2026-12-19', caseId: 'case-1' });
  });

  it('food makes it a SCIA unica and needs the professional requirement', () => {
    const food = shopFiling({ sector: 'alimentare' });
    expect(refusalOf(applyFiling(null, food, ctx))).toBe('shop_requirement_missing');
    const ok = applyFiling(
      null,
      { ...food, requirements: { ...food.requirements, professional: true } },
      ctx,
    );
    expect(ok.ok && ok.value.kind).toBe('scia_unica');
  });

  it('refuses an opening above the class limit, a bad VAT number, a street not in the comune, a backdated SCIA', () => {
    const f = shopFiling();
    expect(
      refusalOf(
        applyFiling(null, { ...f, premises: { ...f.premises, salesAreaM2: 250.01, totalAreaM2: 300 } }, ctx),
      ),
    ).toBe('shop_media_struttura');
    expect(
      refusalOf(applyFiling(null, { ...f, company: { ...f.company, partitaIva: '00743110158' } }, ctx)),
    ).toBe('shop_piva_invalid');
    expect(
      refusalOf(applyFiling(null, { ...f, premises: { ...f.premises, streetName: 'Inesistente' } }, ctx)),
    ).toBe('shop_street_unknown');
    expect(refusalOf(applyFiling(null, { ...f, effectiveDate: '2026-10-19' }, ctx))).toBe(
      'shop_date_invalid',
    );
    expect(refusalOf(applyFiling(null, { ...f, premises: { ...f.premises, salesAreaM2: -3 } }, ctx))).toBe(
      'shop_area_invalid',
    );
    expect(
      refusalOf(
        applyFiling(null, { ...f, premises: { ...f.premises, salesAreaM2: 90, totalAreaM2: 80 } }, ctx),
      ),
    ).toBe('shop_area_invalid');
  });

  it('a cessation closes an open shop as a comunicazione, and a closed shop cannot cease again', () => {
    const r = applyFiling(shopRecord(), shopFiling({ event: 'cessazione' }), ctx);
    expect(r.ok && r.value.kind).toBe('comunicazione');
    const closed = shopOf(r);
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-10-20' });
    expect(closed.history.map((h) => h.event)).toEqual(['cessazione']);
    const again = applyFiling(closed, shopFiling({ event: 'cessazione' }), ctx);
    if (again.ok) throw new Error('accepted');
    expect(again.refusal.code).toBe('shop_not_open');
    expect(localizeError(again.refusal.code, again.refusal.params, 'it')).toBe(
      'L’esercizio «Bottega Ferraris» è cessato: non si può presentare «cessazione».',
    );
    expect(localizeError(again.refusal.code, again.refusal.params, 'en')).toBe(
      'Shop “Bottega Ferraris” is closed: “cessation” cannot be filed.',
    );
  });

  it('a cessation may report a day up to 30 days back, not earlier', () => {
    expect(
      applyFiling(shopRecord(), shopFiling({ event: 'cessazione', effectiveDate: '2026-09-20' }), ctx).ok,
    ).toBe(true);
    expect(
      refusalOf(
        applyFiling(shopRecord(), shopFiling({ event: 'cessazione', effectiveDate: '2026-09-19' }), ctx),
      ),
    ).toBe('shop_date_invalid');
  });

  it('ripresa only after a sospensione', () => {
    expect(refusalOf(applyFiling(shopRecord(), shopFiling({ event: 'ripresa' }), ctx))).toBe(
      'shop_not_suspended',
    );
    const suspended = shopOf(
      applyFiling(shopRecord(), shopFiling({ event: 'sospensione', suspendedUntil: '2027-01-31' }), ctx),
    );
    expect(suspended).toMatchObject({ status: 'suspended', suspendedUntil: '2027-01-31' });
    expect(shopOf(applyFiling(suspended, shopFiling({ event: 'ripresa' }), ctx)).status).toBe('active');
    expect(refusalOf(applyFiling(shopRecord(), shopFiling({ event: 'sospensione' }), ctx))).toBe(
      'shop_field_missing',
    );
  });

  it('ampliamento grows within the class: 80 → 250 m² in Casale is a SCIA, 80 → 251 m² is refused, 80 → 80 changes nothing', () => {
    const f = shopFiling({ event: 'ampliamento' });
    const grown = applyFiling(
      shopRecord(),
      { ...f, premises: { ...f.premises, salesAreaM2: 250, totalAreaM2: 300 } },
      ctx,
    );
    expect(grown.ok && grown.value.kind).toBe('scia');
    expect(shopOf(grown).salesAreaM2).toBe(250);
    expect(
      refusalOf(
        applyFiling(
          shopRecord(),
          { ...f, premises: { ...f.premises, salesAreaM2: 251, totalAreaM2: 300 } },
          ctx,
        ),
      ),
    ).toBe('shop_media_struttura');
    expect(refusalOf(applyFiling(shopRecord(), f, ctx))).toBe('shop_no_change');
  });

  it('subingresso changes the holder and needs the previous holder and the deed', () => {
    const f = shopFiling({
      event: 'subingresso',
      company: { name: 'Rossi S.r.l.', partitaIva: OTHER_PIVA, rea: 'AL-999', pec: 'rossi@pec.it' },
    });
    expect(refusalOf(applyFiling(shopRecord(), f, ctx))).toBe('shop_field_missing');
    const taken = shopOf(
      applyFiling(
        shopRecord(),
        { ...f, takeover: { previousHolder: 'Ferraris Anna', deed: 'Notaio Bianchi rep. 1234' } },
        ctx,
      ),
    );
    expect(taken.company.name).toBe('Rossi S.r.l.');
    expect(taken.scia).toBeNull();
  });

  it('no event on a shop the register does not hold, and no second opening of a known one', () => {
    expect(refusalOf(applyFiling(null, shopFiling({ event: 'cessazione' }), ctx))).toBe('shop_not_found');
    expect(refusalOf(applyFiling(shopRecord(), shopFiling(), ctx))).toBe('shop_already_registered');
  });
});

describe('the outcome of the check', () => {
  const filed = shopOf(applyFiling(null, shopFiling(), ctx));
  const octx = { today: '2026-11-02', comune: 'B885', eventId: 'ev-1' };

  it('invito a conformare gives at least 30 days, then divieto stops the shop', () => {
    const short = applyOutcome(filed, 'case-1', 'invito', 29, octx);
    expect(short.ok ? null : short.refusal.code).toBe('shop_outcome_invalid');
    const invited = applyOutcome(filed, 'case-1', 'invito', 30, octx);
    if (!invited.ok) throw new Error('refused');
    expect(invited.value.scia).toMatchObject({ outcome: 'invito', conformBy: '2026-12-02' });
    const stopped = applyOutcome(invited.value, 'case-1', 'divieto', null, octx);
    if (!stopped.ok) throw new Error('refused');
    expect(stopped.value.status).toBe('prohibited');
    expect(applyOutcome(stopped.value, 'case-1', 'conforme', null, octx).ok).toBe(false);
  });

  it('conforme closes the check and leaves the shop open', () => {
    const r = applyOutcome(filed, 'case-1', 'conforme', null, octx);
    expect(r.ok && r.value.status).toBe('active');
    expect(r.ok && r.value.scia?.outcome).toBe('conforme');
  });
});
