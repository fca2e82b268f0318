import type { ScreenService } from '../services/screen-service';
import { CasesScreen } from './CasesScreen';
import { ResidentCaseActions } from './ResidentCaseActions';

/** The case engine's screens: the queue, dashboard and registers (F7), and intake from a resident. */
export const casesScreens: ScreenService = {
  id: 'cases',
  area: { key: 'F7', label: 'areaCases', Screen: (props) => <CasesScreen {...props} /> },
  ResidentActions: ({ resident, onError, startTask }) => (
    <ResidentCaseActions resident={resident} onError={onError} startTask={startTask} />
  ),
};
