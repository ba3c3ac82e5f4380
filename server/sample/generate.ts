// A deterministic sample of the whole portal for a given size: the corpus
// `npm run server -- --sample N` publishes and the benchmarks sync. Each
// record is built from its own seeded generator, so items() is lazy and
// 100,000 documents never sit in memory at once. Only the titles are decided
// up front, in index order, so that no two records share one.
import { EU_COUNTRIES, type ContentInput, type ContentType } from '../../shared/content';
import { buildForum, buildPartnerRequest, buildPost, buildThread, FORUMS, layoutPosts, planPartnerRequest, planThread, type CommunityContext } from './community';
import { buildDocument, planDocument, type BuiltDocument, type DocumentContext, type SampleAttachment } from './documents';
import { buildCountrySheet, buildEvent, buildFunding, buildGoodPractice, buildLink, buildNews, planEvent, planFunding, planGoodPractice, planLink, planNews } from './others';

export type { SampleAttachment } from './documents';

export interface SampleItem<T extends ContentType = ContentType> {
  type: T;
  fields: ContentInput<T>;
  /** The files a document's attachments refer to (documents only). */
  files?: SampleAttachment[];
}

export interface SampleCorpusOptions {
  documents: number;
  seed?: number;
  /** The corpus's "today"; dates are computed from it so output never depends on the clock. */
  now?: Date;
}

export interface SampleCorpus {
  counts: Record<ContentType, number>;
  /** Every record once, as it stands today, documents with their files. */
  items(): Generator<SampleItem>;
  /**
   * What the portal publishes, in order: every record (legislation in its
   * first version), then each later version of each law in the order the
   * versions took effect. The last write of every record is what items() gives.
   */
  publications(): Generator<SampleItem>;
  /** Document `index` in full: every version, its files and the text of its text PDF. */
  document(index: number): BuiltDocument;
}

/** Yield order: forums before threads before posts, so every reference resolves. */
const ORDER: ContentType[] = ['country-sheet', 'forum', 'forum-thread', 'forum-post', 'document', 'good-practice', 'link', 'funding', 'news', 'event', 'partner-request'];
/** Tries before a title that is still taken gets a numeral. */
const ATTEMPTS = 12;

/**
 * For each index, the first attempt whose title no record before it has
 * (shared across types: titles are unique in the whole library).
 */
function uniqueTitles(taken: Set<string>, count: number, titleOf: (index: number, attempt: number) => string): { attempts: Uint8Array; suffixes: Map<number, string> } {
  const attempts = new Uint8Array(count);
  const suffixes = new Map<number, string>();
  for (let index = 0; index < count; index += 1) {
    let attempt = 0;
    let title = titleOf(index, 0);
    while (taken.has(title) && attempt < ATTEMPTS - 1) title = titleOf(index, (attempt += 1));
    if (taken.has(title)) {
      let n = 2;
      while (taken.has(`${title} (${n})`)) n += 1;
      suffixes.set(index, ` (${n})`);
      title = `${title} (${n})`;
    }
    attempts[index] = attempt;
    taken.add(title);
  }
  return { attempts, suffixes };
}

export function generateSampleCorpus(options: SampleCorpusOptions): SampleCorpus {
  const documents = Math.max(0, Math.floor(options.documents));
  const seed = options.seed ?? 2009;
  const now = (options.now ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const scaled = (divisor: number, min: number) => Math.max(min, Math.round(documents / divisor));
  const counts: Record<ContentType, number> = {
    document: documents,
    'country-sheet': EU_COUNTRIES.length,
    'good-practice': scaled(10, 5),
    link: scaled(10, 5),
    funding: scaled(20, 5),
    news: scaled(10, 5),
    event: scaled(20, 3),
    forum: FORUMS.length,
    'forum-thread': scaled(20, 5),
    'forum-post': scaled(5, 10),
    'partner-request': scaled(20, 5),
  };
  const docs: DocumentContext = { seed, documents, today: new Date(now - 86_400_000).toISOString().slice(0, 10), countries: EU_COUNTRIES };
  const community: CommunityContext = { seed, now, threads: counts['forum-thread'] };

  const taken = new Set<string>([...FORUMS.map((f) => f.title)]);
  const titled = {
    document: uniqueTitles(taken, documents, (i, a) => planDocument(docs, i, a).title),
    thread: uniqueTitles(taken, counts['forum-thread'], (i, a) => planThread(community, i, a).title),
    practice: uniqueTitles(taken, counts['good-practice'], (i, a) => planGoodPractice(seed, i, a).title),
    link: uniqueTitles(taken, counts.link, (i, a) => planLink(seed, i, a).title),
    funding: uniqueTitles(taken, counts.funding, (i, a) => planFunding(seed, i, a).title),
    news: uniqueTitles(taken, counts.news, (i, a) => planNews(seed, i, a).title),
    event: uniqueTitles(taken, counts.event, (i, a) => planEvent(seed, i, a).title),
    partner: uniqueTitles(taken, counts['partner-request'], (i, a) => planPartnerRequest(seed, i, a).title),
  };
  taken.clear();
  /** A plan with its unique title (and numeral, the rare time one was needed). */
  const withTitle = <P extends { title: string }>(table: { attempts: Uint8Array; suffixes: Map<number, string> }, index: number, plan: (attempt: number) => P): P => {
    const made = plan(table.attempts[index]!);
    const suffix = table.suffixes.get(index);
    return suffix ? { ...made, title: `${made.title}${suffix}` } : made;
  };
  const documentPlan = (index: number) => withTitle(titled.document, index, (a) => planDocument(docs, index, a));
  const threadPlan = (index: number) => withTitle(titled.thread, index, (a) => planThread(community, index, a));
  const layout = layoutPosts(seed, counts['forum-thread'], counts['forum-post']);
  let cachedThread = -1;
  let cachedPlan: ReturnType<typeof planThread> | undefined;
  const cachedThreadPlan = (index: number) => {
    if (index !== cachedThread || !cachedPlan) [cachedThread, cachedPlan] = [index, threadPlan(index)];
    return cachedPlan;
  };

  const build = (type: ContentType, index: number): SampleItem => {
    switch (type) {
      case 'country-sheet': return { type, fields: buildCountrySheet(seed, now, index) };
      case 'forum': return { type, fields: buildForum(index) };
      case 'forum-thread': return { type, fields: buildThread(threadPlan(index), index) };
      case 'forum-post': return { type, fields: buildPost(community, layout, index, cachedThreadPlan) };
      case 'good-practice': return { type, fields: buildGoodPractice(seed, now, index, withTitle(titled.practice, index, (a) => planGoodPractice(seed, index, a))) };
      case 'link': return { type, fields: buildLink(seed, index, withTitle(titled.link, index, (a) => planLink(seed, index, a))) };
      case 'funding': return { type, fields: buildFunding(seed, now, index, withTitle(titled.funding, index, (a) => planFunding(seed, index, a))) };
      case 'news': return { type, fields: buildNews(seed, now, index, withTitle(titled.news, index, (a) => planNews(seed, index, a))) };
      case 'event': return { type, fields: buildEvent(seed, now, index, withTitle(titled.event, index, (a) => planEvent(seed, index, a))) };
      case 'partner-request': return { type, fields: buildPartnerRequest(seed, now, index, withTitle(titled.partner, index, (a) => planPartnerRequest(seed, index, a))) };
      case 'document': {
        const built = buildDocument(docs, documentPlan(index));
        return { type, fields: built.versions.at(-1)!, files: built.files };
      }
    }
  };

  return {
    counts,
    document: (index) => buildDocument(docs, documentPlan(index)),
    *items() {
      for (const type of ORDER) for (let index = 0; index < counts[type]; index += 1) yield build(type, index);
    },
    *publications() {
      // Later versions are kept from the first build rather than built again: a few per cent of the records, and the slowest to rebuild.
      const later: Array<{ date: string; index: number; version: number; fields: ContentInput<'document'>; files?: SampleAttachment[] }> = [];
      for (const type of ORDER) {
        for (let index = 0; index < counts[type]; index += 1) {
          if (type !== 'document') {
            yield build(type, index);
            continue;
          }
          const built = buildDocument(docs, documentPlan(index));
          const [first, ...rest] = built.versions;
          rest.forEach((version, i) => later.push({ date: version.legal?.inForceFrom ?? '', index, version: i + 1, fields: version, files: i === rest.length - 1 ? built.files : undefined }));
          yield rest.length ? { type, fields: first! } : { type, fields: first!, files: built.files };
        }
      }
      // Amendments as they took effect; the same day in document order.
      later.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index || a.version - b.version));
      for (const { fields, files } of later) yield files ? { type: 'document', fields, files } : { type: 'document', fields };
    },
  };
}
