// The full text of a library document that is not legislation: sections in
// the order its kind has them (a report has findings and recommendations, a
// study a method, a guide practical steps), each a heading and paragraphs of
// sentences whose rhetorical job fits the section, with bullet lists where
// reports have them. Long documents (the ones that live in a PDF) repeat the
// findings, data and practice sections until they fill their pages.
import type { DocumentKind, LanguagePack, ProseKind, Scene, SectionKind } from './language/types';

export interface Block {
  kind: 'paragraph' | 'item';
  text: string;
}
export interface Section {
  heading: string;
  blocks: Block[];
}

const PLAN: Record<Exclude<DocumentKind, 'legislation'>, readonly SectionKind[]> = {
  report: ['summary', 'introduction', 'context', 'legal', 'findings', 'data', 'recommendations', 'conclusions'],
  study: ['summary', 'introduction', 'method', 'context', 'findings', 'data', 'practice', 'conclusions'],
  'policy-document': ['summary', 'context', 'legal', 'practice', 'recommendations', 'conclusions'],
  'impact-assessment': ['summary', 'context', 'legal', 'method', 'findings', 'data', 'conclusions'],
  evaluation: ['summary', 'introduction', 'method', 'findings', 'data', 'recommendations', 'conclusions'],
  article: ['introduction', 'findings', 'practice', 'conclusions'],
  other: ['introduction', 'legal', 'practice', 'recommendations'],
};
/** The kinds of sentence each section is written in; the first opens the section, the rest fill it. */
const SENTENCES: Record<SectionKind, readonly ProseKind[]> = {
  summary: ['intro', 'finding', 'finding', 'recommendation'],
  introduction: ['intro', 'context', 'context', 'data'],
  context: ['context', 'context', 'data'],
  legal: ['legal', 'legal', 'context'],
  method: ['intro', 'data'],
  findings: ['finding', 'finding', 'data', 'voice'],
  data: ['data', 'data', 'finding'],
  practice: ['context', 'voice', 'finding'],
  recommendations: ['recommendation', 'recommendation'],
  conclusions: ['conclusion', 'finding', 'conclusion'],
};
/** Sections whose content reports often set as a list. */
const LISTS = new Set<SectionKind>(['summary', 'practice', 'recommendations']);
/** Sections a long document repeats, each time with its own heading. */
const EXTENDABLE: readonly SectionKind[] = ['findings', 'data', 'practice', 'findings', 'context'];
/** A page of the sample PDFs holds about this many characters of running text (10.5 pt Helvetica on A4). */
export const CHARS_PER_PAGE = 3500;

function paragraph(pack: LanguagePack, scene: Scene, kind: SectionKind, opening: boolean): string {
  const [lead, ...rest] = SENTENCES[kind];
  const sentences: string[] = [];
  if (opening) sentences.push(pack.sentence(lead!, scene));
  const fill = rest.length ? rest : [lead!];
  for (let i = scene.rnd.int(3, 5) - sentences.length; i > 0; i -= 1) sentences.push(pack.sentence(scene.rnd.pick(fill), scene));
  return sentences.join(' ');
}

function section(pack: LanguagePack, scene: Scene, kind: SectionKind, paragraphs: number, heading?: string): Section {
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs; i += 1) blocks.push({ kind: 'paragraph', text: paragraph(pack, scene, kind, i === 0) });
  if (LISTS.has(kind) && scene.rnd.chance(0.5)) {
    const items = new Set<string>();
    for (let i = scene.rnd.int(3, 5); i > 0; i -= 1) items.add(pack.item(scene));
    blocks.splice(scene.rnd.int(0, blocks.length), 0, ...[...items].map((text) => ({ kind: 'item' as const, text })));
  }
  return { heading: heading ?? pack.heading(kind, scene), blocks };
}

const length = (sections: readonly Section[]) => sections.reduce((sum, s) => sum + s.heading.length + s.blocks.reduce((n, b) => n + b.text.length + 2, 0), 0);

/**
 * The document's sections. `pages` asks for a long text filling about that
 * many PDF pages; without it the text is what a library page shows.
 */
/** More of a long document: one more findings, data, practice or context section. */
export function extraSection(pack: LanguagePack, scene: Scene, n: number): Section {
  return section(pack, scene, EXTENDABLE[n % EXTENDABLE.length]!, scene.rnd.int(3, 5));
}

export function documentSections(pack: LanguagePack, scene: Scene, kind: Exclude<DocumentKind, 'legislation'>, pages?: number): Section[] {
  const plan = PLAN[kind];
  if (!pages) return plan.filter((k, i) => i < 2 || scene.rnd.chance(0.7)).map((k) => section(pack, scene, k, scene.rnd.int(1, 2)));
  const sections = plan.map((k) => section(pack, scene, k, k === 'summary' ? 2 : scene.rnd.int(2, 4)));
  const target = (pages - 0.5) * CHARS_PER_PAGE;
  const conclusions = sections.pop()!;
  let extra = 0;
  while (length(sections) + length([conclusions]) < target) {
    const k = EXTENDABLE[extra % EXTENDABLE.length]!;
    extra += 1;
    sections.push(section(pack, scene, k, scene.rnd.int(3, 5)));
  }
  sections.push(conclusions);
  return sections;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sections as the portal's HTML body: h2 headings, paragraphs, lists. */
export function sectionsHtml(sections: readonly Section[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    let list: string[] = [];
    const flush = () => {
      if (list.length) out.push(`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
      list = [];
    };
    for (const block of s.blocks) {
      if (block.kind === 'item') list.push(block.text);
      else {
        flush();
        out.push(`<p>${escapeHtml(block.text)}</p>`);
      }
    }
    flush();
  }
  return out.join('\n');
}

/** Every word of the sections, for the PDF's text layer and for checking it. */
export function sectionsText(sections: readonly Section[]): string {
  return sections.map((s) => [s.heading, ...s.blocks.map((b) => b.text)].join('\n')).join('\n');
}
