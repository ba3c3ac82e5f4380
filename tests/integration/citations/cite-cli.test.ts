// `ewsi cite` as a user runs it, over a library synced from a real portal that
// serves the sample corpus: for up to 20 items of every kind, its output equals
// citeproc-js's own for the CSL-JSON `ewsi export` writes, in every bundled
// style and in English, French and German; and a handful of APA and OSCOLA
// outputs match examples written by hand from the style guides.
import CSL from 'citeproc';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { readFeed, sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';
import { runEwsi } from '../../support/cli';

const ewsi = (args: string[]) => runEwsi(args);

// The style files and the CSL locale each language renders in, named here independently of the app's table.
const STYLES = { apa: 'apa.csl', 'chicago-author-date': 'chicago-author-date.csl', harvard: 'harvard-cite-them-right.csl', oscola: 'oscola.csl', 'eu-interinstitutional': 'eu-interinstitutional-style.csl' } as const;
const ENGLISH = { apa: 'en-US', 'chicago-author-date': 'en-US', harvard: 'en-GB', oscola: 'en-GB', 'eu-interinstitutional': 'en-GB' } as const;
const csl = (...parts: string[]) => fs.readFileSync(path.join(REPO_ROOT, 'resources', 'csl', ...parts), 'utf8');

type Item = Record<string, unknown> & { id: string };

/** citeproc-js run directly on the exported CSL-JSON. */
function citeproc(items: Item[], style: keyof typeof STYLES, lang: string, bibliography: boolean): string {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({ retrieveLocale: (l) => (['en-US', 'en-GB', 'fr-FR', 'de-DE'].includes(l) ? csl('locales', `locales-${l}.xml`) : false), retrieveItem: (id) => byId.get(id)! }, csl('styles', STYLES[style]), lang, true);
  engine.setOutputFormat('text');
  if (!bibliography) return `${engine.makeCitationCluster(items.map((item) => ({ id: item.id })))}\n`;
  engine.updateItems(items.map((item) => item.id));
  const made = engine.makeBibliography();
  return made ? made[1].map((entry) => `${entry.trim()}\n`).join('') : '';
}

// Written by hand from the APA Publication Manual (7th ed.) and OSCOLA (4th ed.).
const HAND = {
  report: { documentType: 'report', title: 'Mentoring, jobs and newcomers', authors: [{ kind: 'person', family: 'Doe', given: 'Jane' }, { kind: 'person', family: 'de Vries', given: 'Pieter' }], publisher: 'Migration Policy Group', publishedOn: '2019-11-20', sourceUrl: 'https://example.org/report' },
  article: { documentType: 'article', title: 'Language courses and labour-market integration', authors: [{ kind: 'person', family: 'Nowak', given: 'Zofia' }, { kind: 'person', family: 'Silva', given: 'Ana' }, { kind: 'person', family: 'Haddad', given: 'Omar' }], publisher: 'Migration Research Centre', publishedOn: '2021-03-01', sourceUrl: 'https://example.org/article' },
  directive: { documentType: 'legislation', title: 'Council Directive 2003/86/EC of 22 September 2003 on the right to family reunification', countries: [], publisher: 'Publications Office of the European Union', publishedOn: '2003-09-22', sourceUrl: 'http://data.europa.eu/eli/dir/2003/86/oj', legal: { identifierScheme: 'CELEX', identifier: '32003L0086', status: 'in-force' } },
};

describe('ewsi cite', () => {
  let server: TestPortal;
  let temp: { dir: string; cleanup(): void };
  let items: Item[] = [];
  const data = () => path.join(temp.dir, 'data');

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    temp = makeTempDir('ewsi-cite-');
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 120, seed: 5 });
    for (const [id, fields] of Object.entries(HAND)) expect((await server.editor('PUT', `/api/v1/editor/document/hand-${id}`, sampleDocument(`hand-${id}`, fields))).status).toBe(200);
    const synced = await ewsi(['sync', '--server', server.url, '--data', data()]);
    expect(synced.code, synced.stderr).toBe(0);
    // Up to 20 records of every content type and every kind of document, from the portal's own feed.
    const { changes } = await readFeed(server.url, 0, 1000);
    const byKind = new Map<string, string[]>();
    for (const change of changes) {
      if (change.op !== 'upsert' || change.id.startsWith('hand-')) continue;
      const kind = change.type === 'document' ? `document:${String(change.record?.documentType)}` : change.type;
      const keys = byKind.get(kind) ?? [];
      if (keys.length < 20 && !keys.includes(`${change.type}/${change.id}`)) keys.push(`${change.type}/${change.id}`);
      byKind.set(kind, keys);
    }
    expect([...byKind.keys()]).toEqual(expect.arrayContaining(['document:legislation', 'document:report', 'document:study', 'document:article', 'link', 'news', 'event', 'funding', 'good-practice', 'country-sheet']));
    const collected = await ewsi(['collect', 'Everything', ...[...byKind.values()].flat(), '--data', data()]);
    expect(collected.code, collected.stderr).toBe(0);
    const exported = await ewsi(['export', '--data', data(), '--collection', 'Everything', '--format', 'csl-json', '--out', path.join(temp.dir, 'all.json')]);
    expect(exported.code, exported.stderr).toBe(0);
    items = JSON.parse(fs.readFileSync(path.join(temp.dir, 'all.json'), 'utf8')) as Item[];
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(['legislation', 'report', 'article-journal', 'document', 'webpage', 'event', 'post']));
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    temp?.cleanup();
  });

  const cases: Array<[keyof typeof STYLES, 'en' | 'fr' | 'de']> = [['apa', 'en'], ['apa', 'de'], ['chicago-author-date', 'en'], ['harvard', 'en'], ['oscola', 'en'], ['oscola', 'fr'], ['eu-interinstitutional', 'en'], ['eu-interinstitutional', 'de']];
  it.each(cases)('equals citeproc-js for the exported CSL-JSON: %s in %s, bibliography and citation', async (style, locale) => {
    const lang = locale === 'en' ? ENGLISH[style] : locale === 'fr' ? 'fr-FR' : 'de-DE';
    const bibliography = await ewsi(['cite', '--collection', 'Everything', '--style', style, '--locale', locale, '--bibliography', '--data', data()]);
    expect(bibliography.code, bibliography.stderr).toBe(0);
    expect(bibliography.stdout.split('\n').length).toBeGreaterThan(items.length);
    expect(bibliography.stdout).toBe(citeproc(items, style, lang, true));
    const citation = await ewsi(['cite', '--collection', 'Everything', '--style', style, '--locale', locale, '--data', data()]);
    expect(citation.code, citation.stderr).toBe(0);
    expect(citation.stdout).toBe(citeproc(items, style, lang, false));
  }, 120_000);

  it('writes APA 7 as the Publication Manual shows it: references and in-text citations', async () => {
    const run = async (args: string[]) => {
      const ran = await ewsi(['cite', ...args, '--style', 'apa', '--data', data()]);
      expect(ran.code, ran.stderr).toBe(0);
      return ran.stdout;
    };
    // §10.4 a report with a description in square brackets; §9.8 "&" before the last author; §8.17 et al. from three authors.
    expect(await run(['hand-report', '--bibliography'])).toBe('Doe, J., & de Vries, P. (2019). Mentoring, jobs and newcomers [Report]. Migration Policy Group. https://example.org/report\n');
    expect(await run(['hand-report'])).toBe('(Doe & de Vries, 2019)\n');
    expect(await run(['hand-article'])).toBe('(Nowak et al., 2021)\n');
    expect(await run(['hand-article', '--bibliography'])).toBe('Nowak, Z., Silva, A., & Haddad, O. (2021). Language courses and labour-market integration. https://example.org/article\n');
    // §11.5 legislation: name of the act, (year), URL.
    expect(await run(['hand-directive', '--bibliography'])).toBe('Council Directive 2003/86/EC of 22 September 2003 on the right to family reunification (2003). http://data.europa.eu/eli/dir/2003/86/oj\n');
    // Several works in one parenthesis, in the order of the reference list, separated by semicolons (§8.12).
    expect(await run(['hand-report', 'hand-article'])).toBe('(Doe & de Vries, 2019; Nowak et al., 2021)\n');
    // HTML keeps the report's title in italics.
    expect(await run(['hand-report', '--bibliography', '--format', 'html'])).toContain('<i>Mentoring, jobs and newcomers</i>');
  }, 120_000);

  it('writes OSCOLA names, publisher and year as the guide shows them, in footnotes and the bibliography', async () => {
    const run = async (args: string[]) => {
      const ran = await ewsi(['cite', ...args, '--style', 'oscola', '--data', data()]);
      expect(ran.code, ran.stderr).toBe(0);
      return ran.stdout;
    };
    // Footnotes: authors' names as they appear, "and" before the last, (publisher year), the URL in angle brackets, a closing full stop (§1.1, §3.2.1, §3.3).
    expect(await run(['hand-report'])).toMatch(/^Jane Doe and Pieter de Vries, \S.*Mentoring, Jobs and Newcomers\S* \(Migration Policy Group 2019\) .*<https:\/\/example\.org\/report>\.\n$/);
    expect(await run(['hand-article'])).toMatch(/^Zofia Nowak, Ana Silva and Omar Haddad, /);
    // Bibliography: surname first, initials without full stops (§1.7), no full stop at the end.
    expect(await run(['hand-report', '--bibliography'])).toMatch(/^Doe J and de Vries P, .*\(Migration Policy Group 2019\) .*<https:\/\/example\.org\/report>\n$/);
    expect(await run(['hand-article', '--bibliography'])).toMatch(/^Nowak Z, Silva A and Haddad O, /);
  }, 120_000);

  it('refuses an unknown style or locale and names the ones it has', async () => {
    const style = await ewsi(['cite', 'hand-report', '--style', 'mla', '--data', data()]);
    expect(style.code).toBe(2);
    expect(style.stderr).toMatch(/--style must be one of: apa, chicago-author-date, harvard, oscola, eu-interinstitutional/);
    const locale = await ewsi(['cite', 'hand-report', '--locale', 'it', '--data', data()]);
    expect(locale.stderr).toMatch(/--locale must be one of: en, fr, de/);
    expect((await ewsi(['cite', 'nope', '--data', data()])).stderr).toMatch(/Not in the local library: document\/nope/);
  }, 60_000);
});
