// Library documents: what each one is (its plan, cheap enough to compute for
// every index when titles are made unique), then its record, its versions
// when it is legislation, and its PDF attachments.
import { DOCUMENT_TYPES, type ContentInput } from '../../shared/content';
import { CHARS_PER_PAGE, documentSections, extraSection, sectionsHtml, sectionsText, type Section } from './document-text';
import { cite } from './citations';
import { EU_COMMUNICATIONS, EU_LEGISLATION, type EuInstrument } from './instruments';
import { PACKS } from './language';
import type { DocumentKind, NationalActKind, Scene } from './language/types';
import { lawBlocks, lawHtml, legislationHistory, type LegislationVersion } from './legislation';
import { actIdentifier } from './identifiers';
import { NATIONAL_INSTRUMENTS, type NationalInstrument } from './national-instruments';
import { buildScanPdf, buildTextPdf, type PdfBlock } from './pdf';
import { authorsOf, publisherOf } from './people';
import { city, type Lang } from './places';
import { Random } from './random';
import { languageFor, sceneFor } from './scene';
import { RELATED_THEMES, TOPIC_THEME } from './topics';

export interface SampleAttachment {
  sha256: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface DocumentContext {
  seed: number;
  documents: number;
  /** The corpus's "today", ISO. */
  today: string;
  countries: readonly string[];
}

type Special = { kind: 'eu'; instrument: EuInstrument } | { kind: 'national'; instrument: NationalInstrument } | { kind: 'communication'; instrument: EuInstrument } | { kind: 'act'; act: NationalActKind; number: number };

export interface DocumentPlan {
  index: number;
  id: string;
  kind: DocumentKind;
  lang: Lang;
  scene: Scene;
  date: string;
  title: string;
  special: Special | undefined;
  pdf: { text: boolean; scan: boolean; pages: number };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const documentId = (index: number) => `doc-${pad(index + 1, 6)}`;

/** The EU texts the library carries in English, French and German, and the real national acts in their own language. */
const EU_DOCS = EU_LEGISLATION.flatMap((instrument) => (['en', 'fr', 'de'] as const).map((lang) => ({ instrument, lang })));
const COMMUNICATION_DOCS = EU_COMMUNICATIONS.flatMap((instrument) => (['en', 'fr', 'de'] as const).map((lang) => ({ instrument, lang })));

/** Which legislation slot (every eighth document is legislation) carries which real instrument. */
function specialFor(index: number, kind: DocumentKind): { special: Special; lang: Lang } | undefined {
  const slot = Math.floor(index / DOCUMENT_TYPES.length);
  if (kind === 'legislation' && slot % 4 === 0 && slot / 4 < EU_DOCS.length) {
    const { instrument, lang } = EU_DOCS[slot / 4]!;
    return { special: { kind: 'eu', instrument }, lang };
  }
  if (kind === 'legislation' && slot % 4 === 2 && (slot - 2) / 4 < NATIONAL_INSTRUMENTS.length) {
    const instrument = NATIONAL_INSTRUMENTS[(slot - 2) / 4]!;
    return { special: { kind: 'national', instrument }, lang: instrument.lang };
  }
  if (kind === 'policy-document' && slot % 5 === 0 && slot / 5 < COMMUNICATION_DOCS.length) {
    const { instrument, lang } = COMMUNICATION_DOCS[slot / 5]!;
    return { special: { kind: 'communication', instrument }, lang };
  }
  return undefined;
}

/** Reports, studies and evaluations mostly live in PDFs; articles rarely. */
const PDF_SHARE: Record<DocumentKind, number> = { legislation: 0.18, 'policy-document': 0.36, report: 0.4, study: 0.4, 'impact-assessment': 0.4, evaluation: 0.4, article: 0.07, other: 0.22 };
const ACT_KINDS: Readonly<Record<NationalActKind, number>> = { act: 35, regulation: 25, decree: 15, bylaw: 15, circular: 10 };

function pages(rnd: Random): number {
  const roll = rnd.next();
  // Most are short; a few are long studies (mean about five pages).
  return roll < 0.82 ? rnd.int(2, 4) : roll < 0.96 ? rnd.int(5, 12) : rnd.int(13, 34);
}

/** Everything about document `index` except its text; `attempt` changes it when its title is already taken. */
export function planDocument(ctx: DocumentContext, index: number, attempt: number): DocumentPlan {
  const rnd = Random.derive(ctx.seed, `document#${attempt}`, index);
  const kind = DOCUMENT_TYPES[index % DOCUMENT_TYPES.length]!;
  const fixed = specialFor(index, kind);
  const instrument = fixed?.special.kind === 'eu' || fixed?.special.kind === 'communication' ? fixed.special.instrument : undefined;
  const national = fixed?.special.kind === 'national' ? fixed.special.instrument : undefined;
  const country = national?.country ?? rnd.pick(ctx.countries);
  const lang = fixed?.lang ?? languageFor(rnd, country);
  const year = instrument ? Number(instrument.adopted.slice(0, 4)) : national ? Number(national.date.slice(0, 4)) : undefined;
  const scene = sceneFor(rnd, { country, kind, topic: instrument?.topic ?? national?.topic, year });
  if (instrument && instrument.kind !== 'communication') scene.eu = instrument;
  if (national) scene.national = national;
  const drawn = `${scene.year}-${pad(rnd.int(1, 12), 2)}-${pad(rnd.int(1, 28), 2)}`;
  // Nothing is published after the corpus's "today": this year's texts fall in the months before it.
  const date = instrument?.adopted ?? national?.date ?? (drawn < ctx.today ? drawn : new Date(Date.parse(`${ctx.today}T00:00:00Z`) - rnd.int(5, 280) * 86_400_000).toISOString().slice(0, 10));
  const pack = PACKS[lang];
  let special = fixed?.special;
  let title: string;
  if (special?.kind === 'eu') title = special.instrument.titles[lang as 'en' | 'fr' | 'de'];
  else if (special?.kind === 'communication') title = `${special.instrument.titles[lang as 'en' | 'fr' | 'de']} (${special.instrument.com})`;
  else if (special?.kind === 'national') title = special.instrument.title;
  else if (kind === 'legislation') {
    const act = rnd.weighted(ACT_KINDS);
    const number = 1 + ((index * 7919 + attempt * 104729) % 997);
    special = { kind: 'act', act, number };
    title = pack.actTitle(scene, act, number, date);
  } else title = pack.title(scene);
  const forced = index === 0 || (ctx.documents < 150 && index < 3);
  const text = forced || rnd.chance(PDF_SHARE[kind]);
  const scan = !forced && (text ? rnd.chance(0.12) : rnd.chance(0.03));
  return { index, id: documentId(index), kind, lang, scene, date, title, special, pdf: { text, scan, pages: text ? pages(rnd) : rnd.int(2, 8) } };
}

export interface BuiltDocument {
  /** The record's versions, oldest first; all but legislation have one. */
  versions: Array<ContentInput<'document'>>;
  files: SampleAttachment[];
  /** The text each text PDF carries, for the tests that read it back. */
  pdfText: string | undefined;
}

function legalStatus(ctx: DocumentContext, plan: DocumentPlan, versions: number): 'in-force' | 'amended' | 'repealed' | 'proposal' | 'transposition-pending' {
  if (plan.special?.kind === 'eu') return plan.special.instrument.status;
  if (versions > 1) return 'amended';
  const rnd = Random.derive(ctx.seed, 'status', plan.index);
  if (plan.scene.year < 2015 && rnd.chance(0.06)) return 'repealed';
  if (plan.scene.eu.year >= 2024 && rnd.chance(0.3)) return 'transposition-pending';
  return 'in-force';
}

function legislation(ctx: DocumentContext, plan: DocumentPlan, body: Scene): { versions: LegislationVersion[]; identifier: { scheme: 'ELI' | 'CELEX'; id: string }; facts: string[] } {
  const pack = PACKS[plan.lang];
  const special = plan.special;
  const eu = special?.kind === 'eu' ? special.instrument : undefined;
  const wanted = Random.derive(ctx.seed, 'versions', plan.index).weighted({ 1: 45, 2: 25, 3: 15, 4: 9, 5: 6 });
  const known = eu?.amendments?.map((a) => ({ inForceFrom: a.inForceFrom, note: a.note[plan.lang as 'en' | 'fr' | 'de'] }));
  const versions = legislationHistory({
    pack,
    scene: eu ? { ...body, country: 'BE' } : body,
    seed: ctx.seed,
    stream: plan.id,
    adopted: plan.date,
    versions: eu ? 1 : Number(wanted),
    today: ctx.today,
    known: eu ? (known ?? []) : undefined,
    amendingAct: (k, date) => pack.actTitle({ ...body, rnd: Random.derive(ctx.seed, `${plan.id}/act`, k) }, 'act', 1 + ((plan.index + k * 31) % 997), date),
  });
  const identifier = eu
    ? { scheme: 'CELEX' as const, id: eu.celex }
    : special?.kind === 'national'
      ? special.instrument.identifier
      : actIdentifier(plan.scene, special?.kind === 'act' ? special.act : 'act', plan.date, special?.kind === 'act' ? special.number : 1, plan.index);
  const facts = [`${identifier.scheme} ${identifier.id}`];
  if (eu?.eli) facts.push(`ELI ${eu.eli}`);
  if (eu) facts.push(cite(eu, plan.lang));
  return { versions, identifier, facts };
}

/** The record (every version of it) and its files. */
export function buildDocument(ctx: DocumentContext, plan: DocumentPlan): BuiltDocument {
  const pack = PACKS[plan.lang];
  const body: Scene = { ...plan.scene, rnd: Random.derive(ctx.seed, 'document-text', plan.index) };
  const rnd = Random.derive(ctx.seed, 'document-facts', plan.index);
  const countries = plan.special?.kind === 'eu' || plan.special?.kind === 'communication' ? [] : rnd.chance(0.12) ? [plan.scene.country, rnd.pick(ctx.countries)].filter((c, i, all) => all.indexOf(c) === i) : [plan.scene.country];
  const themes = [TOPIC_THEME[plan.scene.topic], ...rnd.pickSome(RELATED_THEMES[plan.scene.topic], 0, 2)];
  const place = plan.special?.kind === 'eu' || plan.special?.kind === 'communication' ? 'Bruxelles' : city(plan.lang, plan.scene.country, plan.scene.city).name;
  const publisher = plan.special?.kind === 'eu' || plan.special?.kind === 'communication' ? 'Publications Office of the European Union' : publisherOf(rnd, plan.lang, plan.scene.country, plan.scene.city);
  const summary = [pack.sentence(plan.kind === 'legislation' ? 'legal' : 'intro', body), pack.sentence('finding', body)].join(' ');
  const base = {
    id: plan.id,
    language: plan.lang,
    countries,
    themes,
    documentType: plan.kind,
    title: plan.title,
    summary,
    authors: plan.kind === 'legislation' ? [] : authorsOf(rnd, publisher),
    publisher,
    publishedOn: plan.date,
    sourceUrl: `https://integration.${(countries[0] ?? 'eu').toLowerCase()}.example.org/library/${plan.id}`,
  };
  const meta = [`${publisher} · ${place} · ${pack.date(plan.date)}`];
  const footer = `EWSI sample document ${plan.id}`;
  const pdfOf = (blocks: PdfBlock[]) => buildTextPdf({ title: plan.title, blocks, footer, pageLabel: pack.pageLabel, author: publisher, language: plan.lang });
  /** A report is never a single page: a text that fits on one gets another section (added to `blocks`, and reported to `added`). */
  const atLeastTwoPages = (blocks: PdfBlock[], added?: (section: Section) => void) => {
    let pdf = pdfOf(blocks);
    for (let n = 0; pdf.pages < 2; n += 1) {
      const more = extraSection(pack, body, n);
      added?.(more);
      blocks.push({ kind: 'heading', text: more.heading }, ...more.blocks.map((b) => ({ kind: b.kind, text: b.text })));
      pdf = pdfOf(blocks);
    }
    return pdf;
  };
  const files: SampleAttachment[] = [];
  let pdfText: string | undefined;
  const attach = (bytes: Uint8Array, sha256: string, fileName: string) => files.push({ bytes, sha256, fileName, mimeType: 'application/pdf' });

  if (plan.kind === 'legislation') {
    const { versions, identifier, facts } = legislation(ctx, plan, body);
    const status = legalStatus(ctx, plan, versions.length);
    const records = versions.map((version) => {
      const line = [...facts, `${pack.labels.version} ${version.number}`, `${pack.labels.inForce} ${pack.date(version.inForceFrom)}`].join(' · ');
      return {
        ...base,
        summary: version.changeNote ? `${summary} ${version.changeNote}` : summary,
        body: lawHtml(pack, version, line),
        legal: { identifierScheme: identifier.scheme, identifier: identifier.id, status: version === versions.at(-1) ? status : 'in-force', versionNumber: version.number, inForceFrom: version.inForceFrom, ...(version.changeNote ? { changeNote: version.changeNote } : {}) },
        attachments: [] as ContentInput<'document'>['attachments'],
      };
    });
    const latest = versions.at(-1)!;
    if (plan.pdf.text) {
      const blocks: PdfBlock[] = [...meta, ...facts].map((text) => ({ kind: 'meta' as const, text }));
      blocks.push(...lawBlocks(pack, latest));
      // The official print adds its explanatory memorandum and version history, so that it fills its pages.
      for (const version of versions) if (version.changeNote) blocks.push({ kind: 'item', text: version.changeNote });
      const memo = documentSections(pack, body, 'report', Math.max(1, plan.pdf.pages - Math.ceil(blocks.reduce((n, b) => n + b.text.length, 0) / CHARS_PER_PAGE)));
      for (const s of memo.slice(1)) blocks.push({ kind: 'heading', text: s.heading }, ...s.blocks.map((b) => ({ kind: b.kind, text: b.text })));
      const pdf = atLeastTwoPages(blocks);
      pdfText = [plan.title, ...blocks.map((b) => b.text)].join('\n');
      attach(pdf.bytes, pdf.sha256, `${plan.id}.pdf`);
    }
    if (plan.pdf.scan) {
      const scan = buildScanPdf(Random.derive(ctx.seed, 'scan', plan.index), plan.pdf.pages, plan.title);
      attach(scan.bytes, scan.sha256, `${plan.id}-scan.pdf`);
    }
    records.at(-1)!.attachments = files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, size: f.bytes.byteLength, sha256: f.sha256 }));
    return { versions: records, files, pdfText };
  }

  const kind = plan.kind;
  let sections: Section[];
  let html: string;
  if (plan.pdf.text) {
    sections = documentSections(pack, body, kind, plan.pdf.pages);
    // The library page describes the document; its full text is in the PDF.
    html = sectionsHtml([sections[0]!, { ...sections[1]!, blocks: sections[1]!.blocks.slice(0, 1) }]);
    const numbered = sections.map((s, i) => ({ ...s, heading: `${i + 1}. ${s.heading}` }));
    const blocks: PdfBlock[] = meta.map((text) => ({ kind: 'meta' as const, text }));
    for (const s of numbered) blocks.push({ kind: 'heading', text: s.heading }, ...s.blocks.map((b) => ({ kind: b.kind, text: b.text })));
    const pdf = atLeastTwoPages(blocks, (extra) => numbered.push({ ...extra, heading: `${numbered.length + 1}. ${extra.heading}` }));
    pdfText = [plan.title, ...meta, sectionsText(numbered)].join('\n');
    attach(pdf.bytes, pdf.sha256, `${plan.id}.pdf`);
  } else {
    sections = documentSections(pack, body, kind);
    html = sectionsHtml(sections);
  }
  if (plan.pdf.scan) {
    const scan = buildScanPdf(Random.derive(ctx.seed, 'scan', plan.index), plan.pdf.pages, plan.title);
    attach(scan.bytes, scan.sha256, `${plan.id}-scan.pdf`);
  }
  const attachments = files.map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, size: f.bytes.byteLength, sha256: f.sha256 }));
  return { versions: [{ ...base, body: html, legal: null, attachments }], files, pdfText };
}

