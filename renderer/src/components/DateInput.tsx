import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { useT } from '../i18n/useT';
import { italianDate, parseItalianDate } from './date-text';

/**
 * The counter's date field: a text box in gg/mm/aaaa, the same on every PC (see date-text.ts for
 * why not <input type="date">). `value` and `onChange` speak ISO dates like the native field
 * did: '' while the text is empty or not yet a whole, real date.
 */
export function DateInput({
  value,
  onChange,
  ref,
  ...rest
}: {
  value: string;
  onChange: (iso: string) => void;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  const { locale } = useT();
  const [text, setText] = useState(() => italianDate(value));
  // the form set another date (a default, a reset): show it; a half-typed date is left alone
  const shown = (parseItalianDate(text) ?? '') === value ? text : italianDate(value);
  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={rest.placeholder ?? (locale === 'it' ? 'gg/mm/aaaa' : 'dd/mm/yyyy')}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseItalianDate(e.target.value) ?? '');
      }}
      onBlur={(e) => {
        const iso = parseItalianDate(e.target.value);
        if (iso) setText(italianDate(iso));
        rest.onBlur?.(e);
      }}
    />
  );
}
