import type { ShopEventType } from '../../../shared/shops/shop-events';
import type { ShopStatus } from '../../../shared/shops/shop-wire';

/** The events a shop of this status may file, in the order the list offers them. */
export function eventsFor(status: ShopStatus): ShopEventType[] {
  switch (status) {
    case 'active':
      return [
        'cessazione',
        'sospensione',
        'subingresso',
        'trasferimento',
        'ampliamento',
        'variazione_settore',
      ];
    case 'suspended':
      return ['ripresa', 'cessazione', 'subingresso'];
    default:
      return [];
  }
}
