import type { ErrorData } from '../../../shared/errors/app-error';

/** Errors the shell handles (a session that ended); every other refusal is shown in the form. */
export const isSessionError = (e: ErrorData): boolean =>
  e.code === 'session_expired' || e.code === 'not_logged_in';
