/** The desk's own refusals around the queue (the hub's are in visit-errors.ts). */
export const VISIT_DESK_ERRORS = {
  visits_counter_unset: {
    it: 'Indicare prima il numero di questo sportello.',
    en: 'Set this counter’s number first.',
  },
  visits_supervisors_only: {
    it: 'Le statistiche delle attese sono riservate ai responsabili.',
    en: 'Waiting-time statistics are for supervisors only.',
  },
} as const;
