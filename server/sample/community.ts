// The community: forums, threads that ask practitioners' questions, posts that
// answer, quote and name one another, and partner requests for distinct
// projects. Forums are mostly English, with French and German threads as on
// the real site.
import type { ContentInput } from '../../shared/content';
import { EU_COUNTRIES, ORGANISATION_TYPES } from '../../shared/content';
import { EN_TOPICS } from './language/en-words';
import { PACKS } from './language';
import type { Scene } from './language/types';
import { city, country, type Lang } from './places';
import { emailOf, personName, publisherOf } from './people';
import { Random } from './random';
import { sceneFor } from './scene';
import { TOPIC_THEME, type TopicKey } from './topics';

export const FORUMS: ReadonlyArray<{ id: string; title: string; theme: string; topics: readonly TopicKey[] }> = [
  { id: 'forum-employment', title: 'Employment and skills', theme: 'employment', topics: ['labour', 'recognition'] },
  { id: 'forum-education', title: 'Education and language learning', theme: 'education', topics: ['education', 'language', 'minors'] },
  { id: 'forum-health', title: 'Health and social services', theme: 'health', topics: ['health', 'reception'] },
  { id: 'forum-housing', title: 'Housing and local integration', theme: 'housing', topics: ['housing', 'reception', 'family'] },
  { id: 'forum-participation', title: 'Participation and anti-discrimination', theme: 'civic-participation', topics: ['civic', 'discrimination', 'citizenship'] },
  { id: 'forum-general', title: 'General discussion', theme: 'social-inclusion', topics: ['residence', 'family', 'civic', 'labour'] },
];

export interface CommunityContext {
  seed: number;
  now: number;
  threads: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
export const threadId = (index: number) => `thread-${pad(index + 1, 5)}`;

export function buildForum(index: number): ContentInput<'forum'> {
  const forum = FORUMS[index]!;
  return { id: forum.id, language: 'en', themes: [forum.theme], title: forum.title, description: `Questions and experiences of integration practitioners: ${forum.title.toLowerCase()}.` };
}

interface ThreadPlan {
  lang: Lang;
  scene: Scene;
  title: string;
  forum: (typeof FORUMS)[number];
  createdAt: number;
  author: string;
}

/** A thread's plan; `attempt` re-rolls its question when the title is taken. */
export function planThread(ctx: CommunityContext, index: number, attempt: number): ThreadPlan {
  const rnd = Random.derive(ctx.seed, `forum-thread#${attempt}`, index);
  const forum = FORUMS[index % FORUMS.length]!;
  const lang = rnd.weighted({ en: 80, fr: 10, de: 10 });
  const scene = sceneFor(rnd, { country: rnd.pick(EU_COUNTRIES), kind: 'article', topic: rnd.pick(forum.topics), year: 2026 - rnd.int(0, 3) });
  const base = Random.derive(ctx.seed, 'forum-thread-time', index);
  // Threads spread over three years, newest last.
  const createdAt = ctx.now - Math.round(((ctx.threads - index) / ctx.threads) * 1_100 * 1440 * MINUTE) - base.int(60, 1400) * MINUTE;
  return { lang, scene, title: PACKS[lang].question!(scene), forum, createdAt, author: personName(Random.derive(ctx.seed, 'post-author', index)) };
}

export function buildThread(plan: ThreadPlan, index: number): ContentInput<'forum-thread'> {
  return { id: threadId(index), language: plan.lang, themes: [plan.forum.theme, TOPIC_THEME[plan.scene.topic]].filter((t, i, all) => all.indexOf(t) === i), forumId: plan.forum.id, title: plan.title, authorName: plan.author, createdAt: iso(plan.createdAt) };
}

/** Where each post goes: the first `threads` posts open their thread; replies follow in order, each knowing the post before it. */
export interface PostLayout {
  thread: Int32Array;
  previous: Int32Array;
  /** Minutes after the thread opened. */
  offset: Float64Array;
}

export function layoutPosts(seed: number, threads: number, posts: number): PostLayout {
  const thread = new Int32Array(posts);
  const previous = new Int32Array(posts).fill(-1);
  const offset = new Float64Array(posts);
  const last = new Int32Array(threads).fill(-1);
  const elapsed = new Float64Array(threads);
  for (let j = 0; j < posts; j += 1) {
    const rnd = Random.derive(seed, 'post-layout', j);
    // Replies favour some threads: a few run long, most get two or three answers.
    const t = j < threads ? j : Math.floor(threads * rnd.next() ** 1.8);
    thread[j] = t;
    previous[j] = last[t]!;
    if (j >= threads) elapsed[t] = elapsed[t]! + rnd.int(7, 60 * 24 * rnd.pick([1, 2, 5]));
    offset[j] = elapsed[t]!;
    last[t] = j;
  }
  return { thread, previous, offset };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const postAuthor = (seed: number, post: number) => personName(Random.derive(seed, 'post-author', post));

/** A post's own words (what a later reply may quote): two to four sentences. */
function ownText(seed: number, post: number, plan: ThreadPlan): string[] {
  const rnd = Random.derive(seed, 'forum-post', post);
  const scene = { ...plan.scene, rnd };
  const pack = PACKS[plan.lang];
  return Array.from({ length: rnd.int(2, 4) }, () => pack.sentence(rnd.pick(['finding', 'data', 'context', 'voice', 'recommendation', 'legal'] as const), scene));
}

export function buildPost(ctx: CommunityContext, layout: PostLayout, post: number, planOf: (thread: number) => ThreadPlan): ContentInput<'forum-post'> {
  const t = layout.thread[post]!;
  const plan = planOf(t);
  const pack = PACKS[plan.lang];
  const rnd = Random.derive(ctx.seed, 'forum-post-form', post);
  const mine = ownText(ctx.seed, post, plan);
  const author = post === t ? plan.author : postAuthor(ctx.seed, post);
  const parts: string[] = [];
  const before = layout.previous[post]!;
  if (before < 0) {
    parts.push(`<p>${escapeHtml(mine.join(' '))}</p>`, `<p>${escapeHtml(plan.title)}</p>`);
  } else {
    const other = before === t ? plan.author : postAuthor(ctx.seed, before);
    const style = rnd.int(0, 2);
    if (style === 0) {
      const quoted = ownText(ctx.seed, before, plan)[0]!;
      parts.push(`<blockquote><p>${escapeHtml(`${other} ${pack.forum!.wrote}`)} ${escapeHtml(quoted)}</p></blockquote>`);
    } else if (style === 1) {
      parts.push(`<p>${escapeHtml(rnd.pick(pack.forum!.answers).replace('{name}', other.split(' ')[0]!))}</p>`);
    }
    parts.push(`<p>${escapeHtml(mine.join(' '))}</p>`);
  }
  return {
    id: `post-${pad(post + 1, 6)}`,
    language: plan.lang,
    themes: [],
    threadId: threadId(t),
    authorName: author,
    body: parts.join('\n'),
    // A reply that would fall after "today" is moved just before it, each to a minute of its own.
    createdAt: iso(Math.min(ctx.now - MINUTE * (1 + (post % 997)), plan.createdAt + layout.offset[post]! * MINUTE)),
  };
}

const PROGRAMMES = ['AMIF', 'ESF+', 'Erasmus+', 'CERV', 'Interreg'];
const pick = <T>(rnd: Random, items: readonly T[]): T => rnd.pick(items);

/** A partner request's plan: a distinct project looking for partners. */
export function planPartnerRequest(seed: number, index: number, attempt: number): { scene: Scene; title: string; programme: string } {
  const rnd = Random.derive(seed, `partner-request#${attempt}`, index);
  const scene = sceneFor(rnd, { country: rnd.pick(EU_COUNTRIES), kind: 'other', year: 2026 });
  const words = EN_TOPICS[scene.topic];
  const programme = rnd.pick(PROGRAMMES);
  const where = rnd.chance(0.6) ? city('en', scene.country, scene.city).in : country('en', scene.country).in;
  return { scene, programme, title: `Partners wanted: ${rnd.pick(words.goals)} ${where} (${programme} ${rnd.pick([2026, 2027])})` };
}

export function buildPartnerRequest(seed: number, now: number, index: number, plan: ReturnType<typeof planPartnerRequest>): ContentInput<'partner-request'> {
  const rnd = Random.derive(seed, 'partner-request-facts', index);
  const scene = { ...plan.scene, rnd };
  const pack = PACKS.en;
  const contact = personName(rnd);
  const DAY = 86_400_000;
  return {
    id: `partner-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    title: plan.title,
    organisation: publisherOf(rnd, 'en', scene.country, scene.city),
    organisationType: rnd.pick(ORGANISATION_TYPES),
    country: scene.country,
    projectIdea: [pack.sentence('context', scene), pack.sentence('finding', scene), pack.sentence('recommendation', scene), `We plan to apply under ${plan.programme} ${pick(rnd, ['before', 'by', 'ahead of the deadline on'])} ${PACKS.en.date(new Date(now + rnd.int(20, 300) * DAY).toISOString().slice(0, 10))} and are looking for ${pick(rnd, ['two', 'three', 'four', 'one or two'])} partners ${pick(rnd, ['with experience in this field', 'working with the same target group', 'from municipalities of a similar size', 'that have run a comparable project'])}.`].join(' '),
    partnersSought: { countries: rnd.pickSome(EU_COUNTRIES, 1, 4), organisationTypes: rnd.pickSome(ORGANISATION_TYPES, 1, 3) },
    contact: { name: contact, email: emailOf(contact) },
    authorName: contact,
    expiresOn: new Date(now + rnd.int(-30, 365) * DAY).toISOString().slice(0, 10),
    createdAt: new Date(now - rnd.int(1, 700) * DAY - rnd.int(0, 1439) * 60_000).toISOString(),
  };
}
