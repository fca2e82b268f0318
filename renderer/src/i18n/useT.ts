import { createContext, useContext } from 'react';
import { interpolate, type Locale } from '../../../shared/i18n/locale';
import { uiMessages, type UiKey } from '../../../shared/i18n/ui-messages';

export const LocaleContext = createContext<Locale>('it');

export type T = (key: UiKey, params?: Record<string, string | number>) => string;

const translators = new Map<Locale, T>();

/**
 * The wording of one language. One function per language, the same at every render: screens
 * list `t` among an effect's dependencies, and a new `t` each render re-ran those effects at
 * every state change (the counter bar reloaded its queue and dropped the ticket it had just called).
 */
export function translator(locale: Locale): T {
  let t = translators.get(locale);
  if (!t) {
    t = (key, params) => interpolate(uiMessages()[locale][key], params);
    translators.set(locale, t);
  }
  return t;
}

export function useT(): { t: T; locale: Locale } {
  const locale = useContext(LocaleContext);
  return { t: translator(locale), locale };
}
