/**
 * One line a clerk reads for a record of the hub's change log this counter set aside: what it
 * is about, never its raw content.
 */
export function describeChange(entity: string, entityId: string): string {
  switch (entity) {
    case 'resident':
      return `Scheda anagrafica ${entityId}`;
    case 'clerk':
      return `Utenza ${entityId}`;
    case 'certificate':
      return `Certificato ${entityId}`;
    case 'verbale':
      return `Verbale ${entityId}`;
    case 'debt_position':
      return `Avviso di pagamento ${entityId}`;
    case 'payment':
      return `Incasso ${entityId}`;
    case 'counter_session':
      return `Sessione di cassa ${entityId}`;
    case 'case':
      return `Pratica ${entityId}`;
    default:
      return `Dato di tipo «${entity}» (${entityId})`;
  }
}
