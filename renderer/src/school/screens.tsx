import type { ScreenService } from '../services/screen-service';
import { ResidentSchoolActions } from './ResidentSchoolActions';
import { SchoolScreen } from './SchoolScreen';

/** Canteen and school transport (F5): families' accounts, enrolments by class; Alt+M on a pupil's page. */
export const schoolScreens: ScreenService = {
  id: 'school',
  area: { key: 'F5', label: 'school.area', Screen: (props) => <SchoolScreen {...props} /> },
  ResidentActions: (props) => <ResidentSchoolActions {...props} />,
};
