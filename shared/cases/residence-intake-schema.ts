import { z } from 'zod';

/**
 * The declaration of residence as it crosses a boundary (contract input, mutation, change log).
 * Deliberately permissive on content: an empty date or a missing relationship must reach
 * `validateResidenceIntake`, which lists EVERY problem in the clerk's words (change-of-residence.ts);
 * a schema error would stop at the first one and name it in zod's terms. Only sizes and shapes
 * are fixed here.
 */

const text = (max: number) => z.string().trim().max(max);
/** a date field of the form: '' = not filled in (the validator says "incomplete") */
const dateText = z.string().trim().max(10);

export const RELATIONSHIPS = [
  'intestatario',
  'coniuge',
  'unito_civilmente',
  'convivente',
  'figlio',
  'genitore',
  'fratello_sorella',
  'nipote',
  'suocero',
  'altro',
] as const;
export const CIVIL_STATUSES = [
  'celibe_nubile',
  'coniugato',
  'vedovo',
  'divorziato',
  'unito_civilmente',
] as const;
export const DECLARATION_CHANNELS = ['counter', 'post', 'fax', 'email', 'pec', 'online'] as const;
export const OCCUPATION_KINDS = ['owner', 'lease', 'comodato', 'usufruct', 'other'] as const;

const relationship = z.enum(RELATIONSHIPS).nullable();

export const registryMoverSchema = z
  .object({
    source: z.literal('registry'),
    residentId: z.string().min(1).max(64),
    surname: text(120),
    givenNames: text(120),
    birthDate: dateText,
    codiceFiscale: text(16),
    citizenship: text(2),
    relationship,
  })
  .strict();

export const newMoverSchema = z
  .object({
    source: z.literal('new'),
    key: z.string().trim().min(1).max(40),
    surname: text(120),
    givenNames: text(120),
    sex: z.enum(['M', 'F']).nullable(),
    birthDate: dateText,
    birthPlaceCode: text(4).transform((s) => s.toUpperCase()),
    /** not in the pure intake: the registry of record prints it */
    birthPlaceName: text(120).default(''),
    codiceFiscale: text(16)
      .transform((s) => s.toUpperCase())
      .nullable(),
    citizenship: text(2).transform((s) => s.toUpperCase()),
    civilStatus: z.enum(CIVIL_STATUSES).nullable(),
    education: text(80).nullable().default(null),
    profession: text(80).nullable().default(null),
    relationship,
    residencePermit: z
      .object({ number: text(40), expiresOn: dateText })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const moverSchema = z.discriminatedUnion('source', [registryMoverSchema, newMoverSchema]);

const registration = z.object({ office: text(80).nullable(), number: text(40), date: dateText }).strict();

export const occupationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner') }).strict(),
  z.object({ kind: z.literal('lease'), registration: registration.nullable() }).strict(),
  z.object({ kind: z.literal('comodato'), registration: registration.nullable() }).strict(),
  z.object({ kind: z.literal('usufruct') }).strict(),
  z.object({ kind: z.literal('other'), description: text(200) }).strict(),
]);

export const addressInputSchema = z
  .object({
    streetType: text(40),
    streetName: text(120),
    houseNumber: text(20),
    interior: text(20).nullable(),
    stair: text(20).nullable(),
    floor: text(20).nullable(),
    cap: text(5),
    multiUnitBuilding: z.boolean(),
  })
  .strict();

export const originSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same_comune') }).strict(),
  z
    .object({
      kind: z.literal('other_comune'),
      fromComune: text(4).transform((s) => s.toUpperCase()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('abroad'),
      fromCountry: text(2).transform((s) => s.toUpperCase()),
    })
    .strict(),
]);

export const householdSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new') }).strict(),
  z.object({ kind: z.literal('join'), familyId: z.string().trim().max(64) }).strict(),
]);

const personRef = z.string().trim().min(1).max(64);

/** Everything of the intake but the movers, shared by the contract input and the mutation. */
const intakeCore = {
  declarationDate: dateText,
  movedOn: dateText.nullable(),
  channel: z.enum(DECLARATION_CHANNELS),
  protocolDate: dateText.nullable(),
  origin: originSchema,
  address: addressInputSchema,
  occupation: occupationSchema.nullable(),
  household: householdSchema,
  drivingLicences: z.array(z.object({ personKey: personRef, number: text(20) }).strict()).max(20),
  vehiclePlates: z.array(z.object({ personKey: personRef, plate: text(12) }).strict()).max(20),
  signatures: z.array(personRef).max(20),
  representative: z
    .object({ fullName: text(120), role: z.enum(['parent', 'guardian']), signed: z.boolean() })
    .strict()
    .nullable(),
};

/** The full intake (ResidenceIntake of change-of-residence.ts) as the mutation carries it. */
export const residenceIntakeSchema = z
  .object({
    comune: z.string().trim().length(4),
    ...intakeCore,
    movers: z.array(moverSchema).max(20),
  })
  .strict();
export type ResidenceIntakeData = z.infer<typeof residenceIntakeSchema>;

/**
 * What the counter form sends: registry movers by id only (the core copies their registry data,
 * so the screen can never alter a registered person's facts), new movers in full.
 */
export const residenceIntakeInput = z
  .object({
    ...intakeCore,
    movers: z
      .array(
        z.discriminatedUnion('source', [
          z
            .object({
              source: z.literal('registry'),
              residentId: z.string().min(1).max(64),
              relationship,
            })
            .strict(),
          newMoverSchema,
        ]),
      )
      .max(20),
  })
  .strict();
export type ResidenceIntakeInput = z.infer<typeof residenceIntakeInput>;
