import { AppError } from '../errors/app-error';

/** AgID misure minime (ABSC 5.7): at least 14 characters for administrative accounts; we ask it of all. */
export const MIN_PASSWORD_LENGTH = 14;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The account name as it will be stored and typed at the desk (lower case, trimmed), or a typed error. */
export function checkNewUsername(typed: string): string {
  const username = typed.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AppError('username_invalid');
  return username;
}

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new AppError('password_too_short', { min: MIN_PASSWORD_LENGTH });
}
