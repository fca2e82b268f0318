import { createContext, useContext } from 'react';
import { interpolate, type Locale } from '../../../shared/i18n/locale';
import { uiMessages, type UiKey } from '../../../shared/i18n/ui-messages';

export const LocaleContext = createContext<Locale>('it');

export type T = (key: UiKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): T {
  return (key, params) => interpolate(uiMessages()[locale][key], params);
}

export function useT(): { t: T; locale: Locale } {
  const locale = useContext(LocaleContext);
  return { t: translator(locale), locale };
}
