/**
 * The port booking text messages go through. Production: an SMS gateway's HTTP API at
 * SPORTELLO_SMS_URL, called with a JSON POST `{ sender, recipient, text }` and the bearer token
 * SPORTELLO_SMS_TOKEN: the shape most Italian gateways accept directly or through a one-line
 * proxy, so the hub holds no provider's SDK. Demo and tests: the same code pointed at a real local
 * HTTP server whose received messages they read. No URL: nothing is sent (the hub logs it).
 */
export interface BookingSms {
  /** the number as the citizen or the registry gave it; sent in international form */
  to: string;
  text: string;
}

export interface SmsSender {
  send(sms: BookingSms): Promise<void>;
}

/** '333 123 4567' → '+393331234567': Italian numbers get the country code, others keep theirs. */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s./()-]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return `+39${digits}`;
}

const GATEWAY_TIMEOUT_MS = 10_000;

export function httpSmsSender(url: string, token: string | null, sender: string): SmsSender {
  return {
    async send(sms) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ sender, recipient: internationalNumber(sms.to), text: sms.text }),
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
      });
      // the gateway's answer names no person; its status is all the hub needs
      await res.body?.cancel();
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

/** No gateway configured: the message is not sent (the hub logs that it was due, number masked). */
export const noSms: SmsSender = {
  send: async (sms) => {
    console.warn(`[hub] booking SMS to …${sms.to.slice(-3)} not sent: no SMS gateway configured`);
  },
};

export function smsFromEnv(env: NodeJS.ProcessEnv = process.env): SmsSender {
  const url = env.SPORTELLO_SMS_URL?.trim();
  if (!url) return noSms;
  return httpSmsSender(
    url,
    env.SPORTELLO_SMS_TOKEN?.trim() || null,
    env.SPORTELLO_SMS_SENDER?.trim() || 'Comune',
  );
}
