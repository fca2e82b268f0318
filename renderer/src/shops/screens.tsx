import type { ScreenService } from '../services/screen-service';
import { ShopsScreen } from './ShopsScreen';

/** Commercio di vicinato (F12): the register of shops, filings, the supervisors' SCIA checks. */
export const shopsScreens: ScreenService = {
  id: 'shops',
  area: { key: 'F12', label: 'shop.title', Screen: (props) => <ShopsScreen {...props} /> },
};
