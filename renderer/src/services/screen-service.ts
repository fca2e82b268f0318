import type { ReactElement } from 'react';
import type { ResidentDetail, SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';
import type { UiKey } from '../../../shared/i18n/ui-messages';
import type { DeskTask } from '../../../shared/visits/booked-task';

/** What every work area receives from the shell (App.tsx). */
export interface AreaProps {
  session: SessionInfo;
  /** changes when the counter's synced data may have changed: screens look again */
  syncMark: string;
  onOpenResident: (id: string) => void;
  onError: (e: ErrorData) => void;
}

export interface ResidentSlotProps {
  resident: ResidentDetail;
  session: SessionInfo;
  onError: (e: ErrorData) => void;
  /**
   * The task a called booking starts (shared/visits/booked-task.ts): the slot whose task it is
   * opens it once, when the page mounts. The page is mounted anew for each call, so a closed
   * form does not come back.
   */
  startTask?: DeskTask;
}

/**
 * A service's screens, in its own `renderer/src/<service>/` folder and listed once in
 * `registered.ts`: a work area beside the registry opened by a function key, and what it adds to
 * a resident's page (header actions, a card). The shell builds its navigation from these.
 */
export interface ScreenService {
  id: string;
  area?: {
    /**
     * the function key that opens it (unique across services; F2, F4, F6, F9 are the shell's);
     * with all twelve taken, `Shift+F…` (the admin area: not a counter task)
     */
    key: `F${number}` | `Shift+F${number}`;
    label: UiKey;
    Screen: (props: AreaProps) => ReactElement;
    /**
     * Who may open it, when not every clerk (special-category data, DOMAIN.md §12.1): for the
     * others the shell draws no button and the key does nothing. Default: everyone.
     */
    visibleTo?: (session: SessionInfo) => boolean;
  };
  ResidentActions?: (props: ResidentSlotProps) => ReactElement | null;
  ResidentCard?: (props: ResidentSlotProps) => ReactElement | null;
}

/** Whether the session's clerk may open the service's area (and see its button). */
export const areaVisible = (s: ScreenService, session: SessionInfo): boolean =>
  !!s.area && (s.area.visibleTo?.(session) ?? true);
