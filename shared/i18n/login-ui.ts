import type { Locale } from './locale';

/** Screen wording: Logins, lockout, password hashing, demo mode. Merged by uiMessages() (ui-messages.ts). */
const IT = {
  passwordChangeTitle: 'Scegli una nuova password',
  passwordChangeHint:
    "La password ricevuta dall'amministratore serve solo a sceglierne una personale: almeno {min} caratteri, senza il nome utente né pochi caratteri ripetuti.",
  newPassword: 'Nuova password',
  repeatNewPassword: 'Ripetere la nuova password',
  passwordChangeButton: 'Cambia password e accedi',
  changingPassword: 'Cambio in corso…',
  passwordsDiffer: 'Le due password non coincidono.',
  backToLogin: "Torna all'accesso",
} as const;

export type LoginUiKey = keyof typeof IT;

export const LOGIN_UI: Record<Locale, Record<LoginUiKey, string>> = {
  it: IT,
  en: {
    passwordChangeTitle: 'Choose a new password',
    passwordChangeHint:
      'The password the administrator gave you only lets you choose your own: at least {min} characters, without the username or a few characters repeated.',
    newPassword: 'New password',
    repeatNewPassword: 'Repeat the new password',
    passwordChangeButton: 'Change password and log in',
    changingPassword: 'Changing…',
    passwordsDiffer: 'The two passwords do not match.',
    backToLogin: 'Back to login',
  },
};
