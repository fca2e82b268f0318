import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { addWorkingDays, isWorkingDay } from '../calendar/working-days';
import {
  effectiveDate,
  isAdultOn,
  policeCheckDue,
  residenceSchedule,
  silenceAssentDue,
  streetKey,
  validateResidenceIntake,
  type IntakeContext,
  type IntakeValidation,
  type NewMover,
  type RegistryMover,
  type ResidenceIntake,
} from './change-of-residence';

const STREETS = {
  comune: 'B885',
  caps: ['15033'],
  streets: [
    { streetType: 'Via', streetName: 'Roma' },
    { streetType: 'Via', streetName: 'XX Settembre' },
    { streetType: 'Piazza', streetName: 'Nicolò Castiglioni' },
    { streetType: 'Strada', streetName: 'Valenza', caps: ['15033', '15034'] },
  ],
};

const context = (extra: Partial<IntakeContext> = {}): IntakeContext => ({
  today: '2026-03-02',
  personsInOpenCases: new Set(),
  streets: STREETS,
  ...extra,
});

const mover = (key: string, extra: Partial<NewMover> = {}): NewMover => ({
  source: 'new',
  key,
  surname: 'ROSSI',
  givenNames: 'MARIO',
  sex: 'M',
  birthDate: '1972-07-09',
  birthPlaceCode: 'H501',
  codiceFiscale: 'RSSMRA72L09H501S',
  citizenship: 'IT',
  civilStatus: 'coniugato',
  education: null,
  profession: null,
  relationship: 'intestatario',
  residencePermit: null,
  ...extra,
});

const family = (): NewMover[] => [
  mover('m1'),
  mover('m2', {
    givenNames: 'ANNA',
    sex: 'F',
    birthDate: '1975-01-20',
    codiceFiscale: null,
    relationship: 'coniuge',
  }),
  mover('m3', {
    givenNames: 'LUCA',
    birthDate: '2012-04-04',
    codiceFiscale: null,
    civilStatus: 'celibe_nubile',
    relationship: 'figlio',
  }),
];

const intake = (extra: Partial<ResidenceIntake> = {}): ResidenceIntake => ({
  comune: 'B885',
  declarationDate: '2026-03-02',
  movedOn: '2026-02-25',
  channel: 'counter',
  protocolDate: null,
  origin: { kind: 'other_comune', fromComune: 'L219' },
  movers: family(),
  address: {
    streetType: 'Via',
    streetName: 'Roma',
    houseNumber: '12/B',
    interior: '3',
    stair: 'B',
    floor: '2',
    cap: '15033',
    multiUnitBuilding: true,
  },
  occupation: {
    kind: 'lease',
    registration: { office: 'Casale Monferrato', number: '1234 serie 3T', date: '2026-02-20' },
  },
  household: { kind: 'new' },
  drivingLicences: [{ personKey: 'm1', number: 'al 1234567 x' }],
  vehiclePlates: [{ personKey: 'm2', plate: 'ab 123 cd' }],
  signatures: ['m1', 'm2'],
  representative: null,
  ...extra,
});

const problems = (v: IntakeValidation): string[] =>
  v.ok ? [] : v.errors.map((e) => `${e.reason}${'field' in e ? `:${e.field}` : ''}`);
const warnings = (v: IntakeValidation): string[] => v.warnings.map((w) => w.reason);

describe('a complete declaration', () => {
  it('is accepted with its schedule (counter, Monday 2 March 2026)', () => {
    const v = validateResidenceIntake(intake(), context());
    expect(problems(v)).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(v.ok && v.value).toEqual({
      schedule: {
        effectiveFrom: '2026-03-02', // the declaration date (art. 5 c.3)
        registrationDue: '2026-03-04', // 2 working days
        checkDue: '2026-04-16', // 45 days
        silenceAssentFrom: '2026-04-17',
      },
      adults: ['m1', 'm2'],
      minors: ['m3'],
      drivingLicences: [{ personKey: 'm1', number: 'AL1234567X' }],
      vehiclePlates: [{ personKey: 'm2', plate: 'AB123CD' }],
    });
  });

  it('accepts registry movers, joining an existing household', () => {
    const registry: RegistryMover = {
      source: 'registry',
      residentId: 'R-42',
      surname: 'VERDI',
      givenNames: 'LUIGI',
      birthDate: '1950-02-02',
      codiceFiscale: 'VRDLGU50B02B885X',
      citizenship: 'IT',
      relationship: 'genitore',
    };
    const v = validateResidenceIntake(
      intake({
        origin: { kind: 'same_comune' },
        movers: [registry],
        household: { kind: 'join', familyId: 'F-7' },
        signatures: ['R-42'],
        drivingLicences: [],
        vehiclePlates: [],
        occupation: { kind: 'other', description: 'ospite del figlio, proprietario' },
      }),
      context(),
    );
    expect(problems(v)).toEqual([]);
  });
});

describe('incomplete declaration (not receivable): every missing field named', () => {
  it('lists them all at once', () => {
    const v = validateResidenceIntake(
      intake({
        movers: [
          mover('m1', { surname: ' ', birthDate: '', sex: null, relationship: null, birthPlaceCode: '' }),
          ...family().slice(1),
        ],
        address: { ...intake().address, houseNumber: '', interior: null, floor: ' ', cap: '' },
        occupation: null,
        origin: { kind: 'other_comune', fromComune: '' },
      }),
      context(),
    );
    expect(problems(v)).toEqual([
      'incomplete:origin.fromComune',
      'incomplete:movers[0].surname',
      'incomplete:movers[0].relationship',
      'incomplete:movers[0].birthDate',
      'incomplete:movers[0].sex',
      'incomplete:movers[0].birthPlaceCode',
      'household_head',
      'incomplete:address.houseNumber',
      'incomplete:address.interior',
      'incomplete:address.floor',
      'incomplete:address.cap',
      'incomplete:occupation',
    ]);
    expect(!v.ok && v.errors[0]?.message).toEqual({
      it: 'Dichiarazione incompleta: manca «Codice del comune di provenienza».',
      en: 'Incomplete declaration: “Code of the comune they come from” is missing.',
    });
  });

  it('needs no interior or floor in a single-dwelling building', () => {
    const address = {
      ...intake().address,
      interior: null,
      stair: null,
      floor: null,
      multiUnitBuilding: false,
    };
    expect(problems(validateResidenceIntake(intake({ address }), context()))).toEqual([]);
  });

  it('needs at least one mover, and the protocol date when not at the counter', () => {
    expect(
      problems(
        validateResidenceIntake(
          intake({ movers: [], signatures: [], drivingLicences: [], vehiclePlates: [] }),
          context(),
        ),
      ),
    ).toEqual(['incomplete:movers']);
    expect(problems(validateResidenceIntake(intake({ channel: 'pec' }), context()))).toEqual([
      'incomplete:protocolDate',
    ]);
    expect(
      problems(validateResidenceIntake(intake({ channel: 'pec', protocolDate: '2026-03-01' }), context())),
    ).toEqual(['invalid_field:protocolDate']);
  });

  it.each([
    [{ occupation: { kind: 'other' as const, description: '' } }, 'incomplete:occupation.description'],
    [{ occupation: { kind: 'lease' as const, registration: null } }, 'incomplete:occupation.registration'],
    [
      {
        occupation: {
          kind: 'lease' as const,
          registration: { office: null, number: '', date: '2026-02-20' },
        },
      },
      'incomplete:occupation.registration.number',
    ],
    [
      {
        occupation: {
          kind: 'lease' as const,
          registration: { office: null, number: '1', date: '2026-03-20' },
        },
      },
      'date_in_future:occupation.registration.date',
    ],
  ])('title of occupation (DL 47/2014 art. 5): %j', (extra, problem) => {
    expect(problems(validateResidenceIntake(intake(extra), context()))).toEqual([problem]);
  });

  it('accepts owner, usufruct and comodato (warning when the comodato has no registration)', () => {
    expect(problems(validateResidenceIntake(intake({ occupation: { kind: 'owner' } }), context()))).toEqual(
      [],
    );
    expect(
      problems(validateResidenceIntake(intake({ occupation: { kind: 'usufruct' } }), context())),
    ).toEqual([]);
    const v = validateResidenceIntake(
      intake({ occupation: { kind: 'comodato', registration: null } }),
      context(),
    );
    expect(v.ok).toBe(true);
    expect(warnings(v)).toEqual(['comodato_not_registered']);
  });
});

describe('people', () => {
  it('refuses a person already moving in another open case (by id or codice fiscale)', () => {
    const byId = validateResidenceIntake(intake(), context({ personsInOpenCases: new Set(['m3']) }));
    expect(problems(byId)).toEqual(['already_in_open_case:movers[2].key']);
    expect(!byId.ok && byId.errors[0]?.message.it).toBe(
      'ROSSI LUCA è già in un’altra pratica di residenza aperta.',
    );
    const byCf = validateResidenceIntake(
      intake(),
      context({ personsInOpenCases: new Set(['RSSMRA72L09H501S']) }),
    );
    expect(problems(byCf)).toEqual(['already_in_open_case:movers[0].key']);
  });

  it('refuses the same person twice', () => {
    expect(
      problems(
        validateResidenceIntake(
          intake({ movers: [...family(), mover('m1', { relationship: 'altro' })] }),
          context(),
        ),
      ),
    ).toEqual(['duplicate_person:movers[3].key']);
  });

  it('checks codice fiscale, birth place, citizenship and dates', () => {
    const v = validateResidenceIntake(
      intake({
        movers: [
          mover('m1', { codiceFiscale: 'RSSMRA72L09H501X', birthPlaceCode: 'Roma', citizenship: 'ITA' }),
          mover('m2', { relationship: 'coniuge', birthDate: '2026-03-05', codiceFiscale: null }),
        ],
      }),
      context(),
    );
    expect(problems(v)).toEqual([
      'invalid_field:movers[0].citizenship',
      'invalid_field:movers[0].birthPlaceCode',
      'invalid_field:movers[0].codiceFiscale',
      'date_in_future:movers[1].birthDate',
    ]);
  });

  it('warns when a non-EU citizen has no residence permit', () => {
    const v = validateResidenceIntake(
      intake({ movers: [mover('m1', { citizenship: 'MA', codiceFiscale: null }), ...family().slice(1)] }),
      context(),
    );
    expect(v.ok).toBe(true);
    expect(warnings(v)).toEqual(['residence_permit_missing']);
    const eu = validateResidenceIntake(
      intake({ movers: [mover('m1', { citizenship: 'RO' }), ...family().slice(1)] }),
      context(),
    );
    expect(warnings(eu)).toEqual([]);
    const withPermit = validateResidenceIntake(
      intake({
        movers: [
          mover('m1', { citizenship: 'MA', residencePermit: { number: 'I123', expiresOn: '2027-01-01' } }),
          ...family().slice(1),
        ],
      }),
      context(),
    );
    expect(warnings(withPermit)).toEqual([]);
  });
});

describe('household and relationships', () => {
  it('a new household has exactly one head', () => {
    const two = family().map((m) => ({
      ...m,
      relationship: m.key === 'm3' ? ('figlio' as const) : ('intestatario' as const),
    }));
    const v = validateResidenceIntake(intake({ movers: two }), context());
    expect(problems(v)).toEqual(['household_head']);
    expect(!v.ok && v.errors[0]?.message.en).toBe('A new household has exactly one head: 2 given.');
  });

  it('joining a household: the family id, and nobody as head', () => {
    const v = validateResidenceIntake(intake({ household: { kind: 'join', familyId: '' } }), context());
    expect(problems(v)).toEqual([
      'incomplete:household.familyId',
      'head_in_joined_household:movers[0].relationship',
    ]);
  });
});

describe('signatures: several adults → all of them sign (DOMAIN.md §3)', () => {
  it('names the adults who did not sign', () => {
    const v = validateResidenceIntake(intake({ signatures: ['m1'] }), context());
    expect(problems(v)).toEqual(['missing_signatures']);
    expect(!v.ok && v.errors[0]?.message.it).toBe(
      'Devono firmare tutti i maggiorenni che si trasferiscono: manca la firma di ROSSI ANNA.',
    );
    expect(problems(validateResidenceIntake(intake({ signatures: [] }), context()))).toEqual([
      'missing_signatures',
    ]);
  });

  it('does not need the signature of a minor, and refuses unknown signers', () => {
    expect(problems(validateResidenceIntake(intake({ signatures: ['m1', 'm2', 'm3'] }), context()))).toEqual(
      [],
    );
    expect(problems(validateResidenceIntake(intake({ signatures: ['m1', 'm2', 'zz'] }), context()))).toEqual([
      'unknown_person:signatures[2]',
    ]);
  });

  it('counts age on the declaration date: 18 on the birthday', () => {
    const teen = (birthDate: string) =>
      intake({
        movers: [
          ...family().slice(0, 2),
          mover('m3', { birthDate, codiceFiscale: null, relationship: 'figlio' }),
        ],
      });
    expect(problems(validateResidenceIntake(teen('2008-03-02'), context()))).toEqual(['missing_signatures']);
    expect(problems(validateResidenceIntake(teen('2008-03-03'), context()))).toEqual([]);
  });

  it('minors alone need a parent or guardian who signs', () => {
    const minors = [mover('k1', { birthDate: '2012-01-01', codiceFiscale: null, relationship: 'nipote' })];
    const base = {
      movers: minors,
      household: { kind: 'join' as const, familyId: 'F-1' },
      signatures: [],
      drivingLicences: [],
      vehiclePlates: [],
    };
    expect(problems(validateResidenceIntake(intake(base), context()))).toEqual(['no_adult_declarant']);
    const unsigned = {
      ...base,
      representative: { fullName: 'ROSSI MARIA', role: 'parent' as const, signed: false },
    };
    expect(problems(validateResidenceIntake(intake(unsigned), context()))).toEqual(['no_adult_declarant']);
    const signed = {
      ...base,
      representative: { fullName: 'ROSSI MARIA', role: 'parent' as const, signed: true },
    };
    expect(problems(validateResidenceIntake(intake(signed), context()))).toEqual([]);
  });

  it('isAdultOn: the 29 February rule (art. 2963 c.4 c.c.)', () => {
    expect(isAdultOn('2008-03-02', '2026-03-02')).toBe(true);
    expect(isAdultOn('2008-03-02', '2026-03-01')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-02-27')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isAdultOn('2008-02-29', '2028-02-28')).toBe(true); // 20 in a leap year: by then long adult
    expect(isAdultOn('2010-02-28', '2028-02-28', 18)).toBe(true);
  });
});

describe('address inside the comune (street list and CAP)', () => {
  it('refuses a street not in the list, and a CAP of another comune', () => {
    const garibaldi = validateResidenceIntake(
      intake({ address: { ...intake().address, streetName: 'Garibaldi' } }),
      context(),
    );
    expect(problems(garibaldi)).toEqual(['address_outside_comune:address.streetName']);
    expect(!garibaldi.ok && garibaldi.errors[0]?.message.it).toBe(
      '«Via Garibaldi» non risulta nello stradario del comune B885 (Via / piazza).',
    );
    const cap = validateResidenceIntake(
      intake({ address: { ...intake().address, cap: '15100' } }),
      context(),
    );
    expect(problems(cap)).toEqual(['address_outside_comune:address.cap']);
    const street = { ...intake().address, streetType: 'Strada', streetName: 'Valenza', cap: '15034' };
    expect(problems(validateResidenceIntake(intake({ address: street }), context()))).toEqual([]);
  });

  it('matches case, accents and spacing loosely', () => {
    expect(streetKey('via', ' xx  settembre')).toBe(streetKey('Via', 'XX Settembre'));
    expect(streetKey('Piazza', 'Nicolo Castiglioni')).toBe(streetKey('PIAZZA', 'Nicolò Castiglioni'));
    const address = { ...intake().address, streetType: 'piazza', streetName: 'nicolo castiglioni' };
    expect(problems(validateResidenceIntake(intake({ address }), context()))).toEqual([]);
  });

  it('refuses a malformed house number or CAP, and a street list of another comune', () => {
    const bad = validateResidenceIntake(
      intake({ address: { ...intake().address, houseNumber: 'dodici', cap: '150' } }),
      context(),
    );
    expect(problems(bad)).toEqual(['invalid_field:address.houseNumber', 'invalid_field:address.cap']);
    for (const houseNumber of ['12', '12A', '12/B', '12 bis', 'SNC']) {
      expect(
        problems(
          validateResidenceIntake(intake({ address: { ...intake().address, houseNumber } }), context()),
        ),
      ).toEqual([]);
    }
    const other = validateResidenceIntake(intake(), context({ streets: { ...STREETS, comune: 'A859' } }));
    expect(problems(other)).toEqual(['wrong_street_list']);
  });
});

describe('origin, dates, licences and plates', () => {
  it('checks the origin', () => {
    expect(
      problems(
        validateResidenceIntake(intake({ origin: { kind: 'other_comune', fromComune: 'B885' } }), context()),
      ),
    ).toEqual(['same_comune_origin']);
    expect(
      problems(validateResidenceIntake(intake({ origin: { kind: 'abroad', fromCountry: '' } }), context())),
    ).toEqual(['incomplete:origin.fromCountry']);
    expect(
      problems(validateResidenceIntake(intake({ origin: { kind: 'abroad', fromCountry: 'DE' } }), context())),
    ).toEqual([]);
  });

  it('refuses a declaration in the future or a move after it; warns when late (20 days)', () => {
    expect(problems(validateResidenceIntake(intake({ declarationDate: '2026-03-03' }), context()))).toEqual([
      'date_in_future:declarationDate',
    ]);
    expect(problems(validateResidenceIntake(intake({ declarationDate: '2026-02-24' }), context()))).toEqual([
      'date_after_declaration:movedOn',
    ]);
    const late = validateResidenceIntake(intake({ movedOn: '2026-02-09' }), context());
    expect(late.ok).toBe(true);
    expect(warnings(late)).toEqual(['late_declaration']);
    expect(late.warnings[0]?.message.en).toBe(
      'Late declaration: the move of 09/02/2026 was to be declared by 01/03/2026.',
    );
    expect(warnings(validateResidenceIntake(intake({ movedOn: '2026-02-10' }), context()))).toEqual([]);
  });

  it('refuses a declaration before the rules existed', () => {
    expect(
      problems(validateResidenceIntake(intake({ declarationDate: '2012-05-08', movedOn: null }), context())),
    ).toEqual(['no_rules_on_date']);
  });

  it('ties licences and plates to a mover and checks their shape', () => {
    const v = validateResidenceIntake(
      intake({
        drivingLicences: [
          { personKey: 'zz', number: 'AL1234567X' },
          { personKey: 'm1', number: '12' },
        ],
        vehiclePlates: [{ personKey: 'm1', plate: 'AB-123-CD' }],
      }),
      context(),
    );
    expect(problems(v)).toEqual([
      'unknown_person:drivingLicences[0].personKey',
      'invalid_field:drivingLicences[1].number',
      'invalid_field:vehiclePlates[0].plate',
    ]);
  });
});

describe('deadlines: registration, checks, silence-assent', () => {
  const facts = (declarationDate: string, extra: object = {}) => ({
    comune: 'B885',
    declarationDate,
    channel: 'counter' as const,
    protocolDate: null,
    ...extra,
  });

  it("registration within 2 working days, skipping Sant'Evasio in Casale", () => {
    expect(residenceSchedule(facts('2026-11-10'))?.registrationDue).toBe('2026-11-13');
    expect(residenceSchedule({ ...facts('2026-11-10'), comune: 'A859' })?.registrationDue).toBe('2026-11-12');
  });

  it('by PEC, from the protocol date: Friday 3 April 2026 → Saturday, then Easter Monday → Tuesday 7', () => {
    const s = residenceSchedule(facts('2026-04-02', { channel: 'pec', protocolDate: '2026-04-03' }));
    expect(s?.registrationDue).toBe('2026-04-07');
    expect(s?.effectiveFrom).toBe('2026-04-02');
    const noSaturday = residenceSchedule(
      facts('2026-04-02', { channel: 'pec', protocolDate: '2026-04-03' }),
      {
        calendar: { saturdayIsWorkingDay: false },
      },
    );
    expect(noSaturday?.registrationDue).toBe('2026-04-08');
  });

  it('the 45th day moves off Easter Monday and off Sant’Evasio', () => {
    expect(residenceSchedule(facts('2026-02-20'))).toMatchObject({
      checkDue: '2026-04-07',
      silenceAssentFrom: '2026-04-08',
    });
    expect(residenceSchedule(facts('2026-09-28'))).toMatchObject({
      checkDue: '2026-11-13',
      silenceAssentFrom: '2026-11-14',
    });
    expect(residenceSchedule({ ...facts('2026-09-28'), comune: 'A859' })?.checkDue).toBe('2026-11-12');
  });

  it('the police outcome is due by the 45th day, with an optional internal margin', () => {
    expect(policeCheckDue(facts('2026-03-02'))).toBe('2026-04-16');
    expect(policeCheckDue(facts('2026-03-02'), 5)).toBe('2026-04-11');
    expect(policeCheckDue(facts('2011-01-01'))).toBeNull();
  });

  it('the effective date is the declaration date', () => {
    expect(effectiveDate({ declarationDate: '2026-03-02' })).toBe('2026-03-02');
  });

  describe('silenceAssentDue', () => {
    const c = (extra: object = {}) => ({
      comune: 'B885',
      declarationDate: '2026-03-02',
      obstacleNoticeSentOn: null,
      concluded: false,
      ...extra,
    });

    it('is due from the day after the 45th', () => {
      expect(silenceAssentDue(c(), '2026-04-16')).toEqual({
        due: false,
        reason: 'not_yet',
        formsOn: '2026-04-17',
      });
      expect(silenceAssentDue(c(), '2026-04-17')).toEqual({
        due: true,
        formedOn: '2026-04-17',
        lateObstacleNotice: null,
      });
      expect(silenceAssentDue(c(), '2026-09-01')).toMatchObject({ due: true });
    });

    it('is stopped by a notice sent by the 45th day, not by a late one', () => {
      expect(silenceAssentDue(c({ obstacleNoticeSentOn: '2026-04-16' }), '2026-05-01')).toEqual({
        due: false,
        reason: 'obstacle_notice_sent',
        noticeOn: '2026-04-16',
      });
      expect(silenceAssentDue(c({ obstacleNoticeSentOn: '2026-04-17' }), '2026-05-01')).toEqual({
        due: true,
        formedOn: '2026-04-17',
        lateObstacleNotice: '2026-04-17',
      });
    });

    it('is not due on a concluded case, and counts information suspensions', () => {
      expect(silenceAssentDue(c({ concluded: true }), '2026-05-01')).toEqual({
        due: false,
        reason: 'already_concluded',
      });
      const suspended = c({
        suspensions: [
          {
            kind: 'information_request',
            from: '2026-03-05',
            maxDays: 30,
            resumedOn: '2026-03-12',
            reason: 'x',
            reference: null,
          },
        ],
      });
      expect(silenceAssentDue(suspended, '2026-04-20')).toEqual({
        due: false,
        reason: 'not_yet',
        formsOn: '2026-04-24',
      });
      expect(silenceAssentDue(c({ declarationDate: '2010-01-01' }), '2026-04-20')).toEqual({
        due: false,
        reason: 'no_rules',
      });
    });
  });

  it('property: registration is exactly 2 working days on; assent the day after a 45+ day term', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2013-01-01'), max: toDayNumber('2035-12-31') }), (n) => {
        const declarationDate = fromDayNumber(n);
        const s = residenceSchedule(facts(declarationDate));
        if (!s) return false;
        const gap = daysBetween(declarationDate, s.checkDue);
        return (
          s.registrationDue === addWorkingDays(declarationDate, 2, { comune: 'B885' }) &&
          isWorkingDay(s.checkDue, { comune: 'B885' }) &&
          gap >= 45 &&
          gap <= 52 &&
          daysBetween(s.checkDue, s.silenceAssentFrom) === 1
        );
      }),
    );
  });
});
