import type { ScreenService } from '../services/screen-service';
import { AdminScreen } from './AdminScreen';

/**
 * Administration (Shift+F12): the comune's user accounts and workstations, for the admin role
 * only: the others see no button and the key does nothing (the hub refuses them too).
 */
export const adminScreens: ScreenService = {
  id: 'admin',
  area: {
    key: 'Shift+F12',
    label: 'admin.area',
    Screen: (props) => <AdminScreen {...props} />,
    visibleTo: (session) => session.clerk.role === 'admin',
  },
};
