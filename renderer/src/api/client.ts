import type { SportelloApi } from '../../../shared/contract/api';
import { buildApi } from '../../../shared/contract/build-api';
import { trackWork } from '../hooks/useProgress';

const TOKEN_KEY = 'sportello.token';

/** Browser mode: the token comes once in the URL fragment (never sent to a server), then lives in sessionStorage. */
function browserModeToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

// read at start, as before: the fragment is cleared from the address at once
const token = window.sportelloIpc ? '' : browserModeToken();

const httpTransport: Parameters<typeof buildApi>[0] = async (call, input) => {
  try {
    const res = await fetch('/rpc', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sportello-token': token },
      body: JSON.stringify({ call, input }),
    });
    return (await res.json()) as Awaited<ReturnType<Parameters<typeof buildApi>[0]>>;
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Sportello non risponde (il processo locale è chiuso?).' },
    };
  }
};

/** The contract, whichever transport carries it; every call shows progress once it is slow. */
export const api: SportelloApi = buildApi((call, input) =>
  trackWork(call, () =>
    window.sportelloIpc ? window.sportelloIpc.invoke(call, input) : httpTransport(call, input),
  ),
);
