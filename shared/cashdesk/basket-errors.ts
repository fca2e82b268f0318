/**
 * Why a payment of several debts at once was refused, at the counter or at the hub. Merged into
 * ERROR_MESSAGES through the cash desk service. HTTP status by name (hub/http-errors.ts).
 */
export const BASKET_ERROR_MESSAGES = {
  basket_debt_twice: {
    it: 'La pendenza {key} compare due volte nello stesso pagamento.',
    en: 'Debt {key} appears twice in the same payment.',
  },
} as const;
