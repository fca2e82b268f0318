import type { Issuer } from '../../../shared/certificates/build-certificate';
import { AppError } from '../../../shared/errors/app-error';
import type { DeskContext, ActiveSession } from '../context';
import { getMeta } from '../db/meta-repository';
import { SERIES_KEY } from '../setup/setup-service';

export const ANAGRAFE_OFFICE = 'Servizi Demografici – Ufficio Anagrafe';
/** Counter clerks sign as delegates of the ufficiale d'anagrafe (DPR 223/1989 art. 3). */
export const DELEGATE_TITLE = "L'Ufficiale d'Anagrafe delegato";

export interface DeskIssuer {
  issuer: Issuer;
  series: string;
  hubBase: string | null;
}

/** Who issues from this counter: the comune (from the mirror), the clerk, the workstation's series. */
export async function deskIssuer(ctx: DeskContext, session: ActiveSession): Promise<DeskIssuer> {
  const series = await getMeta(ctx.db, SERIES_KEY);
  if (!series) throw new AppError('series_missing');
  const comune = session.info.comune;
  return {
    issuer: {
      comune: {
        belfiore: comune.belfiore,
        name: comune.name,
        province: (await getMeta(ctx.db, 'comune.province')) ?? '',
        istat: (await getMeta(ctx.db, 'comune.istat')) ?? '',
      },
      office: ANAGRAFE_OFFICE,
      officer: session.info.clerk.displayName,
      officerTitle: DELEGATE_TITLE,
    },
    series,
    hubBase: ctx.credentials.read()?.hubUrl ?? null,
  };
}
