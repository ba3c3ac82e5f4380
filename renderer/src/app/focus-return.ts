// Back from the Reader puts focus where the user left: the list row or the
// link they opened. When a screen is left for the Reader, what had focus is
// remembered as a selector (an element's data-focus-key, or a link's href);
// coming back from the Reader, the shell focuses the element it names as soon
// as the screen has drawn it, unless the user has moved focus meanwhile.

const remembered = new Map<string, string>();

/** How to find `element` again once its screen is drawn anew; null when nothing names it. */
function selectorFor(element: Element | null): string | null {
  const keyed = element?.closest<HTMLElement>('[data-focus-key]');
  if (keyed?.dataset.focusKey) return `[data-focus-key="${CSS.escape(keyed.dataset.focusKey)}"]`;
  const href = element?.closest('a[href]')?.getAttribute('href');
  return href ? `a[href="${CSS.escape(href)}"]` : null;
}

export const isReaderHash = (hash: string) => hash.startsWith('#/read/');

/** On leaving the screen at `fromHash` for the Reader: remembers what has focus there. */
export function rememberFocus(fromHash: string, active: Element | null): void {
  const selector = selectorFor(active);
  if (selector) remembered.set(fromHash, selector);
  else remembered.delete(fromHash);
}

/**
 * Focuses what was remembered for `hash` inside `root`, now or once it is
 * drawn; until then (or when nothing was remembered) `fallback` places focus.
 * The returned function stops waiting.
 */
export function restoreFocus(hash: string, root: HTMLElement, fallback: () => void): () => void {
  const selector = remembered.get(hash);
  remembered.delete(hash);
  const target = () => (selector ? root.querySelector<HTMLElement>(selector) : null);
  const found = target();
  if (found) {
    found.focus();
    return () => undefined;
  }
  fallback();
  if (!selector) return () => undefined;
  const placeholder = document.activeElement;
  const observer = new MutationObserver(() => {
    // The user moved on (or the screen moved focus itself): leave focus where it is.
    if (document.activeElement !== placeholder && document.activeElement !== document.body) {
      observer.disconnect();
      return;
    }
    const element = target();
    if (element) {
      observer.disconnect();
      element.focus();
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
