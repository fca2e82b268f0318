import { inSocialOffice } from '../../../shared/social/social-access';
import type { ScreenService } from '../services/screen-service';
import { ResidentSocialActions } from './ResidentSocialActions';
import { SocialScreen } from './SocialScreen';

/**
 * Social services (F1): for the social-services office only (special-category data): the other
 * clerks see no button, F1 does nothing for them and a resident's page shows them nothing.
 */
export const socialScreens: ScreenService = {
  id: 'social',
  area: {
    key: 'F1',
    label: 'social.area',
    Screen: (props) => <SocialScreen {...props} />,
    visibleTo: (session) => inSocialOffice(session.clerk.offices),
  },
  ResidentActions: (props) =>
    inSocialOffice(props.session.clerk.offices) ? <ResidentSocialActions {...props} /> : null,
};
