import { interpolate } from '../i18n/locale';

/**
 * The fixed texts of a self-declaration (DOMAIN.md §2.3-2.4). Italian only: the declaration is
 * an Italian document; the counter shows the same wording the citizen signs.
 */

/**
 * Awareness of the consequences of false statements: criminal penalties (art. 76) and loss of
 * the benefits obtained (art. 75), DPR 445/2000.
 */
export const AWARENESS_CLAUSE =
  'consapevole delle sanzioni penali previste dall’art. 76 del d.P.R. 28 dicembre 2000, n. 445, per le ipotesi di falsità in atti e dichiarazioni mendaci, e della decadenza dai benefici eventualmente conseguiti sulla base di dichiarazioni non veritiere, prevista dall’art. 75 del medesimo decreto,';

/** Short privacy notice (GDPR art. 13); the full notice is published by the comune. */
export const PRIVACY_NOTICE_TEMPLATE =
  'Informativa ai sensi dell’art. 13 del Regolamento (UE) 2016/679: i dati personali sono trattati dal Comune di {comune}, titolare del trattamento, anche con strumenti informatici, esclusivamente per il procedimento per il quale la presente dichiarazione viene resa e per i controlli previsti dall’art. 71 del d.P.R. 445/2000. L’informativa completa è disponibile presso gli uffici e sul sito istituzionale del Comune.';

export function privacyNotice(comuneName: string): string {
  return interpolate(PRIVACY_NOTICE_TEMPLATE, { comune: comuneName });
}

/** No bollo and no authentication of the signature (DPR 445/2000 art. 37 c.1; art. 38). */
export const STAMP_DUTY_CLAUSE =
  'La presente dichiarazione è esente dall’imposta di bollo (art. 37, c. 1, d.P.R. 445/2000) e non richiede l’autenticazione della sottoscrizione (art. 38, d.P.R. 445/2000).';

/** Art. 38 c.3: signed before the clerk, after identification. */
export const SIGNED_IN_PRESENCE_TEMPLATE =
  'Dichiarazione sottoscritta in presenza del dipendente addetto{clerk}, previa identificazione {del} {dichiarante} mediante documento {document} n. {number}{issuer} (art. 38, c. 3, d.P.R. 445/2000).';

/** Art. 38 c.3: signed and sent with an unauthenticated copy of an identity document. */
export const DOCUMENT_ATTACHED_TEMPLATE =
  'Dichiarazione sottoscritta e presentata unitamente a copia fotostatica non autenticata di un documento di identità {del} {dichiarante} (art. 38, c. 3, d.P.R. 445/2000).';
