/**
 * Screen wording of the visit at the desk (issue 19), Italian first. Keys are prefixed `visits.`
 * so they merge into UI_MESSAGES without clashes.
 */
const IT = {
  'visits.openItems.title': 'Da sistemare in questa visita',
  'visits.openItems.none': 'Nessuna pendenza aperta per il nucleo familiare.',
  'visits.openItems.hint':
    'Spazio seleziona, Invio sulla riga agisce, «Incassa» prende i selezionati in un solo pagamento.',
  'visits.openItems.select': 'Seleziona',
  'visits.openItems.person': 'Persona',
  'visits.openItems.what': 'Pendenza',
  'visits.openItems.date': 'Scadenza',
  'visits.openItems.amount': 'Importo',
  'visits.openItems.payable': 'Totale incassabile oggi: {amount}',
  'visits.openItems.selected': 'Selezionati: {count}, {amount}',
  'visits.openItems.paySelected': 'Incassa selezionati',
  'visits.openItems.renew': 'Rinnova',
  'visits.openItems.openCase': 'Pratiche (F7)',
  'visits.kind.fine': 'Multa',
  'visits.kind.notice': 'Avviso pagoPA',
  'visits.kind.canteen': 'Mensa scolastica',
  'visits.kind.permit': 'Permesso in scadenza',
  'visits.kind.case': 'Pratica aperta',
  'visits.basket.title': 'Un pagamento, una ricevuta',
  'visits.basket.confirm': 'Incassa {amount}',
  'visits.basket.receiptItems': 'Voci della ricevuta',
  'visits.basket.noTill': 'Aprire la cassa (F8) prima di incassare.',
} as const;

const EN: Record<keyof typeof IT, string> = {
  'visits.openItems.title': 'To settle in this visit',
  'visits.openItems.none': 'Nothing open for this household.',
  'visits.openItems.hint':
    'Space selects, Enter on a row acts on it, “Take payment” takes the selected ones in one payment.',
  'visits.openItems.select': 'Select',
  'visits.openItems.person': 'Person',
  'visits.openItems.what': 'Item',
  'visits.openItems.date': 'Due',
  'visits.openItems.amount': 'Amount',
  'visits.openItems.payable': 'Payable today: {amount}',
  'visits.openItems.selected': 'Selected: {count}, {amount}',
  'visits.openItems.paySelected': 'Take payment',
  'visits.openItems.renew': 'Renew',
  'visits.openItems.openCase': 'Cases (F7)',
  'visits.kind.fine': 'Fine',
  'visits.kind.notice': 'pagoPA notice',
  'visits.kind.canteen': 'School canteen',
  'visits.kind.permit': 'Permit expiring',
  'visits.kind.case': 'Open case',
  'visits.basket.title': 'One payment, one receipt',
  'visits.basket.confirm': 'Take {amount}',
  'visits.basket.receiptItems': 'Items on the receipt',
  'visits.basket.noTill': 'Open the till (F8) before taking a payment.',
};

export const VISITS_UI = { it: IT, en: EN };
