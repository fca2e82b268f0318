import { addDays, daysBetween } from '../../../shared/calendar/iso-date';
import { romeDateOf, romeDateTimeOf } from '../../../shared/calendar/rome-date';
import type { CallInput, CallOutput } from '../../../shared/contract/contract';
import { AppError } from '../../../shared/errors/app-error';
import { expiringWithin, expiryNotice } from '../../../shared/permits/expiry';
import { parsePlate } from '../../../shared/permits/plate';
import { requireSession, type DeskContext } from '../context';
import { checkPlateAtDesk } from './plate-check';
import { permitsEndingBetween, toPermitRecord } from './permit-repository';
import { permitViews } from './permit-service';

/** Where the letter sends the holder to renew [U: each comune's office and address]. */
const RENEWAL_OFFICE = 'Ufficio Permessi della Polizia Locale';

/** Active permits ending within `days` (30 by default), each with the letter or e-mail to send. */
export async function expiringPermits(
  ctx: DeskContext,
  input: CallInput<'permits:expiring'>,
): Promise<CallOutput<'permits:expiring'>> {
  const session = requireSession(ctx);
  const today = romeDateOf(ctx.now());
  const days = input.days ?? 30;
  const candidates = await permitsEndingBetween(ctx.db, today, addDays(today, days));
  // permits already renewed are left out by the shared rule: it needs the renewals beside them
  const renewals = await ctx.db
    .selectFrom('permits')
    .selectAll()
    .where('renews_id', 'in', candidates.length > 0 ? candidates.map((p) => p.id) : ['-'])
    .execute();
  const expiring = expiringWithin([...candidates, ...renewals.map(toPermitRecord)], today, days);
  const views = await permitViews(ctx, expiring);
  const holderIds = expiring.map((p) => p.holderId).filter((id): id is string => id !== null);
  const emails = new Map(
    (
      await ctx.db
        .selectFrom('residents')
        .select(['id', 'email'])
        .where('id', 'in', holderIds.length > 0 ? holderIds : ['-'])
        .execute()
    ).map((r) => [r.id, r.email]),
  );
  return expiring.map((p, i) => {
    const view = views[i];
    if (!view) throw new AppError('permit_not_found', { id: p.id });
    return {
      permit: view,
      daysLeft: daysBetween(today, p.validTo),
      email: p.holderId ? (emails.get(p.holderId) ?? null) : null,
      letter: expiryNotice(p, ctx.state.locale, {
        comuneName: session.info.comune.name,
        today,
        office: RENEWAL_OFFICE,
      }),
    };
  });
}

export async function checkLocal(
  ctx: DeskContext,
  input: CallInput<'permits:checkLocal'>,
): Promise<CallOutput<'permits:checkLocal'>> {
  requireSession(ctx);
  const parsed = parsePlate(input.plate, input.country ?? 'I');
  if (!parsed.ok) throw new AppError('plate_invalid', parsed.params);
  return checkPlateAtDesk(ctx.db, {
    plate: parsed.plate,
    country: parsed.country,
    zone: input.zone,
    at: input.at ?? romeDateTimeOf(ctx.now()),
  });
}
