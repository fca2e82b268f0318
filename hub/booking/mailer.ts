import nodemailer from 'nodemailer';
import { smsFromEnv, type SmsSender } from './sms';

/**
 * The port booking mail goes through. Production: SMTP (nodemailer) at SPORTELLO_SMTP_URL
 * (`smtp://user:pass@host:587`, `smtps://…`), from SPORTELLO_MAIL_FROM. Demo and tests: the same
 * SMTP code pointed at a real local `smtp-server` whose messages they read. Text messages go
 * through the SMS port beside it (sms.ts); `Messenger` carries both.
 */
export interface BookingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: BookingMail): Promise<void>;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/** No SMTP configured: the mail is not sent (the hub logs that it was due). */
export const noMailer: Mailer = {
  send: async (mail) => {
    console.warn(`[hub] booking mail to ${mail.to.replace(/^(.).*@/, '$1…@')} not sent: no SMTP configured`);
  },
};

/** Both ports a booking's messages go through. */
export interface Messenger {
  mail: Mailer;
  sms: SmsSender;
}

export function messengerFromEnv(env: NodeJS.ProcessEnv = process.env): Messenger {
  return { mail: mailerFromEnv(env), sms: smsFromEnv(env) };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const url = env.SPORTELLO_SMTP_URL?.trim();
  if (!url) return noMailer;
  return smtpMailer(url, env.SPORTELLO_MAIL_FROM?.trim() || 'Sportello <noreply@sportello.invalid>');
}
