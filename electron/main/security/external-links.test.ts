import { describe, expect, it } from 'vitest';
import { decideWindowOpen, linkAllowList } from './external-links';

describe('links the page opens in a new window', () => {
  const allowed = linkAllowList(['https://hub.casale.example:8443', null, 'not a url']);

  it('opens the hub (verification pages) and the listed public sites in the system browser', () => {
    expect(decideWindowOpen('https://hub.casale.example:8443/verify/ABC', allowed)).toBe('open-external');
    expect(decideWindowOpen('https://checkout.pagopa.it/x', allowed)).toBe('open-external');
    expect(decideWindowOpen('https://WWW.comune.casale-monferrato.al.it/', allowed)).toBe('open-external');
  });

  it('opens a document the page generated inside the desk', () => {
    expect(decideWindowOpen('blob:app://sportello/0b6f-4c1e', allowed)).toBe('open-in-app');
    expect(decideWindowOpen('blob:https://evil.example/0b6f', allowed)).toBe('deny');
  });

  it.each([
    'http://hub.casale.example:8443/verify/ABC',
    'https://evil.example/',
    'https://hub.casale.example.evil.example/',
    'https://user:pw@checkout.pagopa.it/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(decideWindowOpen(url, allowed)).toBe('deny');
  });
});
