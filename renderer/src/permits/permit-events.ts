/**
 * The resident page's permit pieces (the header button and the card) are separate slots: they
 * talk through two window events. The card asks the form to open on a renewal; the form tells
 * the card that a permit was issued.
 */
export const OPEN_PERMIT_FORM = 'sportello:permits:open';
export const PERMITS_CHANGED = 'sportello:permits:changed';

export interface OpenPermitForm {
  renewsId?: string;
}

export const openPermitForm = (detail: OpenPermitForm = {}): void => {
  window.dispatchEvent(new CustomEvent<OpenPermitForm>(OPEN_PERMIT_FORM, { detail }));
};

export const permitsChanged = (): void => {
  window.dispatchEvent(new Event(PERMITS_CHANGED));
};
