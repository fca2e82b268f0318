import type { ScreenService } from '../services/screen-service';
import { PermitsCard } from './PermitsCard';
import { PermitsScreen } from './PermitsScreen';
import { ResidentPermitActions } from './ResidentPermitActions';

/** Permits (F10): plate lookup and expiring list; on a resident's page the form (F3) and the card. */
export const permitsScreens: ScreenService = {
  id: 'permits',
  area: { key: 'F10', label: 'permit.area', Screen: (props) => <PermitsScreen {...props} /> },
  ResidentActions: (props) => <ResidentPermitActions {...props} />,
  ResidentCard: (props) => <PermitsCard {...props} />,
};
