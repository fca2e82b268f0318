import type { CanoneFeeWire } from '../../../shared/canone/canone-wire';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';

/**
 * The fee as the rules computed it (fee.ts): one line per factor — tariff × zone × category ×
 * measure × days — and the total. A factor whose value is still to be confirmed with the comune's
 * regulation carries a [U] mark, so the clerk does not present it as certain.
 */
/** Which breakdown line an uncertain value of fee.ts (`uncertain` codes) belongs to. */
export function uncertainLine(lineCode: string, uncertain: readonly string[]): boolean {
  const has = (code: string) => uncertain.includes(code);
  switch (lineCode) {
    case 'tariff':
      return has('tariff') || has('residents');
    case 'zone':
      return has('zone');
    case 'category':
      return uncertain.some((u) => u.startsWith('category:'));
    case 'charged_measure':
      return has('rounding');
    case 'own_sign_exemption':
      return has('own_sign');
    default:
      return has(lineCode);
  }
}

export function FeeBreakdown({ fee }: { fee: CanoneFeeWire }) {
  const { t, locale } = useT();
  return (
    <div data-testid="canone-fee-breakdown">
      <table className="results compact" style={{ maxWidth: '36rem' }}>
        <tbody>
          {fee.lines.map((line) => (
            <tr key={line.code} data-testid="canone-fee-line" data-code={line.code}>
              <td>
                {line.label[locale]}
                {uncertainLine(line.code, fee.uncertain) && (
                  <span className="muted small" title={t('canone.form.uncertain')}>
                    {' '}
                    [U]
                  </span>
                )}
              </td>
              <td className={line.code === 'total' ? 'strong mono' : 'mono'} style={{ textAlign: 'right' }}>
                {line.values[locale]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="strong" data-testid="canone-fee-total">
        {t('canone.field.fee')}: {euro(fee.totalCents, locale)}
        {fee.uncertain.length > 0 && (
          <span className="muted small" data-testid="canone-fee-uncertain">
            {' '}
            · [U] {t('canone.form.uncertain')}
          </span>
        )}
      </p>
    </div>
  );
}
