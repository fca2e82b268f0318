/**
 * The page's Content-Security-Policy, sent as a header by the app:// handler. It is the same
 * policy as renderer/index.html's meta tag (browser mode has only the tag; a test keeps the two
 * equal): only our own scripts, no eval, no remote content, no plugins, no forms posting
 * anywhere; the page talks to the core through IPC only, so connect-src is just 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
