import { CHANNEL_LABELS } from '../../../shared/cashdesk/cashdesk-messages';
import type { BasketDone } from '../../../shared/contract/cashdesk-views';
import { printPdf, useObjectUrl } from '../documents/pdf-blob';
import { euro } from '../cashdesk/money';
import { useT } from '../i18n/useT';

/** The receipt just given for several items: its number, a line per item, the change, print. */
export function BasketReceipt({ receipt }: { receipt: BasketDone }) {
  const { t, locale } = useT();
  const url = useObjectUrl(receipt.pdfBase64, 'application/pdf');
  return (
    <div className="card issued" data-testid="basket-receipt">
      <h3 data-testid="basket-receipt-title">{t('receiptTitle', { number: receipt.receiptNumber })}</h3>
      <p className="small">{t('visits.basket.receiptItems')}</p>
      <ul className="fee-lines">
        {receipt.lines.map((l) => (
          <li key={l} data-testid="basket-receipt-line">
            {l}
          </li>
        ))}
        <li data-testid="basket-receipt-total">
          {CHANNEL_LABELS[receipt.channel][locale]}: {euro(receipt.totalCents, locale)}
        </li>
        {receipt.changeCents !== null && (
          <li>{t('change', { amount: euro(receipt.changeCents, locale) })}</li>
        )}
      </ul>
      <button
        type="button"
        className="btn btn-primary"
        autoFocus
        onClick={() => printPdf(url)}
        data-testid="basket-print"
      >
        {t('printReceipt')}
      </button>{' '}
      <a className="btn btn-ghost" href={url} download={`${receipt.receiptNumber}.pdf`}>
        {t('savePdf')}
      </a>
    </div>
  );
}
