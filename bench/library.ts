// The library screen at scale: a data folder filled through the sync's page
// writer (no network), the real harness (renderer + core process) on it, and
// Chromium driven by Playwright. Measures the time from navigating to the
// Library until its first row is on screen, and the most row elements the DOM
// holds while the list is scrolled from top to bottom.
import { chromium } from '@playwright/test';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { writeSampleCorpus } from './sample-store';
import { startWebHarness } from '../electron/core/harness/web-harness';
import { CHROMIUM_ARGS, requireChromium } from '../scripts/lib/chromium.mjs';
import { makeTempDir } from '../tests/support/temp-dir';
import { quantile, round } from './stats';

/** The browser globals the in-page functions use (this file type-checks with Node's lib, not the DOM's). */
interface PageElement {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  getBoundingClientRect(): { top: number; bottom: number };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): { length: number };
}
interface PageGlobals {
  location: { hash: string };
  document: PageElement;
  requestAnimationFrame(callback: () => void): number;
}

async function fillDataFolder(dataDir: string, documents: number): Promise<{ records: number; seconds: number }> {
  const core = await createCore({ dataDir, appVersion: 'bench' });
  const { records, seconds } = writeSampleCorpus(core, documents);
  await core.close();
  return { records, seconds };
}

export async function libraryBench(options: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const documents = Number(options.docs ?? 100_000);
  const rounds = Number(options.rounds ?? 7);
  const steps = Number(options.steps ?? 300);
  const temp = makeTempDir('ewsi-bench-library-');
  const dataDir = path.join(temp.dir, 'data');
  try {
    const fill = await fillDataFolder(dataDir, documents);
    const harness = await startWebHarness({ dataDir, appVersion: 'bench', coreEnv: { EWSI_AUTO_SYNC: '0' } });
    const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // tsx compiles the in-page functions below with esbuild's keepNames, which wraps them in
      // a __name(fn, name) helper the page does not have: give it one that does nothing.
      await page.addInitScript('globalThis.__name = (fn) => fn;');
      await page.goto(harness.pageUrl('/home'));
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();

      // Navigation → first row painted: the hash changes in the page and the clock runs until a
      // loaded row intersects the list's viewport, checked every animation frame.
      const firstRowMs: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        await page.evaluate(() => {
          (globalThis as unknown as PageGlobals).location.hash = '#/home';
        });
        await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
        const elapsed = await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const { document, location, requestAnimationFrame } = globalThis as unknown as PageGlobals;
              const started = performance.now();
              location.hash = '#/library';
              const check = () => {
                const list = document.querySelector('[role="listbox"]');
                const row = list?.querySelector('[role="option"][data-loaded="true"]');
                if (list && row) {
                  const box = row.getBoundingClientRect();
                  const view = list.getBoundingClientRect();
                  if (box.bottom > view.top && box.top < view.bottom) {
                    resolve(performance.now() - started);
                    return;
                  }
                }
                if (performance.now() - started > 30_000) reject(new Error('no library row within 30 s'));
                else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
        );
        firstRowMs.push(elapsed);
      }

      // Scroll from top to bottom in `steps` jumps, counting row elements after each frame;
      // then the keyboard: End, PageUp a few times, Home.
      const total = Number(await page.getByRole('listbox').getAttribute('data-total'));
      const scroll = await page.evaluate(async (count) => {
        const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals;
        const list = document.querySelector('[role="listbox"]')!;
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined))));
        let maxRows = 0;
        for (let step = 0; step <= count; step += 1) {
          list.scrollTop = ((list.scrollHeight - list.clientHeight) * step) / count;
          await frame();
          maxRows = Math.max(maxRows, list.querySelectorAll('[role="option"]').length);
        }
        return { maxRows, scrollHeight: list.scrollHeight };
      }, steps);
      const listbox = page.getByRole('listbox');
      await listbox.focus();
      let keyboardMaxRows = 0;
      const countRows = async () => {
        keyboardMaxRows = Math.max(keyboardMaxRows, await listbox.getByRole('option').count());
      };
      for (const key of ['End', 'PageUp', 'PageUp', 'PageUp', 'Home', 'PageDown', 'PageDown']) {
        await page.keyboard.press(key);
        await countRows();
      }
      await page.keyboard.press('End');
      await listbox.locator(`[role="option"][aria-posinset="${total}"][data-loaded="true"]`).waitFor({ timeout: 30_000 });
      await countRows();

      return {
        docs: documents,
        records: fill.records,
        fill_s: round(fill.seconds, 1),
        library_total: total,
        navigations: rounds,
        first_row_first_ms: round(firstRowMs[0]!, 1),
        first_row_p50_ms: round(quantile(firstRowMs, 0.5), 1),
        first_row_max_ms: round(Math.max(...firstRowMs), 1),
        scroll_steps: steps,
        max_dom_rows_scrolling: scroll.maxRows,
        max_dom_rows_keyboard: keyboardMaxRows,
        list_height_px: scroll.scrollHeight,
      };
    } finally {
      await browser.close();
      await harness.close();
    }
  } finally {
    temp.cleanup();
  }
}
