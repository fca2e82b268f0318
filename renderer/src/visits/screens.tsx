import type { ScreenService } from '../services/screen-service';
import { OpenItemsCard } from './OpenItemsCard';

/** The visit at the desk: on a resident's page, what the household can settle in this visit. */
export const visitsScreens: ScreenService = {
  id: 'visits',
  ResidentCard: (props) => <OpenItemsCard {...props} />,
};
