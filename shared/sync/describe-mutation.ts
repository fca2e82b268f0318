import { cents, isCents } from '../money/cents';
import { formatEuro } from '../money/euro-format';

/** One line a clerk or supervisor can read for a queued or rejected mutation. */
export function describeMutation(name: string, args: unknown): string {
  const a = (args ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => String(v ?? '—');
  switch (name) {
    case 'registry.updateContacts':
      return `Recapiti scheda ${s(a.residentId)}: tel. ${s(a.phone)}, e-mail ${s(a.email)}`;
    case 'registry.setCertifiable':
      return `Scheda ${s(a.residentId)} ${a.notCertifiable ? 'non certificabile' : 'di nuovo certificabile'}: ${s(a.reason)}`;
    case 'certificates.record':
      return `Certificato ${s(a.id)} (${s(a.title)})`;
    case 'certificates.revoke':
      return `Revoca del certificato ${s(a.id)}: ${s(a.reason)}`;
    case 'declarations.record':
      return `Dichiarazione sostitutiva del ${s(a.issuedOn)}`;
    case 'cashdesk.recordBasket':
      // a whole receipt, or (a double payment's exception) one of its lines, described as a payment
      if (Array.isArray(a.items)) {
        const total = a.items.reduce(
          (sum: number, i: { amountCents?: unknown }) => sum + (isCents(i.amountCents) ? i.amountCents : 0),
          0,
        );
        return `Incasso ${s(a.receiptNumber)}: ${a.items.length} pendenze, ${formatEuro(cents(total), 'it')}`;
      }
      return describeMutation('cashdesk.recordPayment', args);
    case 'cashdesk.recordPayment': {
      const debt = (a.debt ?? {}) as Record<string, unknown>;
      const amount = isCents(a.amountCents) ? formatEuro(cents(a.amountCents), 'it') : '€ —';
      return `Incasso ${s(a.receiptNumber)}: ${amount} per ${debt.kind === 'fine' ? 'il verbale' : "l'avviso"} ${s(debt.key)}`;
    }
    case 'cashdesk.recordReversal':
      return `${a.kind === 'refund' ? 'Rimborso' : 'Rettifica'} approvato da ${s(a.approvedBy)}: ${s(a.reason)}`;
    case 'cashdesk.openSession':
      return `Apertura cassa del ${s(a.businessDate)}`;
    case 'cashdesk.closeSession':
      return `Chiusura di cassa vistata da ${s(a.signedOffBy)}`;
    default:
      if (name.startsWith('cases.'))
        return `Pratica: ${name.slice('cases.'.length)}${a.caseId ? ` ${s(a.caseId)}` : ''}`;
      return name;
  }
}
