// Untrusted HTML from the portal (document bodies, country-sheet sections …)
// goes through here before it reaches the DOM. DOMPurify removes scripts,
// event handlers and anything executable; on top of that we keep only link
// targets the app can open safely and only images that need no network.
import DOMPurify, { type Config } from 'dompurify';

/** Links the app may open: the web and e-mail (the navigation policy sends them to the system browser), and anchors in the page. */
const SAFE_LINK = /^(?:https?:|mailto:|#)/i;
/** `#/…` is the app's own hash router: a portal link must not drive the app (open Settings, start an export…). */
const ROUTER_LINK = /^#\//;
/** Images must be inline raster data: remote ones would leak the reader's address and fail offline; SVG can carry script. */
const SAFE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  // <dialog> and popover can lay content over the app's own interface (a fake sign-in form, say).
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math', 'video', 'audio', 'source', 'track', 'template', 'dialog'],
  // Inline styles are refused by our CSP anyway; class and id must not reach into the app's own styles and elements.
  FORBID_ATTR: ['style', 'class', 'srcset', 'ping', 'formaction', 'action', 'background', 'poster', 'popover', 'popovertarget', 'popovertargetaction', 'open'],
  ALLOW_DATA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
};

let purifier: ReturnType<typeof DOMPurify> | undefined;

function configured(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'IMG') {
      // An image that would need the network (or could carry script) keeps only its alt text.
      if (!SAFE_IMAGE.test(node.getAttribute('src')?.trim() ?? '')) node.removeAttribute('src');
      return;
    }
    if (node.tagName !== 'A' && node.tagName !== 'AREA') return;
    const target = node.getAttribute('href')?.trim() ?? '';
    if (!target || !SAFE_LINK.test(target) || ROUTER_LINK.test(target)) {
      node.removeAttribute('href');
      node.removeAttribute('target');
      return;
    }
    if (target.startsWith('#')) {
      node.removeAttribute('target');
      return;
    }
    // Outside links leave the app: a new window, which the app hands to the system browser.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

/** Sanitized HTML, safe to set as innerHTML inside the app. */
export function sanitizeHtml(html: string): string {
  return configured().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
}
