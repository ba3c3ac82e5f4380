// One Content-Security-Policy for every way the renderer is served: the
// app:// protocol in Electron, the loopback harness, and the <meta> in
// renderer/index.html (a test keeps the three identical).
//
// style-src allows exactly two <style> blocks by hash, no other inline style:
// React Aria injects them at run time (usePress: `touch-action` on pressable
// elements; usePreventScroll: `overscroll-behavior` while a modal is open).
// If a React Aria upgrade changes their text, the browser reports a CSP
// violation and the end-to-end tests, which fail on console errors, say so.
const REACT_ARIA_STYLE_HASHES = [
  "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='", // react-aria usePress
  "'sha256-gYiS/BvZvRcK27JIXTuwhZ3hs2+VJ1X+2gUlE+farlg='", // react-aria usePreventScroll
];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_STYLE_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Headers on every renderer response, in Electron (app://) and in the loopback
 * harness alike: the CSP above, no MIME sniffing, no referrer, no framing, and
 * an opener and resources kept to the renderer's own origin.
 */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
