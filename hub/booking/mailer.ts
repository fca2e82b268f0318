import nodemailer from 'nodemailer';

/**
 * The port booking mail goes through. Production: SMTP (nodemailer) at SPORTELLO_SMTP_URL
 * (`smtp://user:pass@host:587`, `smtps://…`), from SPORTELLO_MAIL_FROM. Demo and tests: the same
 * SMTP code pointed at a real local `smtp-server` whose messages they read. An SMS gateway would be
 * a second implementation of `send` keyed on a phone number; until one is configured a booking with
 * only a phone gets its code on the page, and nothing is sent.
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

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const url = env.SPORTELLO_SMTP_URL?.trim();
  if (!url) return noMailer;
  return smtpMailer(url, env.SPORTELLO_MAIL_FROM?.trim() || 'Sportello <noreply@sportello.invalid>');
}
