import type { ScreenService } from '../services/screen-service';
import { CanoneScreen } from './CanoneScreen';
import { ResidentCanoneActions } from './ResidentCanoneActions';

/** Canone unico (F11): occupations by street, applications, the form; on a resident's page the form. */
export const canoneScreens: ScreenService = {
  id: 'canone',
  area: { key: 'F11', label: 'canone.area', Screen: (props) => <CanoneScreen {...props} /> },
  ResidentActions: (props) => <ResidentCanoneActions {...props} />,
};
