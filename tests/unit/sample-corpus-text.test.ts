// The 2,000-document sample (what `npm start` publishes) reads like a real
// library: sentences rarely repeat, titles never do, documents name countries
// in their own language, legislation carries real identifiers, and every
// letter it writes can be set in its PDFs.
import { describe, expect, it } from 'vitest';
import { EU_COUNTRIES, type ContentInput } from '../../shared/content';
import { generateSampleCorpus, type SampleItem } from '../../server/sample/generate';
import { unencodable } from '../../server/sample/pdf-font';
import { bareCountryName, LANGUAGES, type Lang } from '../../server/sample/places';

const corpus = generateSampleCorpus({ documents: 2000 });
const items: SampleItem[] = [...corpus.items()];
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const documents = items.filter((item): item is SampleItem<'document'> => item.type === 'document').map((item) => item.fields as ContentInput<'document'>);

/** Every piece of prose a record carries, as plain text. */
function prose(item: SampleItem): string[] {
  const fields = item.fields as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['title', 'summary', 'body', 'description', 'projectIdea', 'challengeAndGoals', 'howItWorks', 'results', 'targetGroupOpinion', 'publisher']) {
    if (typeof fields[key] === 'string') out.push(plain(fields[key]));
  }
  for (const section of (fields.sections as Array<{ body: string }> | undefined) ?? []) out.push(plain(section.body));
  return out;
}

/** English names of the member states, written here rather than taken from the generator. */
const ENGLISH_NAMES = [
  'Austria', 'Belgium', 'Bulgaria', 'Cyprus', 'Czechia', 'Germany', 'Denmark', 'Estonia', 'Spain', 'Finland', 'France', 'Greece', 'Croatia', 'Hungary',
  'Ireland', 'Italy', 'Lithuania', 'Luxembourg', 'Latvia', 'Malta', 'Netherlands', 'Poland', 'Portugal', 'Romania', 'Sweden', 'Slovenia', 'Slovakia',
];

describe('the 2,000-document sample corpus', () => {
  it('repeats few sentences: at most 5 % of sentence occurrences are of a sentence seen more than 3 times', () => {
    const seen = new Map<string, number>();
    let total = 0;
    for (const item of items) {
      for (const text of prose(item)) {
        for (const sentence of text.split(/(?<=[.!?])\s+/)) {
          const key = sentence.trim();
          if (key.length < 12) continue;
          seen.set(key, (seen.get(key) ?? 0) + 1);
          total += 1;
        }
      }
    }
    const repeated = [...seen.values()].filter((n) => n > 3).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThan(40_000);
    expect(repeated / total).toBeLessThanOrEqual(0.05);
  });

  it('gives every record a title no other record has', () => {
    const titles = items.map((item) => (item.fields as { title?: string }).title).filter((t): t is string => typeof t === 'string');
    const duplicates = titles.filter((title, i) => titles.indexOf(title) !== i);
    expect(duplicates).toEqual([]);
  });

  it('names countries in the document’s own language: no English country name in a document that is not English', () => {
    const offences: string[] = [];
    for (const item of items) {
      const language = (item.fields as { language: string }).language as Lang;
      if (language === 'en' || !LANGUAGES.includes(language)) continue;
      // A name spelled the same in the document's language (Malta, Portugal, "Finland" in Dutch) is that language's own name.
      const own = new Set(EU_COUNTRIES.map((code) => bareCountryName(language, code)));
      const text = prose(item).join('\n');
      for (const name of ENGLISH_NAMES) {
        if (!own.has(name) && new RegExp(`\\b${name}\\b`).test(text)) offences.push(`${item.type} ${(item.fields as { id: string }).id} (${language}): ${name}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('identifies every piece of legislation by a CELEX number or an ELI of the real syntax', () => {
    const CELEX = /^(?:3\d{4}[LRDH]\d{4}|5\d{4}(?:DC|PC)\d{4}|7\d{4}L\d{4}[A-Z]{3}_\d+)$/;
    const ELI = [
      /^http:\/\/data\.europa\.eu\/eli\/(?:dir|reg|dec|dec_impl|reg_impl|reco)\/\d{4}\/\d+\/oj$/,
      /^https:\/\/www\.ris\.bka\.gv\.at\/eli\/bgbl\/(?:I\/|II\/)?\d{4}\/\d+$/,
      /^https:\/\/www\.recht\.bund\.de\/eli\/bund\/bgbl-1\/\d{4}\/\d+$/,
      /^https:\/\/www\.legifrance\.gouv\.fr\/eli\/(?:loi|decret|arrete)\/\d{4}\/\d{1,2}\/\d{1,2}\/[A-Z]{4}\d{7}[LDA]\/jo\/texte$/,
      /^http:\/\/www\.ejustice\.just\.fgov\.be\/eli\/(?:loi|arrete)\/\d{4}\/\d{2}\/\d{2}\/\d{10}\/justel$/,
      /^http:\/\/data\.legilux\.public\.lu\/eli\/etat\/leg\/(?:loi|rgd)\/\d{4}\/\d{2}\/\d{2}\/[an]\d+\/jo$/,
      /^https:\/\/www\.boe\.es\/eli\/es\/(?:l|lo|rd|o)\/\d{4}\/\d{2}\/\d{2}\/\d+$/,
      /^https:\/\/www\.normattiva\.it\/eli\/id\/\d{4}\/\d{2}\/\d{2}\/\d{2,3}G\d{4,5}\/CONSOLIDATED$/,
      /^https:\/\/data\.dre\.pt\/eli\/(?:lei|lei-organica|dec-lei|port)\/\d+\/\d{4}\/\d{2}\/\d{2}\/p\/dre\/pt\/html$/,
      /^http:\/\/www\.irishstatutebook\.ie\/eli\/\d{4}\/(?:act|si)\/\d+\/(?:enacted|made)\/en\/html$/,
      /^https:\/\/eli\.gov\.pl\/eli\/DU\/\d{4}\/\d+\/ogl$/,
      /^http:\/\/data\.finlex\.fi\/eli\/sd\/\d{4}\/\d+\/alkup$/,
      /^https:\/\/www\.retsinformation\.dk\/eli\/lta\/\d{4}\/\d+$/,
    ];
    const legislation = documents.filter((doc) => doc.documentType === 'legislation');
    expect(legislation.length).toBe(250);
    const invalid = legislation.filter((doc) => {
      const legal = doc.legal!;
      return legal.identifierScheme === 'CELEX' ? !CELEX.test(legal.identifier) : !ELI.some((pattern) => pattern.test(legal.identifier));
    });
    expect(invalid.map((doc) => `${doc.id} ${doc.legal!.identifierScheme} ${doc.legal!.identifier}`)).toEqual([]);
    // The real instruments are there under their real numbers.
    const identifiers = new Set(legislation.map((doc) => doc.legal!.identifier));
    for (const celex of ['32003L0086', '32003L0109', '32009L0050', '32021L1883', '32011L0098', '32013L0033']) expect(identifiers.has(celex), celex).toBe(true);
    expect(identifiers.has('https://www.ris.bka.gv.at/eli/bgbl/I/2017/68')).toBe(true);
    expect(documents.some((doc) => doc.title.includes('COM(2020) 758 final'))).toBe(true);
  });

  it('writes only letters its PDFs can set, in every language it uses', () => {
    const missing = new Set<string>();
    for (const item of items) for (const text of prose(item)) for (const char of unencodable(text)) missing.add(char);
    expect([...missing]).toEqual([]);
    expect(new Set(documents.map((doc) => doc.language))).toEqual(new Set(LANGUAGES));
  });

  it('attaches PDFs to about a third of the library, some of them scans', () => {
    const withPdf = documents.filter((doc) => doc.attachments!.length > 0);
    expect(withPdf.length / documents.length).toBeGreaterThan(0.28);
    expect(withPdf.length / documents.length).toBeLessThan(0.4);
    expect(documents.filter((doc) => doc.attachments!.some((a) => a.fileName.endsWith('-scan.pdf'))).length).toBeGreaterThan(40);
    expect(documents.filter((doc) => doc.attachments!.length > 1).length).toBeGreaterThan(10);
  });

  it('gives forum threads several authors who quote and answer one another, in order', () => {
    const posts = items.filter((item) => item.type === 'forum-post').map((item) => item.fields as ContentInput<'forum-post'>);
    const byThread = new Map<string, Array<ContentInput<'forum-post'>>>();
    for (const post of posts) byThread.set(post.threadId, [...(byThread.get(post.threadId) ?? []), post]);
    const busy = [...byThread.values()].filter((thread) => thread.length >= 4);
    expect(busy.length).toBeGreaterThan(20);
    expect(busy.filter((thread) => new Set(thread.map((p) => p.authorName)).size >= 3).length / busy.length).toBeGreaterThan(0.8);
    expect(posts.filter((post) => post.body.includes('<blockquote>')).length).toBeGreaterThan(posts.length / 5);
    for (const thread of byThread.values()) {
      const times = thread.map((post) => post.createdAt);
      expect(new Set(times).size).toBe(times.length);
    }
  });
});
