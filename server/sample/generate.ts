// A deterministic, realistic sample of the whole portal for a given size: the
// corpus `npm run server -- --sample N` publishes and the benchmarks sync.
// Each record is built from its own seeded generator, so items() is lazy and
// 100,000 documents never sit in memory at once.
import {
  COUNTRY_SHEET_SECTIONS,
  DOCUMENT_TYPES,
  EU_COUNTRIES,
  ORGANISATION_TYPES,
  THEMES,
  type ContentInput,
  type ContentType,
} from '../../shared/content';
import { buildPdf } from './pdf';
import { Random } from './random';
import {
  COUNTRIES,
  DOCUMENT_TYPE_LABELS,
  FIRST_NAMES,
  FORUMS,
  FUNDING_PROGRAMMES,
  LAST_NAMES,
  LINK_CATEGORIES,
  ORGANISATIONS,
  SECTION_TITLES,
  SENTENCES,
  TOPICS,
  type SampleLanguage,
  type Topic,
} from './vocabulary';

export interface SampleAttachment {
  sha256: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface SampleItem<T extends ContentType = ContentType> {
  type: T;
  fields: ContentInput<T>;
}

export interface SampleCorpusOptions {
  documents: number;
  seed?: number;
  /** The corpus's "today"; dates are computed from it so output never depends on the clock. */
  now?: Date;
}

export interface SampleCorpus {
  attachments: SampleAttachment[];
  items(): Generator<SampleItem>;
  counts: Record<ContentType, number>;
}

const DAY = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Context {
  seed: number;
  now: number;
  counts: Record<ContentType, number>;
}

const dateOffset = (ctx: Context, days: number) => new Date(ctx.now + days * DAY).toISOString().slice(0, 10);
const timeOffset = (ctx: Context, minutes: number) => new Date(ctx.now + minutes * 60_000).toISOString();
const personName = (rnd: Random) => `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
const emailOf = (name: string) => `${name.normalize('NFD').replace(/[^A-Za-z ]/g, '').toLowerCase().replace(/ +/g, '.')}@example.org`;

function fill(template: string, topic: string, country: string, city: string): string {
  return template.replace('{topic}', topic).replace('{country}', country).replace('{city}', city);
}

/** `count` paragraphs of 2–3 sentences in `language` (English where no sentences exist for it). */
function paragraphs(rnd: Random, language: SampleLanguage, topic: Topic, countryCode: string, count: number): string[] {
  const lang = language in SENTENCES ? (language as keyof typeof SENTENCES) : 'en';
  const country = COUNTRIES[countryCode]!;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const sentences = rnd.pickSome(SENTENCES[lang], 2, 3).map((s) => fill(s, topic.names[lang], country.name, rnd.pick(country.cities)));
    out.push(sentences.join(' '));
  }
  return out;
}

const html = (paras: string[]) => paras.map((p) => `<p>${p}</p>`).join('\n');

function documentCore(ctx: Context, index: number) {
  const rnd = Random.derive(ctx.seed, 'document', index);
  const country = rnd.pick(EU_COUNTRIES);
  const info = COUNTRIES[country]!;
  // Half in the country's language, the rest in the site's three.
  const language: SampleLanguage = rnd.chance(0.5) ? info.language : rnd.pick(['en', 'en', 'fr', 'de'] as const);
  const documentType = DOCUMENT_TYPES[index % DOCUMENT_TYPES.length]!;
  const topic = rnd.pick(TOPICS);
  const year = rnd.int(2009, 2026);
  const label = language === 'en' || language === 'fr' || language === 'de' ? `${DOCUMENT_TYPE_LABELS[language][documentType]} ` : '';
  const title = `${label}${label ? topic.names[language] : capitalize(topic.names[language])} (${info.name}, ${year})`;
  return { rnd, country, info, language, documentType, topic, year, title };
}

function hasAttachment(documents: number, index: number): boolean {
  return index % 50 === 0 || (documents < 150 && index < 3);
}

function attachmentFor(ctx: Context, index: number): SampleAttachment {
  const core = documentCore(ctx, index);
  const pdf = buildPdf({ title: core.title, lines: [`${core.info.name}, ${core.year}`, `EWSI sample document doc-${pad(index + 1, 6)}`] });
  return { sha256: pdf.sha256, fileName: `doc-${pad(index + 1, 6)}.pdf`, mimeType: 'application/pdf', bytes: pdf.bytes };
}

function buildDocument(ctx: Context, index: number, attachment: SampleAttachment | undefined): ContentInput<'document'> {
  const { rnd, country, info, language, documentType, topic, year, title } = documentCore(ctx, index);
  const id = `doc-${pad(index + 1, 6)}`;
  let body: string;
  let legal: ContentInput<'document'>['legal'] = null;
  if (documentType === 'legislation') {
    const number = rnd.int(1, 199);
    legal = rnd.chance(0.5)
      ? { identifierScheme: 'CELEX', identifier: `3${year}L${pad(number, 4)}`, status: rnd.pick(['in-force', 'amended', 'repealed', 'transposition-pending'] as const) }
      : { identifierScheme: 'ELI', identifier: `http://data.europa.eu/eli/dir/${year}/${number}/oj`, status: rnd.pick(['in-force', 'amended', 'proposal'] as const) };
    const articles = paragraphs(rnd, language, topic, country, rnd.int(4, 8));
    body = articles.map((text, i) => `<h2>Article ${i + 1}</h2>\n<p>${text}</p>`).join('\n');
  } else {
    const paras = paragraphs(rnd, language, topic, country, rnd.int(3, 7));
    body = `<h2>${capitalize(topic.names.en)}</h2>\n${html(paras.slice(0, -1))}\n<ul><li>${info.cities.join('</li><li>')}</li></ul>\n<p>${paras.at(-1)}</p>`;
  }
  const authors = rnd.pickSome(FIRST_NAMES, 0, 3).map((first) => `${first} ${rnd.pick(LAST_NAMES)}`);
  return {
    id,
    language,
    countries: rnd.chance(0.15) ? [country, rnd.pick(EU_COUNTRIES)].filter((c, i, all) => all.indexOf(c) === i) : [country],
    themes: [topic.theme, ...rnd.pickSome(THEMES, 0, 2)].filter((t, i, all) => all.indexOf(t) === i),
    documentType,
    title,
    summary: paragraphs(rnd, language, topic, country, 1)[0]!,
    body,
    authors,
    publisher: `${rnd.pick(ORGANISATIONS)} ${info.name}`,
    publishedOn: `${year}-${pad(rnd.int(1, 12), 2)}-${pad(rnd.int(1, 28), 2)}`,
    sourceUrl: `https://integration.${country.toLowerCase()}.example.org/library/${id}`,
    legal,
    attachments: attachment ? [{ fileName: attachment.fileName, mimeType: attachment.mimeType, size: attachment.bytes.byteLength, sha256: attachment.sha256 }] : [],
  };
}

function buildCountrySheet(ctx: Context, index: number): ContentInput<'country-sheet'> {
  const country = EU_COUNTRIES[index]!;
  const info = COUNTRIES[country]!;
  const rnd = Random.derive(ctx.seed, 'country-sheet', index);
  return {
    id: `country-${country}`,
    language: 'en',
    countries: [country],
    themes: rnd.pickSome(THEMES, 2, 4),
    country,
    title: `${info.name}: country information sheet`,
    sections: COUNTRY_SHEET_SECTIONS.map((key, s) => ({
      key,
      title: SECTION_TITLES[key]!,
      body: html(paragraphs(rnd, 'en', rnd.pick(TOPICS), country, rnd.int(2, 4))),
      updatedAt: timeOffset(ctx, -(index * 997 + s * 1440 + 60)),
      programmeKind: key === 'programmes' ? rnd.pick(['voluntary', 'mandatory', 'mixed'] as const) : null,
    })),
  };
}

function buildGoodPractice(ctx: Context, index: number): ContentInput<'good-practice'> {
  const rnd = Random.derive(ctx.seed, 'good-practice', index);
  const country = rnd.pick(EU_COUNTRIES);
  const info = COUNTRIES[country]!;
  const topic = rnd.pick(TOPICS);
  const regular = rnd.chance(0.3);
  const start = -rnd.int(60, 3000);
  const contact = personName(rnd);
  const organisation = `${rnd.pick(ORGANISATIONS)} ${rnd.pick(info.cities)}`;
  const [challenge, how, results, opinion] = paragraphs(rnd, info.language, topic, country, 4);
  return {
    id: `gp-${pad(index + 1, 5)}`,
    language: info.language,
    countries: [country],
    themes: [topic.theme],
    title: `${capitalize(topic.names[info.language])}: ${rnd.pick(['mentoring', 'one-stop shop', 'peer support', 'job coaching', 'community programme'])} in ${rnd.pick(info.cities)}`,
    startDate: dateOffset(ctx, start),
    endDate: regular ? null : dateOffset(ctx, start + rnd.int(90, 1500)),
    regularService: regular,
    country,
    cityArea: rnd.pick(info.cities),
    summary: paragraphs(rnd, 'en', topic, country, 1)[0]!,
    challengeAndGoals: `<p>${challenge}</p>`,
    howItWorks: `<p>${how}</p>`,
    results: `<p>${results}</p>`,
    targetGroupOpinion: `<p>${opinion}</p>`,
    evaluation: {
      type: rnd.pick(['internal', 'external', 'both', 'none'] as const),
      indicators: 'Participants placed in work or training within six months; language level reached; drop-out rate.',
      successes: 'Strong partnerships with local employers and high attendance.',
      failures: 'Child care was hard to arrange for participating parents.',
    },
    targetGroups: rnd.pickSome(['refugees', 'women', 'young people', 'unaccompanied minors', 'newly arrived migrants', 'long-term residents'], 1, 3),
    peopleReached: rnd.chance(0.8) ? rnd.int(20, 5000) : null,
    fundingSource: rnd.pick(FUNDING_PROGRAMMES).programme,
    resources: `${rnd.int(1, 12)} staff, ${rnd.int(0, 40)} volunteers, annual budget EUR ${rnd.int(20, 900)}k`,
    organisation: { name: organisation, type: rnd.pick(ORGANISATION_TYPES), website: `https://${country.toLowerCase()}.example.org/gp-${index + 1}` },
    contact: { name: contact, email: emailOf(contact), phone: `+${rnd.int(30, 49)} ${rnd.int(100, 999)} ${rnd.int(100000, 999999)}` },
  };
}

function buildLink(ctx: Context, index: number): ContentInput<'link'> {
  const rnd = Random.derive(ctx.seed, 'link', index);
  const country = rnd.pick(EU_COUNTRIES);
  const topic = rnd.pick(TOPICS);
  return {
    id: `link-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [country],
    themes: [topic.theme],
    url: `https://www.${country.toLowerCase()}-integration.example.org/${topic.theme}/${index + 1}`,
    title: `${COUNTRIES[country]!.name}: portal on ${topic.names.en}`,
    description: paragraphs(rnd, 'en', topic, country, 1)[0]!,
    category: rnd.pick(LINK_CATEGORIES),
  };
}

function buildFunding(ctx: Context, index: number): ContentInput<'funding'> {
  const rnd = Random.derive(ctx.seed, 'funding', index);
  const { programme, funderType } = rnd.pick(FUNDING_PROGRAMMES);
  const topic = rnd.pick(TOPICS);
  const countries = funderType === 'eu' ? [] : [rnd.pick(EU_COUNTRIES)];
  const max = rnd.int(5, 500) * 10_000;
  return {
    id: `funding-${pad(index + 1, 5)}`,
    language: 'en',
    countries,
    themes: [topic.theme],
    title: `Call for proposals: ${topic.names.en}`,
    programme,
    funderType,
    deadline: rnd.chance(0.1) ? null : dateOffset(ctx, rnd.int(-60, 365)),
    amount: { min: Math.round(max / 10), max, currency: 'EUR' },
    url: `https://funding.example.org/calls/${index + 1}`,
    description: html(paragraphs(rnd, 'en', topic, countries[0] ?? 'BE', 2)),
  };
}

function buildNews(ctx: Context, index: number): ContentInput<'news'> {
  const rnd = Random.derive(ctx.seed, 'news', index);
  const country = rnd.pick(EU_COUNTRIES);
  const info = COUNTRIES[country]!;
  const topic = rnd.pick(TOPICS);
  const language = rnd.chance(0.5) ? info.language : 'en';
  return {
    id: `news-${pad(index + 1, 5)}`,
    language,
    countries: [country],
    themes: [topic.theme],
    title: `${info.name}: ${topic.names[language]}`,
    date: dateOffset(ctx, -rnd.int(0, 1500)),
    body: html(paragraphs(rnd, language, topic, country, rnd.int(2, 4))),
  };
}

function buildEvent(ctx: Context, index: number): ContentInput<'event'> {
  const rnd = Random.derive(ctx.seed, 'event', index);
  const country = rnd.pick(EU_COUNTRIES);
  const info = COUNTRIES[country]!;
  const topic = rnd.pick(TOPICS);
  const start = rnd.int(-400, 300);
  return {
    id: `event-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [country],
    themes: [topic.theme],
    title: `Conference on ${topic.names.en}`,
    startDate: dateOffset(ctx, start),
    endDate: dateOffset(ctx, start + rnd.int(0, 3)),
    place: `${rnd.pick(info.cities)}, ${info.name}`,
    body: html(paragraphs(rnd, 'en', topic, country, 2)),
    url: `https://events.example.org/${index + 1}`,
  };
}

function buildForum(_ctx: Context, index: number): ContentInput<'forum'> {
  const forum = FORUMS[index]!;
  return { id: forum.id, language: 'en', themes: [forum.theme], title: forum.title, description: `Discussion among integration practitioners: ${forum.title.toLowerCase()}.` };
}

function buildThread(ctx: Context, index: number): ContentInput<'forum-thread'> {
  const rnd = Random.derive(ctx.seed, 'forum-thread', index);
  const forum = FORUMS[index % FORUMS.length]!;
  const topic = rnd.pick(TOPICS);
  return {
    id: `thread-${pad(index + 1, 5)}`,
    language: 'en',
    themes: [forum.theme],
    forumId: forum.id,
    title: `Experiences with ${topic.names.en}?`,
    authorName: personName(rnd),
    createdAt: timeOffset(ctx, -(ctx.counts['forum-thread'] - index) * 180),
  };
}

function buildPost(ctx: Context, index: number): ContentInput<'forum-post'> {
  const rnd = Random.derive(ctx.seed, 'forum-post', index);
  const threads = ctx.counts['forum-thread'];
  // The first posts open each thread; the rest reply in random threads.
  const thread = index < threads ? index : rnd.int(0, threads - 1);
  const country = rnd.pick(EU_COUNTRIES);
  return {
    id: `post-${pad(index + 1, 6)}`,
    language: 'en',
    themes: [],
    threadId: `thread-${pad(thread + 1, 5)}`,
    authorName: personName(rnd),
    body: html(paragraphs(rnd, 'en', rnd.pick(TOPICS), country, rnd.int(1, 2))),
    createdAt: timeOffset(ctx, -(threads - thread) * 180 + (index < threads ? 0 : rnd.int(1, 170))),
  };
}

function buildPartnerRequest(ctx: Context, index: number): ContentInput<'partner-request'> {
  const rnd = Random.derive(ctx.seed, 'partner-request', index);
  const country = rnd.pick(EU_COUNTRIES);
  const info = COUNTRIES[country]!;
  const topic = rnd.pick(TOPICS);
  const contact = personName(rnd);
  return {
    id: `partner-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [country],
    themes: [topic.theme],
    title: `Partners wanted: ${topic.names.en}`,
    organisation: `${rnd.pick(ORGANISATIONS)} ${rnd.pick(info.cities)}`,
    organisationType: rnd.pick(ORGANISATION_TYPES),
    country,
    projectIdea: paragraphs(rnd, 'en', topic, country, 1)[0]!,
    partnersSought: { countries: rnd.pickSome(EU_COUNTRIES, 1, 4), organisationTypes: rnd.pickSome(ORGANISATION_TYPES, 1, 3) },
    contact: { name: contact, email: emailOf(contact) },
    authorName: contact,
    expiresOn: dateOffset(ctx, rnd.int(-30, 365)),
    createdAt: timeOffset(ctx, -rnd.int(60, 500_000)),
  };
}

const BUILDERS: { [T in ContentType]: (ctx: Context, index: number) => ContentInput<T> } = {
  // Documents are built in items() because of their attachments.
  document: (ctx, index) => buildDocument(ctx, index, undefined),
  'country-sheet': buildCountrySheet,
  'good-practice': buildGoodPractice,
  link: buildLink,
  funding: buildFunding,
  news: buildNews,
  event: buildEvent,
  forum: buildForum,
  'forum-thread': buildThread,
  'forum-post': buildPost,
  'partner-request': buildPartnerRequest,
};

/** Yield order: forums before threads before posts, so every reference resolves. */
const ORDER: ContentType[] = ['country-sheet', 'forum', 'forum-thread', 'forum-post', 'document', 'good-practice', 'link', 'funding', 'news', 'event', 'partner-request'];

export function generateSampleCorpus(options: SampleCorpusOptions): SampleCorpus {
  const documents = Math.max(0, Math.floor(options.documents));
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
  const ctx: Context = { seed: options.seed ?? 2009, now: (options.now ?? new Date('2026-11-01T00:00:00Z')).getTime(), counts };
  const attachmentByDocument = new Map<number, SampleAttachment>();
  for (let index = 0; index < documents; index += 1) {
    if (hasAttachment(documents, index)) attachmentByDocument.set(index, attachmentFor(ctx, index));
  }
  const attachments = [...new Map([...attachmentByDocument.values()].map((a) => [a.sha256, a])).values()];

  return {
    attachments,
    counts,
    *items() {
      for (const type of ORDER) {
        for (let index = 0; index < counts[type]; index += 1) {
          const fields = type === 'document' ? buildDocument(ctx, index, attachmentByDocument.get(index)) : BUILDERS[type](ctx, index);
          yield { type, fields } as SampleItem;
        }
      }
    },
  };
}
