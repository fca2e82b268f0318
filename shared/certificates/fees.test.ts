import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../money/cents';
import type { CertificateResult } from './certificate-errors';
import { checkDirittiTable, DIRITTI_SETTINGS, dirittiSettingOn, type DirittiSetting } from './diritti';
import { checkExemptionTable, EXEMPTION_GROUNDS, exemptionGroundsOn } from './exemption-grounds';
import { certificateFees, type FeeBreakdown, type FeeRequest, type FeeTables } from './fees';
import { BOLLO_RATES, bolloRateOn, checkBolloTable, parseMarcaId } from './stamp-duty';

const MARCA = '01234567890123';

function fees(request: Partial<FeeRequest> = {}, tables?: FeeTables): FeeBreakdown {
  const r = certificateFees(
    { comune: 'B885', date: '2025-03-15', bollo: { kind: 'marca', marcaId: MARCA }, ...request },
    tables,
  );
  if (!r.ok) throw new Error(`unexpected: ${r.errors.map((e) => e.reason).join(', ')}`);
  return r.value;
}

const reasons = (r: CertificateResult<unknown>): string[] => (r.ok ? [] : r.errors.map((e) => e.reason));
const feeReasons = (request: Partial<FeeRequest>, tables?: FeeTables): string[] =>
  reasons(
    certificateFees(
      { comune: 'B885', date: '2025-03-15', bollo: { kind: 'marca', marcaId: MARCA }, ...request },
      tables,
    ),
  );

describe('stamp duty: €16.00 with a marca (DL 43/2013; art. 4 Tariffa DPR 642/1972)', () => {
  it('bollo €16.00 + diritti €0.52 in Casale; the counter collects only the diritti', () => {
    const f = fees({ bollo: { kind: 'marca', marcaId: MARCA, marcaDate: '2025-03-15' } });
    expect(f.bolloDue).toBe(true);
    expect(f.lines.map((l) => [l.kind, l.amountCents, l.collectedBy])).toEqual([
      ['bollo', 1600, 'marca'],
      ['diritti_segreteria', 52, 'counter'],
    ]);
    expect(f.totalCents).toBe(1652);
    expect(f.atCounterCents).toBe(52);
    expect(f.lines[0]?.text).toEqual({
      it: 'Imposta di bollo € 16,00 assolta con marca n. 01234567890123 del 15/03/2025',
      en: 'Stamp duty €16.00 paid with revenue stamp no. 01234567890123 dated 15/03/2025',
    });
    expect(f.warnings).toEqual([]);
  });

  it('starts on 26 June 2013; earlier dates have no row', () => {
    expect(fees({ date: '2013-06-26' }).totalCents).toBe(1652);
    expect(feeReasons({ date: '2013-06-25' })).toEqual(['no_bollo_rate_on_date']);
  });

  it('takes a new amount from a new row of the table', () => {
    const bolloRates = [
      { ...BOLLO_RATES[0]!, validTo: '2026-12-31' },
      { ...BOLLO_RATES[0]!, validFrom: '2027-01-01', amountCents: cents(1800) },
    ];
    expect(checkBolloTable(bolloRates)).toEqual([]);
    expect(fees({ date: '2026-12-31' }, { bolloRates }).totalCents).toBe(1652);
    expect(fees({ date: '2027-01-01' }, { bolloRates }).totalCents).toBe(1852);
    expect(feeReasons({}, { bolloRates: [...bolloRates, BOLLO_RATES[0]!] })).toEqual(['ambiguous_table']);
  });

  it('requires the 14-digit marca identifier', () => {
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: '' } })).toEqual(['marca_missing']);
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: '0123456789012' } })).toEqual(['invalid_marca_id']);
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: '012345678901234' } })).toEqual([
      'invalid_marca_id',
    ]);
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: '0123456789012A' } })).toEqual(['invalid_marca_id']);
    expect(feeReasons({ bollo: undefined as never })).toEqual(['bollo_choice_missing']);
    expect(feeReasons({ bollo: { kind: 'paid' } as never })).toEqual(['bollo_choice_missing']);
  });

  it('reads an identifier typed with spaces', () => {
    expect(parseMarcaId('0123 4567 8901 23')).toEqual({ ok: true, value: MARCA });
    expect(parseMarcaId(null)).toEqual({ ok: false, reason: 'marca_missing' });
    const line = fees({ bollo: { kind: 'marca', marcaId: ' 0123 4567 8901 23 ' } }).lines[0];
    expect(line?.kind === 'bollo' && line.marcaId).toBe(MARCA);
  });

  it('refuses a marca dated after the certificate', () => {
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: MARCA, marcaDate: '2025-03-16' } })).toEqual([
      'marca_dated_after_certificate',
    ]);
    expect(feeReasons({ bollo: { kind: 'marca', marcaId: MARCA, marcaDate: '2025-13-01' } })).toEqual([
      'invalid_date',
    ]);
  });

  it('property: any 14 digits are accepted, anything else is not', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{14}$/), (id) => parseMarcaId(id).ok));
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/^\d{14}$/.test(s.replace(/[\s\u00a0]/g, ''))),
        (s) => !parseMarcaId(s).ok,
      ),
    );
  });
});

describe('exemptions: the ground and its printed reference come from the table', () => {
  it('the shipped table is consistent', () => {
    expect(checkExemptionTable(EXEMPTION_GROUNDS)).toEqual([]);
    expect(checkBolloTable(BOLLO_RATES)).toEqual([]);
    expect(new Set(EXEMPTION_GROUNDS.map((g) => g.code)).size).toBe(EXEMPTION_GROUNDS.length);
    expect(exemptionGroundsOn('2025-03-15')).toHaveLength(EXEMPTION_GROUNDS.length);
  });

  it.each(EXEMPTION_GROUNDS.map((g) => [g.code, g] as const))(
    '%s: no bollo, €0.26 of diritti, reference printed',
    (_code, ground) => {
      const f = fees({
        bollo: {
          kind: 'exempt',
          groundCode: ground.code,
          evidence: ground.requiresEvidence ? 'RG 1234/2025' : null,
        },
      });
      expect(f.bolloDue).toBe(false);
      expect(f.lines.map((l) => [l.kind, l.amountCents])).toEqual([
        ['bollo_exempt', 0],
        ['diritti_segreteria', 26],
      ]);
      expect(f.totalCents).toBe(26);
      expect(f.atCounterCents).toBe(26);
      const line = f.lines[0];
      expect(line?.kind === 'bollo_exempt' && line.ground).toBe(ground);
      expect(line?.text.it).toBe(
        `Esente dall'imposta di bollo – ${ground.legalReference} – uso: ${ground.label.it}`,
      );
      expect(f.warnings).toEqual(ground.status === 'V' ? [] : ['exemption_reference_unverified']);
    },
  );

  it('cites the references of DOMAIN.md §1.3', () => {
    const ref = (code: string) => EXEMPTION_GROUNDS.find((g) => g.code === code)?.legalReference;
    expect(ref('previdenza_assistenza')).toBe('art. 9, Tabella B, d.P.R. 642/1972');
    expect(ref('controversie_lavoro')).toBe('art. 12, Tabella B, d.P.R. 642/1972');
    expect(ref('adozione_tutela')).toBe('art. 13, Tabella B, d.P.R. 642/1972; art. 82, L. 184/1983');
    expect(ref('separazione_divorzio')).toBe('art. 19, L. 74/1987');
    expect(ref('onlus')).toBe('art. 27-bis, Tabella B, d.P.R. 642/1972');
  });

  it('labour disputes (Tab. B art. 12) need evidence that the case was filed', () => {
    expect(feeReasons({ bollo: { kind: 'exempt', groundCode: 'controversie_lavoro' } })).toEqual([
      'exemption_evidence_missing',
    ]);
    expect(
      feeReasons({ bollo: { kind: 'exempt', groundCode: 'controversie_lavoro', evidence: '  ' } }),
    ).toEqual(['exemption_evidence_missing']);
    const line = fees({
      bollo: { kind: 'exempt', groundCode: 'controversie_lavoro', evidence: ' RG 77/2025 ' },
    }).lines[0];
    expect(line?.kind === 'bollo_exempt' && line.evidence).toBe('RG 77/2025');
  });

  it('refuses a ground not in the table or not in force that day', () => {
    expect(feeReasons({ bollo: { kind: 'exempt', groundCode: 'uso personale' } })).toEqual([
      'unknown_exemption_ground',
    ]);
    const exemptionGrounds = [{ ...EXEMPTION_GROUNDS[0]!, validTo: '2024-12-31' }];
    expect(feeReasons({ bollo: { kind: 'exempt', groundCode: 'elettorale' } }, { exemptionGrounds })).toEqual(
      ['exemption_ground_not_in_force'],
    );
  });

  it('checks a configured table', () => {
    const g = EXEMPTION_GROUNDS[0]!;
    expect(
      checkExemptionTable([
        g,
        { ...g, validFrom: '2020-01-01' },
        { ...g, code: 'Bad Code', legalReference: ' ' },
      ]),
    ).toHaveLength(3);
  });
});

describe('diritti di segreteria: a per-comune dated setting', () => {
  const NONE: DirittiSetting = {
    comune: 'C962',
    comuneName: 'Coniolo (test row)',
    validFrom: '2020-01-01',
    validTo: null,
    withBolloCents: cents(0),
    exemptCents: cents(0),
    source: 'test',
  };
  const dirittiSettings = [...DIRITTI_SETTINGS, NONE];

  it('Casale: €0.52 with bollo, €0.26 exempt', () => {
    const casale = dirittiSettingOn('B885', '2025-03-15');
    expect(casale.ok && [casale.row.withBolloCents, casale.row.exemptCents]).toEqual([52, 26]);
    expect(checkDirittiTable(DIRITTI_SETTINGS)).toEqual([]);
  });

  it('a comune that charges none: bollo only, nothing at the counter', () => {
    const f = fees({ comune: 'C962' }, { dirittiSettings });
    expect(f.totalCents).toBe(1600);
    expect(f.atCounterCents).toBe(0);
    expect(f.lines.map((l) => l.amountCents)).toEqual([1600, 0]);
    const exempt = fees(
      { comune: 'C962', bollo: { kind: 'exempt', groundCode: 'scuola' } },
      { dirittiSettings },
    );
    expect(exempt.totalCents).toBe(0);
  });

  it('a comune with no setting is a configuration error, never a guess', () => {
    const r = certificateFees({
      comune: 'A859',
      date: '2025-03-15',
      bollo: { kind: 'marca', marcaId: MARCA },
    });
    expect(reasons(r)).toEqual(['no_diritti_setting']);
    expect(!r.ok && r.errors[0]?.kind).toBe('configuration');
    expect(!r.ok && r.errors[0]?.message.it).toContain('A859');
  });

  it('changes on the date of a new row (council resolution)', () => {
    const table = [
      { ...DIRITTI_SETTINGS[0]!, validTo: '2025-12-31' },
      {
        ...DIRITTI_SETTINGS[0]!,
        validFrom: '2026-01-01',
        withBolloCents: cents(100),
        exemptCents: cents(50),
      },
    ];
    expect(checkDirittiTable(table)).toEqual([]);
    expect(fees({ date: '2025-12-31' }, { dirittiSettings: table }).atCounterCents).toBe(52);
    expect(fees({ date: '2026-01-01' }, { dirittiSettings: table }).atCounterCents).toBe(100);
    expect(checkDirittiTable([...table, { ...NONE, comune: 'B885', exemptCents: -1 as never }])).toHaveLength(
      3,
    );
  });

  it('reports the bollo and diritti problems together', () => {
    expect(feeReasons({ comune: 'A859', bollo: { kind: 'marca', marcaId: 'x' } })).toEqual([
      'invalid_marca_id',
      'no_diritti_setting',
    ]);
    expect(feeReasons({ date: '2025-02-29' })).toEqual(['invalid_date']);
  });

  it('property: total = sum of the lines, counter = diritti', () => {
    const grounds = EXEMPTION_GROUNDS.filter((g) => !g.requiresEvidence).map((g) => g.code);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.constantFrom(...grounds), { nil: null }),
        (withBollo, exempt, ground) => {
          const table = [{ ...NONE, withBolloCents: cents(withBollo), exemptCents: cents(exempt) }];
          const f = fees(
            {
              comune: 'C962',
              bollo:
                ground === null ? { kind: 'marca', marcaId: MARCA } : { kind: 'exempt', groundCode: ground },
            },
            { dirittiSettings: table },
          );
          const sum = f.lines.reduce((s, l) => s + l.amountCents, 0);
          return (
            f.totalCents === sum &&
            f.atCounterCents === (ground === null ? withBollo : exempt) &&
            f.totalCents === (ground === null ? 1600 + withBollo : exempt)
          );
        },
      ),
    );
  });

  it('the bollo table answers by date', () => {
    expect(bolloRateOn('2030-01-01').ok).toBe(true);
  });
});
