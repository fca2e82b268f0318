import type { ScreenService } from '../services/screen-service';
import { CashdeskScreen } from './CashdeskScreen';

/** Fines, notices and the till (F8). */
export const cashdeskScreens: ScreenService = {
  id: 'cashdesk',
  area: { key: 'F8', label: 'areaCashdesk', Screen: ({ onError }) => <CashdeskScreen onError={onError} /> },
};
