// renderer/src/ui/sanitize.ts in real Chromium: the module is bundled as the app
// bundles it (esbuild, DOMPurify included) and run in a blank page.
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import { REPO_ROOT } from '../support/repo';

let bundle: string;

test.beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'renderer/src/ui/sanitize.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ewsiSanitize',
    write: false,
    platform: 'browser',
  });
  bundle = result.outputFiles[0]!.text;
});

test.beforeEach(async ({ page }) => {
  await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await page.addScriptTag({ content: bundle });
});

type Probe = { html: string; fired: boolean };

/**
 * Sanitizes and inserts the result into the page; reports whether a planted
 * script ran while inserting. (Handlers that would fire later, such as an
 * image's onerror, are covered by checking the markup itself.)
 */
async function clean(page: import('@playwright/test').Page, html: string): Promise<Probe> {
  return page.evaluate((input) => {
    const g = globalThis as unknown as { ewsiSanitize: { sanitizeHtml(html: string): string }; fired?: boolean; document: { getElementById(id: string): { innerHTML: string } } };
    g.fired = false;
    const output = g.ewsiSanitize.sanitizeHtml(input);
    g.document.getElementById('out').innerHTML = output;
    const fired = (g as { fired?: boolean }).fired;
    return { html: output, fired: fired === true };
  }, html);
}

test('scripts, event handlers and executable URLs are removed', async ({ page }) => {
  const attacks = [
    '<script>globalThis.fired = true</script><p>text</p>',
    '<img src="x" onerror="globalThis.fired = true">',
    '<a href="javascript:globalThis.fired = true">link</a>',
    '<a href=" JaVaScRiPt:globalThis.fired=true">spaced</a>',
    '<svg><script>globalThis.fired = true</script></svg>',
    '<iframe src="data:text/html,<script>parent.fired=true</script>"></iframe>',
    '<details open ontoggle="globalThis.fired = true">x</details>',
    '<math><mtext><table><mglyph><style><img src=x onerror="globalThis.fired=true"></style></mglyph></table></mtext></math>',
    '<form action="javascript:globalThis.fired=true"><button>go</button></form>',
    '<object data="data:text/html,<script>parent.fired=true</script>"></object>',
  ];
  for (const attack of attacks) {
    const { html, fired } = await clean(page, attack);
    expect(fired, attack).toBe(false);
    expect(html, attack).not.toMatch(/<script|onerror|ontoggle|javascript:|<iframe|<object|<form|<svg|<math/i);
  }
});

test('links keep safe targets only, and outside links open apart with noopener', async ({ page }) => {
  const { html } = await clean(
    page,
    '<a href="https://example.org/a">web</a><a href="mailto:x@example.org">mail</a><a href="#section-2">anchor</a><a href="data:text/html,hi">data</a><a href="file:///etc/passwd">file</a><a href="https://example.org" target="_top">top</a>',
  );
  const links = await page.locator('#out a').evaluateAll((anchors) =>
    anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
  );
  expect(links).toEqual([
    { text: 'web', href: 'https://example.org/a', target: '_blank', rel: 'noopener noreferrer' },
    { text: 'mail', href: 'mailto:x@example.org', target: '_blank', rel: 'noopener noreferrer' },
    { text: 'anchor', href: '#section-2', target: null, rel: null },
    { text: 'data', href: null, target: null, rel: null },
    { text: 'file', href: null, target: null, rel: null },
    { text: 'top', href: 'https://example.org', target: '_blank', rel: 'noopener noreferrer' },
  ]);
  expect(html).toContain('web');
});

test('images: inline raster data stays; remote, SVG and script URLs lose their source', async ({ page }) => {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  await clean(
    page,
    `<img src="${png}" alt="pixel"><img src="https://tracker.example.org/p.gif" alt="remote"><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="svg"><img src="javascript:alert(1)" alt="js">`,
  );
  const images = await page.locator('#out img').evaluateAll((imgs) => imgs.map((img) => ({ alt: img.getAttribute('alt'), src: img.getAttribute('src') })));
  expect(images).toEqual([
    { alt: 'pixel', src: png },
    { alt: 'remote', src: null },
    { alt: 'svg', src: null },
    { alt: 'js', src: null },
  ]);
});

test('ordinary content survives; styles, classes and clobbering ids do not', async ({ page }) => {
  const { html } = await clean(
    page,
    '<h2>Title</h2><p>A <strong>bold</strong> <em>claim</em>, <a href="https://eur-lex.europa.eu/">EUR-Lex</a>.</p><ul><li>one</li></ul><table><tr><td>cell</td></tr></table><blockquote>q</blockquote><p style="color:red" class="app-header" id="main">styled</p><form name="getElementById"></form><img name="body">',
  );
  for (const kept of ['<h2>Title</h2>', '<strong>bold</strong>', '<em>claim</em>', '<li>one</li>', '<td>cell</td>', '<blockquote>q</blockquote>']) expect(html).toContain(kept);
  expect(html).not.toMatch(/style=|class=|id="main"|name="getElementById"|name="body"/);
});

test('nothing can lay itself over the app or drive its router: no dialog, no popover, no #/ links', async ({ page }) => {
  const { html } = await clean(
    page,
    '<dialog open>Sign in again</dialog><div popover="manual" id="p">over</div><p popover>also</p><a href="#/settings">settings</a><a href="#/export?name=x">export</a><a href="#section-2">section</a><button popovertarget="p">show</button>',
  );
  expect(html).not.toMatch(/<dialog|popover|\bopen\b=?/i);
  expect(html).toContain('Sign in again'); // the text stays, as plain content
  const links = await page.locator('#out a').evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
  expect(links).toEqual([
    { text: 'settings', href: null },
    { text: 'export', href: null },
    { text: 'section', href: '#section-2' },
  ]);
});
