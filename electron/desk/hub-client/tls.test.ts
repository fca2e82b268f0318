import { describe, expect, it } from 'vitest';
import { assertSecureHubUrl, isLoopbackHost } from './tls';

describe('which hub addresses the desk accepts', () => {
  it.each([
    'https://hub.casale.example',
    'https://10.0.0.5:8443/',
    'http://127.0.0.1:8710',
    'http://localhost:8710',
    'http://[::1]:8710',
  ])('accepts %s', (url) => {
    expect(assertSecureHubUrl(url).href).toContain(new URL(url).host);
  });

  it.each([
    'http://hub.casale.example',
    'http://10.0.0.5:8710',
    'http://localhost.evil.example',
    'http://127.0.0.1.nip.io',
    'ws://localhost',
    'nonsense',
  ])('refuses %s with insecure_hub_url', (url) => {
    expect(() => assertSecureHubUrl(url)).toThrow(expect.objectContaining({ code: 'insecure_hub_url' }));
  });

  it('knows loopback', () => {
    expect(isLoopbackHost('127.3.2.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
