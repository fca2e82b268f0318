import type { Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../../shared/calendar/iso-date';
import { formatDate, RELATIONSHIP_LABELS } from '../../../shared/i18n/registry-labels';
import { interpolate, type Locale } from '../../../shared/i18n/locale';
import { ISEE_RULE_MESSAGES, type IseeProblem } from '../../../shared/isee/problems';
import { checkIseeStatement, parseIseeAmount } from '../../../shared/isee/statement';
import { AppError } from '../../../shared/errors/app-error';
import { cents } from '../../../shared/money/cents';
import { formatEuro } from '../../../shared/money/euro-format';
import type { HouseholdView, IseeInput, RequesterInput } from '../../../shared/social/social-calls';
import {
  DECREE_ROLES,
  type PersonRef,
  type Requester,
  type SocialIsee,
} from '../../../shared/social/social-wire';
import type { Database } from '../db/database';
import type { ResidentRow } from '../db/tables/residents.table';

type Db = Kysely<Database> | Transaction<Database>;

export const personName = (p: Pick<PersonRef, 'surname' | 'givenNames'>): string =>
  `${p.surname} ${p.givenNames}`.trim();

const refOf = (r: ResidentRow): PersonRef => ({
  personId: r.id,
  surname: r.surname,
  givenNames: r.given_names,
  codiceFiscale: r.codice_fiscale,
});

/**
 * The beneficiary and the household as the registry mirror has them (DOMAIN.md §10.2: CF and
 * residence are requirements). Someone not resident in the comune (deceased, emigrated, not in
 * the registry) cannot be a beneficiary: refused with nothing read beyond the one lookup.
 */
export async function householdOf(
  db: Db,
  residentId: string,
): Promise<{ beneficiary: ResidentRow; household: ResidentRow[]; addressLine: string }> {
  const beneficiary = await db
    .selectFrom('residents')
    .selectAll()
    .where('id', '=', residentId)
    .executeTakeFirst();
  if (!beneficiary || beneficiary.status !== 'resident') throw new AppError('social_beneficiary_unknown');
  const household = await db
    .selectFrom('residents')
    .selectAll()
    .where('family_id', '=', beneficiary.family_id)
    .where('status', '=', 'resident')
    .where('id', '!=', beneficiary.id)
    .orderBy('birth_date')
    .execute();
  const family = await db
    .selectFrom('families')
    .selectAll()
    .where('id', '=', beneficiary.family_id)
    .executeTakeFirst();
  const addressLine = family
    ? [
        `${family.street_type} ${family.street_name} ${family.house_number}`.trim(),
        family.interior ? `int. ${family.interior}` : '',
        family.frazione,
      ]
        .filter((s) => s.trim() !== '')
        .join(', ')
    : '';
  return { beneficiary, household, addressLine };
}

export function householdView(h: Awaited<ReturnType<typeof householdOf>>, locale: Locale): HouseholdView {
  const member = (r: ResidentRow) => ({
    personId: r.id,
    name: `${r.surname} ${r.given_names}`,
    codiceFiscale: r.codice_fiscale,
    birthDate: r.birth_date,
    relationship: RELATIONSHIP_LABELS[r.relationship][locale],
  });
  return {
    beneficiary: { ...member(h.beneficiary), addressLine: h.addressLine, resident: true },
    household: h.household.map(member),
  };
}

export const householdRefs = (h: Awaited<ReturnType<typeof householdOf>>) => ({
  beneficiary: refOf(h.beneficiary),
  household: h.household.map(refOf),
});

const ROLE_WORDS: Record<Requester['role'], Record<Locale, string>> = {
  self: { it: 'beneficiario', en: 'beneficiary' },
  family: { it: 'familiare', en: 'family member' },
  tutore: { it: 'tutore', en: 'guardian' },
  curatore: { it: 'curatore', en: 'curator' },
  amministratore_sostegno: { it: 'amministratore di sostegno', en: 'support administrator' },
};

/**
 * Who files (DOMAIN.md §10.2): the beneficiary, a family member, or a legal protector appointed
 * by a court — a tutore, curatore or amministratore di sostegno acts only by the decree, so its
 * reference is required. A requester picked from the registry is copied from the mirror.
 */
export async function requesterOf(
  db: Db,
  input: RequesterInput,
  beneficiary: ResidentRow,
): Promise<Requester> {
  const decree = input.decree?.trim() || null;
  if (DECREE_ROLES.includes(input.role) && decree === null) {
    throw new AppError('social_decree_missing', {
      role_it: ROLE_WORDS[input.role].it,
      role_en: ROLE_WORDS[input.role].en,
    });
  }
  if (input.role === 'self') {
    return { role: 'self', ...refOf(beneficiary), personId: beneficiary.id, decree: null };
  }
  if (input.personId) {
    const p = await db
      .selectFrom('residents')
      .selectAll()
      .where('id', '=', input.personId)
      .executeTakeFirst();
    if (!p) throw new AppError('social_requester_missing', { field_it: 'persona', field_en: 'person' });
    return { role: input.role, ...refOf(p), decree };
  }
  const surname = input.surname?.trim() ?? '';
  const givenNames = input.givenNames?.trim() ?? '';
  const codiceFiscale = (input.codiceFiscale ?? '').replace(/\s+/g, '').toUpperCase();
  const missing =
    surname === ''
      ? { field_it: 'cognome', field_en: 'surname' }
      : givenNames === ''
        ? { field_it: 'nome', field_en: 'given names' }
        : codiceFiscale.length !== 16
          ? { field_it: 'codice fiscale (16 caratteri)', field_en: 'codice fiscale (16 characters)' }
          : null;
  if (missing) throw new AppError('social_requester_missing', missing);
  return { role: input.role, personId: null, surname, givenNames, codiceFiscale, decree };
}

/** An ISEE rule's problem in the worker's words (the social service's own error code). */
export function iseeRefusal(problem: IseeProblem): AppError {
  const m = ISEE_RULE_MESSAGES[problem.code as keyof typeof ISEE_RULE_MESSAGES];
  return new AppError('social_isee_invalid', {
    detail_it: m ? interpolate(m.it, problem.params) : problem.code,
    detail_en: m ? interpolate(m.en, problem.params) : problem.code,
  });
}

/**
 * The ISEE attestation as typed ("6.000,01"): a negative value, more than two decimals, a DSU
 * protocol that is not one, an expiry before issue are refused in words (shared/isee).
 */
export function iseeOf(input: IseeInput | null): SocialIsee | null {
  if (input === null) return null;
  const amount = parseIseeAmount(input.value);
  if (!amount.ok) throw iseeRefusal(amount.error);
  const checked = checkIseeStatement({
    type: input.type,
    valueCents: amount.cents,
    dsuProtocol: input.dsuProtocol,
    issuedOn: input.issuedOn,
    expiresOn: input.expiresOn ?? null,
  });
  if (!checked.ok) throw iseeRefusal(checked.error);
  return checked.statement;
}

/** "ISEE € 6.000,01 (ordinario, scade il 31/12/2026)" for the case subject and the lists. */
export const iseeText = (isee: SocialIsee | null, day: IsoDate): string =>
  isee === null
    ? 'senza ISEE'
    : `ISEE ${formatEuro(cents(isee.valueCents), 'it')} (${isee.type}${
        isee.expiresOn < day ? `, scaduto il ${formatDate(isee.expiresOn)}` : ''
      })`;
