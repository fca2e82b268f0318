/** Refusals of the update feed and of IT's release commands. Merged into ERROR_MESSAGES. */
export const UPDATE_ERROR_MESSAGES = {
  update_release_not_found: {
    it: 'Nessuna versione {version} pubblicata per {platform}.',
    en: 'No version {version} published for {platform}.',
  },
  update_release_already_published: {
    it: 'La versione {version} per {platform} è già pubblicata: una versione non si sostituisce, se ne pubblica una nuova.',
    en: 'Version {version} for {platform} is already published: a version is never replaced, publish a new one.',
  },
  update_ring_release_not_found: {
    it: 'Nessuna versione disponibile per l’anello {ring} di questa postazione.',
    en: 'No version available to this workstation’s ring {ring}.',
  },
  update_file_not_found: {
    it: 'Il file {file} non fa parte di una versione offerta a questa postazione.',
    en: 'The file {file} is not part of a version offered to this workstation.',
  },
  update_ring_unknown: {
    it: 'Anello di aggiornamento sconosciuto: {ring}. Anelli: {rings}.',
    en: 'Unknown update ring: {ring}. Rings: {rings}.',
  },
  update_rollout_stopped: {
    it: 'La distribuzione della versione {version} è ferma ({reason}): nessun anello si apre finché non si pubblica una correzione.',
    en: 'The rollout of version {version} is stopped ({reason}): no ring opens until a fix is published.',
  },
  update_rollout_complete: {
    it: 'La versione {version} è già offerta a tutti gli anelli.',
    en: 'Version {version} is already offered to every ring.',
  },
  update_nothing_to_roll_back: {
    it: 'Nessuna versione precedente a cui tornare per {platform}.',
    en: 'No previous version to go back to for {platform}.',
  },
  update_range_invalid: {
    it: 'Intervallo di byte non valido per {file}.',
    en: 'Invalid byte range for {file}.',
  },
  update_downloads_busy: {
    it: 'Troppi aggiornamenti in corso: riprovare tra {seconds} secondi.',
    en: 'Too many updates in progress: try again in {seconds} seconds.',
  },
} as const;
