/**
 * The page's Content-Security-Policy, sent as a header by the app:// handler (and repeated in
 * renderer/index.html's meta tag for browser mode). Only our own scripts; no eval, no remote
 * content, no plugins; blob: for the PDFs the desk generates and shows; the page talks to the core
 * through IPC only, so connect-src is just 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
