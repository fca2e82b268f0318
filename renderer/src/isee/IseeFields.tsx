import type { Ref } from 'react';
import type { IseeType } from '../../../shared/isee/statement';
import { DateInput } from '../components/DateInput';

/** The ISEE attestation as typed from the INPS form: text, parsed by the desk with the ISEE rules. */
export interface IseeFieldValues {
  /** '' = no ISEE presented (only where `noneLabel` is given) */
  type: IseeType | '';
  /** "6.000,01" as typed */
  value: string;
  dsuProtocol: string;
  issuedOn: string;
  /** '' = the default expiry (31 December of the year of issue) */
  expiresOn: string;
}

export const EMPTY_ISEE: IseeFieldValues = {
  type: 'ordinario',
  value: '',
  dsuProtocol: '',
  issuedOn: '',
  expiresOn: '',
};

/** "6000,01" from cents, as the clerk would type it. */
export const iseeValueText = (cents: number): string => (cents / 100).toFixed(2).replace('.', ',');

const row: React.CSSProperties = { display: 'flex', gap: '0.75rem', flexWrap: 'wrap' };

/**
 * The ISEE fields every form that takes an attestation shows (type, value in euro with at most
 * two decimals, DSU protocol, issue and expiry dates), in one row. Wording comes from the caller
 * in the clerk's language; the checks are the desk's (shared/isee/statement.ts), answered live.
 */
export function IseeFields(props: {
  values: IseeFieldValues;
  onChange: (next: IseeFieldValues) => void;
  types: readonly { code: string; label: string }[];
  labels: { type: string; value: string; dsu: string; issued: string; expires: string; expiresHint?: string };
  /** given: an option for "no ISEE presented", which hides the other fields */
  noneLabel?: string;
  /** false: no expiry field (the desk applies the default, 31 December of the year of issue) */
  withExpiry?: boolean;
  /** data-testid prefix: `<prefix>-type`, `-value`, `-dsu`, `-issued`, `-expires` */
  testId: string;
  typeRef?: Ref<HTMLSelectElement>;
  valueRef?: Ref<HTMLInputElement>;
}) {
  const { values, onChange, labels, testId, types, noneLabel, typeRef, valueRef, withExpiry = true } = props;
  const set = (patch: Partial<IseeFieldValues>) => onChange({ ...values, ...patch });
  return (
    <div style={row}>
      <label className="field" style={{ flex: '0 1 12rem' }}>
        <span>{labels.type}</span>
        <select
          ref={typeRef}
          value={values.type}
          onChange={(e) => set({ type: e.target.value as IseeType | '' })}
          data-testid={`${testId}-type`}
        >
          {noneLabel !== undefined && <option value="">{noneLabel}</option>}
          {types.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      {values.type !== '' && (
        <>
          <label className="field" style={{ flex: '0 1 9rem' }}>
            <span>{labels.value}</span>
            <input
              ref={valueRef}
              value={values.value}
              onChange={(e) => set({ value: e.target.value })}
              inputMode="decimal"
              autoComplete="off"
              data-testid={`${testId}-value`}
            />
          </label>
          <label className="field" style={{ flex: '1 1 16rem' }}>
            <span>{labels.dsu}</span>
            <input
              value={values.dsuProtocol}
              onChange={(e) => set({ dsuProtocol: e.target.value.toUpperCase() })}
              className="mono"
              placeholder="INPS-ISEE-2026-000000000-00"
              autoComplete="off"
              data-testid={`${testId}-dsu`}
            />
          </label>
          <label className="field" style={{ flex: '0 1 10rem' }}>
            <span>{labels.issued}</span>
            <DateInput
              value={values.issuedOn}
              onChange={(value) => set({ issuedOn: value })}
              data-testid={`${testId}-issued`}
            />
          </label>
          {withExpiry && (
            <label className="field" style={{ flex: '0 1 10rem' }}>
              <span>{labels.expires}</span>
              <DateInput
                value={values.expiresOn}
                onChange={(value) => set({ expiresOn: value })}
                title={labels.expiresHint}
                data-testid={`${testId}-expires`}
              />
            </label>
          )}
        </>
      )}
    </div>
  );
}
