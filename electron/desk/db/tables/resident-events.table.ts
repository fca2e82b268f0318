import type { Insertable, Selectable } from 'kysely';
import type { ResidentEventKind } from '../../../../shared/registry/model';

export interface ResidentEventsTable {
  id: string;
  resident_id: string;
  kind: ResidentEventKind;
  date: string;
  description: string;
}
export type ResidentEventRow = Selectable<ResidentEventsTable>;
export type NewResidentEventRow = Insertable<ResidentEventsTable>;
