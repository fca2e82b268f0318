import type { SportelloApi } from '../../../shared/contract/api';
import { buildApi } from '../../../shared/contract/build-api';

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

function httpApi(): SportelloApi {
  const token = browserModeToken();
  return buildApi(async (call, input) => {
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
  });
}

/** The contract, whichever transport carries it. */
export const api: SportelloApi = window.sportelloIpc ? buildApi(window.sportelloIpc.invoke) : httpApi();
