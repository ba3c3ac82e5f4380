// What a language of the corpus provides: grammatical sentences about a scene
// (a topic in a country, in a year, under some instruments), the headings and
// titles of documents, and the drafting of legislation and its amendments.
// Each language builds its sentences from its own words and inflections;
// nothing here translates.
import type { EuInstrument } from '../instruments';
import type { NationalInstrument } from '../national-instruments';
import type { Lang } from '../places';
import type { Random } from '../random';
import type { TopicKey } from '../topics';

export type DocumentKind = 'legislation' | 'policy-document' | 'report' | 'study' | 'impact-assessment' | 'evaluation' | 'article' | 'other';

export interface Scene {
  rnd: Random;
  topic: TopicKey;
  /** ISO 3166 code of the country the text is about. */
  country: string;
  /** Index into the country's cities: the text's main city. */
  city: number;
  /** The year the text speaks from. */
  year: number;
  /** The EU instrument the text is about or cites first. */
  eu: EuInstrument;
  /** A national instrument of the country, when the text has one. */
  national: NationalInstrument | undefined;
  kind: DocumentKind;
}

/** The rhetorical job of a sentence in a report. */
export type ProseKind = 'intro' | 'context' | 'legal' | 'finding' | 'data' | 'voice' | 'recommendation' | 'conclusion';
/** The sections a document is made of. */
export type SectionKind = 'summary' | 'introduction' | 'context' | 'legal' | 'method' | 'findings' | 'data' | 'practice' | 'recommendations' | 'conclusions';

/** One change an amendment makes to an article. */
export interface ArticleChange {
  op: 'inserted' | 'repealed' | 'amended';
  /** The article's label, e.g. "5a" or "7". */
  article: string;
  /** For rewordings: the paragraph reworded. */
  paragraph?: number;
}

export type NationalActKind = 'act' | 'regulation' | 'decree' | 'bylaw' | 'circular';

export interface LanguagePack {
  lang: Lang;
  /** "4 March 2021" as the language writes a date (ISO in). */
  date(iso: string): string;
  /** "March 2021". */
  month(year: number, month: number): string;
  number(n: number): string;
  percent(n: number): string;

  sentence(kind: ProseKind, scene: Scene): string;
  heading(kind: SectionKind, scene: Scene): string;
  /** A list item (key finding, measure) as a short sentence. */
  item(scene: Scene): string;
  /** The document's title for a kind that is not legislation. */
  title(scene: Scene): string;

  /** The title of a national act, decree, regulation, by-law or circular. */
  actTitle(scene: Scene, kind: NationalActKind, number: number, isoDate: string): string;
  /** How the language labels an article: "Article 5a", "§ 5a", "Art. 5a". */
  articleLabel(label: string): string;
  /** A short heading for an article on the scene's topic, or a standard one (definitions, entry into force). */
  articleHeading(scene: Scene, role: 'scope' | 'definitions' | 'topic' | 'final'): string;
  /** One numbered paragraph of a provision. */
  provision(scene: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string;
  /** What a repealed article's text says. */
  repealed: string;
  /** The change note of an amendment: what changed, by which act, in force from when. */
  changeNote(changes: readonly ArticleChange[], amendingAct: string, inForceFrom: string): string;

  /** A forum thread's title: a practitioner's question (the languages the forums are written in). */
  question?(scene: Scene): string;
  /** How a forum reply opens when it answers someone: "Thanks, Ana." / "Ana wrote:". */
  forum?: { wrote: string; answers: readonly string[] };

  /** "page 3 of 12". */
  pageLabel(page: number, of: number): string;
  /** "Summary", "Published", "Publisher"…: short labels of the PDF's title block. */
  labels: { published: string; place: string; identifier: string; version: string; inForce: string };
}
