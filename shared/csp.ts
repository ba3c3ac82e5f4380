// One Content-Security-Policy for every way the renderer is served: the
// app:// protocol in Electron, the loopback harness, and the <meta> in
// renderer/index.html (a test keeps the three identical).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
