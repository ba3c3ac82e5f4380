// The sample's PDFs read back with Debian's pdftotext (poppler-utils) as a
// user's tools would read them: each text PDF gives at least 90 % of the words
// of its document's text, accents and Polish letters intact, on 2 to 40 pages;
// each scanned PDF gives nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSampleCorpus } from '../../server/sample/generate';
import { makeTempDir } from '../support/temp-dir';

const available = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Word counts, by exact spelling (NFC): an accent lost is a word lost. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe.runIf(available || process.env.CI)('the sample PDFs under pdftotext', () => {
  const temp = makeTempDir('ewsi-sample-pdfs-');
  afterAll(() => temp.cleanup());
  const corpus = generateSampleCorpus({ documents: 2000 });
  const run = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

  it('extracts at least 90 % of each text PDF’s words, accents intact, from 2–40 pages; nothing from scans', { timeout: 240_000 }, () => {
    let text = 0;
    let scans = 0;
    const pageCounts: number[] = [];
    const weakest: Array<{ id: string; share: number }> = [];
    const accented = new Set<string>();
    for (let index = 0; index < corpus.counts.document; index += 1) {
      const built = corpus.document(index);
      for (const file of built.files) {
        const target = path.join(temp.dir, file.fileName);
        fs.writeFileSync(target, file.bytes);
        const extracted = run(target);
        if (file.fileName.endsWith('-scan.pdf')) {
          scans += 1;
          expect(extracted.replace(/\s/g, ''), file.fileName).toBe('');
          continue;
        }
        text += 1;
        const pages = pagesOf(target);
        pageCounts.push(pages);
        expect(pages, file.fileName).toBeGreaterThanOrEqual(2);
        expect(pages, file.fileName).toBeLessThanOrEqual(40);
        const wanted = words(built.pdfText!);
        const got = words(extracted);
        let total = 0;
        let found = 0;
        for (const [word, n] of wanted) {
          total += n;
          found += Math.min(n, got.get(word) ?? 0);
          if (/[^\p{ASCII}]/u.test(word) && got.has(word)) accented.add(word);
        }
        weakest.push({ id: file.fileName, share: found / total });
        fs.rmSync(target);
      }
    }
    weakest.sort((a, b) => a.share - b.share);
    const mean = weakest.reduce((sum, w) => sum + w.share, 0) / weakest.length;
    console.log(`${text} text PDFs (${Math.min(...pageCounts)}–${Math.max(...pageCounts)} pages), ${scans} scans; words extracted: weakest ${(weakest[0]!.share * 100).toFixed(1)} % (${weakest[0]!.id}), mean ${(mean * 100).toFixed(2)} %`);
    expect(weakest[0]!.share, weakest[0]!.id).toBeGreaterThanOrEqual(0.9);
    expect(text).toBeGreaterThan(500);
    expect(scans).toBeGreaterThan(40);
    // Letters beyond ASCII came back as themselves, in every script family the corpus writes.
    for (const letter of ['é', 'è', 'ç', 'ü', 'ö', 'ä', 'ß', 'ñ', 'à', 'ã', 'ł', 'ś', 'ż', 'ą', 'ę', 'å']) {
      expect([...accented].some((word) => word.includes(letter)), letter).toBe(true);
    }
  });

  it('numbers pages and repeats the document’s reference on each', () => {
    const built = corpus.document(0);
    const target = path.join(temp.dir, 'first.pdf');
    fs.writeFileSync(target, built.files[0]!.bytes);
    const pages = pagesOf(target);
    const last = run(target, '-f', String(pages), '-l', String(pages));
    expect(last).toContain('EWSI sample document doc-000001');
    expect(last).toMatch(new RegExp(`page ${pages} of ${pages}`));
  });
});
