// Legislation and its history: the articles of the original text, then
// amendments that insert articles (5a after 5), repeal them (the text becomes
// "(repealed)" as consolidated versions print it) and reword paragraphs, each
// amendment with its date in force and a change note naming the amending act.
// Every article is drafted from a generator of its own, so any version can be
// rebuilt alone and the versions of one law are built in order.
import type { ArticleChange, LanguagePack, Scene } from './language/types';
import { Random } from './random';

export interface Article {
  /** "5", or "5a" for one inserted after 5. */
  label: string;
  heading: string;
  paragraphs: string[];
  repealed: boolean;
}

export interface LegislationVersion {
  number: number;
  inForceFrom: string;
  /** What the amendment changed; null for the original text. */
  changeNote: string | null;
  articles: Article[];
}

export interface LawInput {
  pack: LanguagePack;
  scene: Scene;
  /** Seed and stream name of this law's articles. */
  seed: number;
  stream: string;
  /** When the original text was adopted (ISO). */
  adopted: string;
  /** How many versions the history has (1–5); fewer when the years since adoption leave no room. */
  versions: number;
  /** The corpus's "today" (ISO): nothing takes effect after it. */
  today: string;
  /** Names the act making amendment `k` (2, 3 …) in force from `date`. */
  amendingAct: (k: number, date: string) => string;
  /** Known amendments (EU instruments): their dates in force and notes replace the generated ones. */
  known?: ReadonlyArray<{ inForceFrom: string; note: string }>;
}

type Role = 'scope' | 'definitions' | 'topic' | 'final';
const DAY = 86_400_000;
const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

function draft(input: LawInput, role: Role, label: string, revision: number, paragraphs: number): Article {
  const rnd = Random.derive(input.seed, `${input.stream}/${label}`, revision);
  const scene: Scene = { ...input.scene, rnd };
  const heading = input.pack.articleHeading(scene, role);
  const texts: string[] = [];
  for (let p = 1; p <= paragraphs; p += 1) texts.push(input.pack.provision(scene, role, p));
  return { label, heading, paragraphs: texts, repealed: false };
}

const roleOf = (article: Article, articles: readonly Article[]): Role =>
  article.label === '1' ? 'scope' : article.label === '2' ? 'definitions' : article === articles.at(-1) ? 'final' : 'topic';

function original(input: LawInput): Article[] {
  const rnd = Random.derive(input.seed, `${input.stream}/plan`, 0);
  const count = rnd.int(5, 11);
  return Array.from({ length: count }, (_, i) => {
    const label = String(i + 1);
    const role: Role = i === 0 ? 'scope' : i === 1 ? 'definitions' : i === count - 1 ? 'final' : 'topic';
    const paragraphs = role === 'scope' ? 2 : role === 'final' ? rnd.int(1, 2) : role === 'definitions' ? rnd.int(2, 3) : rnd.int(1, 4);
    return draft(input, role, label, 0, paragraphs);
  });
}

/** One amendment: one to three changes to the topic articles. */
function amend(input: LawInput, articles: Article[], k: number): { articles: Article[]; changes: ArticleChange[] } {
  const rnd = Random.derive(input.seed, `${input.stream}/amendment`, k);
  const next = articles.map((a) => ({ ...a, paragraphs: [...a.paragraphs] }));
  const changes: ArticleChange[] = [];
  const touched = new Set<string>();
  const living = () => next.filter((a, i) => i > 1 && i < next.length - 1 && !a.repealed && !touched.has(a.label));
  for (let n = rnd.int(1, 3); n > 0; n -= 1) {
    const op = rnd.pick(['inserted', 'amended', 'amended', 'repealed'] as const);
    const candidates = living();
    if (!candidates.length) break;
    const target = rnd.pick(candidates);
    if (op === 'inserted') {
      const base = target.label.replace(/[a-z]$/, '');
      const used = next.filter((a) => a.label.replace(/[a-z]$/, '') === base).length;
      if (used > 4) continue;
      const label = `${base}${String.fromCharCode(96 + used)}`;
      const at = next.findLastIndex((a) => a.label.replace(/[a-z]$/, '') === base) + 1;
      next.splice(at, 0, draft(input, 'topic', label, k, rnd.int(1, 3)));
      touched.add(label);
      changes.push({ op, article: label });
    } else if (op === 'repealed') {
      target.repealed = true;
      target.paragraphs = [input.pack.repealed];
      touched.add(target.label);
      changes.push({ op, article: target.label });
    } else {
      const paragraph = rnd.int(1, target.paragraphs.length);
      const reworded = draft(input, roleOf(target, next), target.label, k * 10 + paragraph, paragraph).paragraphs[paragraph - 1]!;
      target.paragraphs[paragraph - 1] = reworded;
      touched.add(target.label);
      changes.push({ op, article: target.label, paragraph });
    }
  }
  if (!changes.length) {
    const target = next[2] ?? next[0]!;
    target.paragraphs[0] = draft(input, roleOf(target, next), target.label, k * 10 + 1, 1).paragraphs[0]!;
    changes.push({ op: 'amended', article: target.label, paragraph: 1 });
  }
  return { articles: next, changes };
}

/** The law's versions, oldest first. */
export function legislationHistory(input: LawInput): LegislationVersion[] {
  const rnd = Random.derive(input.seed, `${input.stream}/dates`, 0);
  const firstInForce = isoPlus(input.adopted, rnd.int(1, 90));
  const start = firstInForce < input.today ? firstInForce : input.adopted;
  const versions: LegislationVersion[] = [{ number: 1, inForceFrom: start, changeNote: null, articles: original(input) }];
  const known = input.known ?? [];
  const room = daysBetween(start, input.today);
  // Amendments at least four months apart, the last one before "today".
  const wanted = known.length ? known.length : Math.min(input.versions - 1, Math.floor(room / 120));
  let previous = start;
  for (let k = 2; k <= wanted + 1; k += 1) {
    const left = wanted + 2 - k;
    const date = known[k - 2]?.inForceFrom ?? isoPlus(previous, rnd.int(120, Math.max(120, Math.floor(daysBetween(previous, input.today) / left))));
    const { articles, changes } = amend(input, versions.at(-1)!.articles, k);
    const note = known[k - 2]?.note ?? input.pack.changeNote(changes, input.amendingAct(k, date), date);
    versions.push({ number: k, inForceFrom: date, changeNote: note, articles });
    previous = date;
  }
  return versions;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The version as the body's HTML: a line of facts, then each article with its numbered paragraphs. */
export function lawHtml(pack: LanguagePack, version: LegislationVersion, facts: string): string {
  const out = [`<p>${escapeHtml(facts)}</p>`];
  if (version.changeNote) out.push(`<p><em>${escapeHtml(version.changeNote)}</em></p>`);
  for (const article of version.articles) {
    out.push(`<h2>${escapeHtml(pack.articleLabel(article.label))}${article.repealed ? '' : ` – ${escapeHtml(article.heading)}`}</h2>`);
    const numbered = article.paragraphs.length > 1;
    for (const [i, text] of article.paragraphs.entries()) out.push(`<p>${numbered ? `(${i + 1}) ` : ''}${escapeHtml(text)}</p>`);
  }
  return out.join('\n');
}

/** The same version as PDF blocks: headings and paragraphs. */
export function lawBlocks(pack: LanguagePack, version: LegislationVersion): Array<{ kind: 'heading' | 'paragraph'; text: string }> {
  return version.articles.flatMap((article) => [
    { kind: 'heading' as const, text: `${pack.articleLabel(article.label)}${article.repealed ? '' : ` – ${article.heading}`}` },
    ...article.paragraphs.map((text, i) => ({ kind: 'paragraph' as const, text: `${article.paragraphs.length > 1 ? `(${i + 1}) ` : ''}${text}` })),
  ]);
}
