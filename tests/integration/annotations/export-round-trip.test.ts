// BibTeX, RIS and CSL-JSON read back by parsers we did not write:
// @retorquere/bibtex-parser (the parser Better BibTeX uses) and citation-js.
// Every person comes back with the same family and given names, every
// organisation as an organisation, every identifier, jurisdiction and date in
// the field it was written to. The records are the sample corpus's documents
// (persons, organisations, EU and national legislation) validated by the
// portal's own schema, plus hand-made names that trip naive writers.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { citationOf, extraLines, isoOfParts, type Citation } from '../../../electron/core/export/citation';
import { toBibtex, toCslJson, toRis, type ExportInput, type ExportItem } from '../../../electron/core/export/formats';
import { contentRecordSchemas, documentFields, type Author } from '../../../shared/content';
import { generateSampleCorpus } from '../../../server/sample/generate';

const record = (fields: Record<string, unknown>) => contentRecordSchemas.document.parse({ ...fields, version: 1, updatedAt: '2026-01-01T00:00:00Z' }) as Record<string, unknown>;

const HAND_MADE = [
  {
    id: 'tricky-names',
    language: 'en',
    countries: ['NL'],
    themes: ['family-reunification', 'culture-and-religion'],
    documentType: 'study',
    title: 'Names {that} & trip_writers',
    authors: [
      { kind: 'person', family: 'de Vries', given: 'Pieter' },
      { kind: 'person', family: 'O’Brien', given: 'Fatima' },
      { kind: 'person', family: 'El Amrani', given: 'Youssef' },
      { kind: 'person', family: 'Wiśniewski', given: 'Małgorzata' },
      { kind: 'person', family: 'Papadopoulou', given: 'Eleni Maria' },
      { kind: 'organisation', name: 'Ministry of Labour and Social Affairs' },
      { kind: 'organisation', name: 'AT&T Foundation' },
      // An author written before persons and organisations were told apart: read as an organisation.
      'Caritas Europa',
    ],
    publisher: 'Kennisplatform Inclusief Samenleven',
    publishedOn: '2024-02-29',
    sourceUrl: 'https://example.org/study',
  },
  {
    id: 'law-version-3',
    language: 'de',
    countries: ['AT'],
    themes: ['citizenship'],
    documentType: 'legislation',
    title: 'Bundesgesetz über die Niederlassung und den Aufenthalt in Österreich',
    authors: [{ kind: 'organisation', name: 'Nationalrat' }],
    publisher: 'Bundesgesetzblatt',
    publishedOn: '2005-08-16',
    sourceUrl: 'https://www.ris.bka.gv.at/eli/bgbl/I/2005/100',
    legal: { identifierScheme: 'ELI', identifier: 'https://www.ris.bka.gv.at/eli/bgbl/I/2005/100', status: 'amended', versionNumber: 3, inForceFrom: '2021-07-01' },
  },
  {
    id: 'proposal-1',
    language: 'en',
    countries: [],
    themes: ['reception'],
    documentType: 'legislation',
    title: 'Proposal for a Regulation on asylum and migration management',
    authors: [{ kind: 'organisation', name: 'European Commission' }],
    publisher: 'Publications Office of the European Union',
    publishedOn: '2020-09-23',
    legal: { identifierScheme: 'CELEX', identifier: '52020PC0610', status: 'proposal' },
  },
].map((fields) => record(documentFields.parse(fields)));

function sampleRecords(): Array<Record<string, unknown>> {
  const corpus = generateSampleCorpus({ documents: 400, seed: 11, now: new Date('2026-06-01T00:00:00Z') });
  const docs: Array<Record<string, unknown>> = [];
  for (const item of corpus.items()) if (item.type === 'document') docs.push(record(documentFields.parse(item.fields)));
  // Every document type, legislation under both schemes, organisations and persons as authors.
  const legislation = docs.filter((d) => d.documentType === 'legislation');
  const chosen = [
    ...legislation.filter((d) => (d.legal as { identifierScheme: string }).identifierScheme === 'CELEX').slice(0, 4),
    ...legislation.filter((d) => (d.legal as { identifierScheme: string }).identifierScheme === 'ELI').slice(0, 4),
    ...['policy-document', 'report', 'study', 'impact-assessment', 'evaluation', 'article', 'other'].flatMap((type) => docs.filter((d) => d.documentType === type).slice(0, 3)),
  ];
  return chosen;
}

const records = [...HAND_MADE, ...sampleRecords()];
const items: ExportItem[] = records.map((r) => ({ type: 'document', id: String(r.id), note: '', record: r, annotations: [] }));
const input: ExportInput = { collection: { id: '00000000-0000-4000-8000-000000000000', name: 'Round trip', note: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', items: [] }, items, serverUrl: 'http://127.0.0.1:1' };
const citations: Citation[] = items.map((item) => citationOf(item, input.serverUrl));

const persons = (authors: Author[]) => authors.flatMap((a) => (a.kind === 'person' ? [{ family: a.family, given: a.given }] : []));
const organisations = (authors: Author[]) => authors.flatMap((a) => (a.kind === 'organisation' ? [a.name] : []));

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}
/** A CSL name as read: a person has a given name (the particle belongs to the family), an organisation a literal. */
const cslPersons = (names: CslName[]) => names.filter((n) => n.given !== undefined).map((n) => ({ family: [n['non-dropping-particle'], n['dropping-particle'], n.family].filter(Boolean).join(' '), given: n.given }));
const cslOrganisations = (names: CslName[], bracedAsFamily = false) => names.filter((n) => n.given === undefined).map((n) => n.literal ?? (bracedAsFamily ? n.family : undefined));

describe('exports read back by independent parsers', () => {
  it('covers persons, organisations, legacy string authors and both legal schemes', () => {
    expect(citations.some((c) => c.authors.some((a) => a.kind === 'person'))).toBe(true);
    expect(citations.some((c) => c.authors.some((a) => a.kind === 'organisation'))).toBe(true);
    expect(citations.find((c) => c.key === 'document-tricky-names')!.authors.at(-1)).toEqual({ kind: 'organisation', name: 'Caritas Europa' });
    expect(new Set(citations.flatMap((c) => (c.legal ? [c.legal.scheme] : [])))).toEqual(new Set(['CELEX', 'ELI']));
    expect(new Set(citations.map((c) => c.kind))).toEqual(new Set(['legislation', 'bill', 'report', 'article-journal', 'document']));
  });

  it('BibTeX through @retorquere/bibtex-parser: Family, Given; organisations whole; number, note, date, labels', () => {
    const library = parseBibtex(toBibtex(input));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(citations.length);
    for (const [i, c] of citations.entries()) {
      const entry = library.entries[i]!;
      expect(entry.key).toBe(c.key);
      expect(entry.type).toBe({ legislation: 'legislation', bill: 'legislation', report: 'report', 'article-journal': 'article', document: 'misc' }[c.kind as string]);
      const names = (entry.fields.author ?? []) as Creator[];
      expect(names.filter((n) => n.name === undefined).map((n) => ({ family: [n.prefix, n.lastName].filter(Boolean).join(' '), given: n.firstName ?? '' })), c.key).toEqual(persons(c.authors));
      expect(names.filter((n) => n.name !== undefined).map((n) => n.name), c.key).toEqual(organisations(c.authors));
      expect(entry.fields.title).toBe(c.title);
      expect(entry.fields.date).toBe(c.issued ? isoOfParts(c.issued) : undefined);
      expect(entry.fields.keywords, c.key).toEqual(c.keywords.length ? [...c.keywords].sort() : undefined);
      expect(entry.fields.number).toBe(c.legal?.identifier);
      // Zotero writes Extra's lines to note one per line and reads them back so; to TeX (and this parser) a newline is a space.
      const note = String(entry.fields.note ?? '');
      for (const line of extraLines(c)) expect(note, c.key).toContain(line);
      if (c.legal) expect(note).toContain(`${c.legal.scheme}: ${c.legal.identifier}`);
      if (c.legal?.versionNumber) expect(entry.fields.version).toBe(String(c.legal.versionNumber));
    }
    const law = library.entries.find((e) => e.key === 'document-law-version-3')!;
    expect(law.fields.note).toBe('ELI: https://www.ris.bka.gv.at/eli/bgbl/I/2005/100 Jurisdiction: AT Legal status: amended In force from: 2021-07-01 Version: 3');
  });

  it('BibTeX through citation-js: the same persons and organisations, type, number and date', () => {
    const read = new Cite(toBibtex(input)).data;
    expect(read).toHaveLength(citations.length);
    for (const [i, c] of citations.entries()) {
      const item = read[i]!;
      const names = (item.author ?? []) as CslName[];
      expect(cslPersons(names), c.key).toEqual(persons(c.authors));
      expect(cslOrganisations(names, true), c.key).toEqual(organisations(c.authors));
      expect(item.type).toBe(c.kind === 'bill' ? 'legislation' : c.kind);
      expect(item.number).toBe(c.legal?.identifier);
      expect((item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]).toEqual(c.issued ?? undefined);
    }
  });

  it('RIS through citation-js: AU as Family, Given, organisations as literals, M1 and CN, DA, KW labels', () => {
    const ris = toRis(input);
    // Zotero reads LEGAL as a court case: legislation goes out as STAT.
    expect(ris).not.toMatch(/^TY {2}- LEGAL/m);
    expect(ris).not.toMatch(/^SN {2}- /m);
    const read = new Cite(ris).data;
    expect(read).toHaveLength(citations.length);
    for (const [i, c] of citations.entries()) {
      const item = read[i]!;
      if (c.kind === 'legislation' || c.kind === 'bill') {
        // RIS's STAT and BILL have no author field in the RIS spec, which citation-js follows: it drops their AU.
        // Zotero reads AU for a statute; the lines are checked as Zotero splits them (at the first comma; none: one field).
        const entry = ris.split('\r\n\r\n')[i]!;
        const au = entry.split('\r\n').filter((line) => line.startsWith('AU  - ')).map((line) => line.slice(6));
        const zotero = au.map((value) => {
          const [last, ...rest] = value.split(/\s*,\s*/);
          return rest.length ? { family: last, given: rest.join(', ') } : { organisation: last };
        });
        expect(zotero, c.key).toEqual(c.authors.map((a) => (a.kind === 'person' ? { family: a.family, given: a.given } : { organisation: a.name })));
        expect(item.author, c.key).toBeUndefined();
      } else {
        const names = (item.author ?? []) as CslName[];
        expect(cslPersons(names), c.key).toEqual(persons(c.authors));
        expect(cslOrganisations(names), c.key).toEqual(organisations(c.authors));
      }
      expect(item.type, c.key).toBe(c.kind);
      expect(item.number, c.key).toBe(c.legal?.identifier);
      expect(item['call-number'], c.key).toBe(c.legal ? `${c.legal.scheme} ${c.legal.identifier}` : undefined);
      expect((item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]).toEqual(c.issued ?? undefined);
      const keywords = item.keyword === undefined ? [] : Array.isArray(item.keyword) ? item.keyword : String(item.keyword).split(/\s*,\s*/);
      expect(keywords, c.key).toEqual(c.keywords);
    }
    // Zotero's Extra: one M2 line each for the identifier, jurisdiction, status, date in force and version.
    const law = ris.split('\r\n\r\n').find((entry) => entry.includes('ID  - document-law-version-3'))!;
    expect(law.split('\r\n').filter((line) => line.startsWith('M2  - '))).toEqual(['M2  - ELI: https://www.ris.bka.gv.at/eli/bgbl/I/2005/100', 'M2  - Jurisdiction: AT', 'M2  - Legal status: amended', 'M2  - In force from: 2021-07-01', 'M2  - Version: 3']);
  });

  it('CSL-JSON through citation-js: family/given or literal, call-number, jurisdiction, version, issued, Extra in note', () => {
    const read = new Cite(JSON.parse(toCslJson(input))).data;
    expect(read).toHaveLength(citations.length);
    for (const [i, c] of citations.entries()) {
      const item = read[i]!;
      const names = (item.author ?? []) as CslName[];
      expect(cslPersons(names), c.key).toEqual(persons(c.authors));
      expect(cslOrganisations(names), c.key).toEqual(organisations(c.authors));
      expect(item.type).toBe(c.kind);
      expect(item.number).toBeUndefined();
      expect(item['call-number']).toBe(c.legal ? `${c.legal.scheme} ${c.legal.identifier}` : undefined);
      expect(item.jurisdiction).toBe(c.legal ? c.jurisdiction.join(', ') : undefined);
      expect((item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]).toEqual(c.issued ?? undefined);
    }
    const law = read.find((item) => item.id === 'document-law-version-3')!;
    expect(law).toMatchObject({ jurisdiction: 'AT', version: '3', 'call-number': 'ELI https://www.ris.bka.gv.at/eli/bgbl/I/2005/100' });
    expect(String(law.note).split('\n')).toEqual(['ELI: https://www.ris.bka.gv.at/eli/bgbl/I/2005/100', 'Jurisdiction: AT', 'Legal status: amended', 'In force from: 2021-07-01', 'Version: 3']);
    const proposal = read.find((item) => item.id === 'document-proposal-1')!;
    expect(proposal).toMatchObject({ type: 'bill', jurisdiction: 'EU', 'call-number': 'CELEX 52020PC0610' });
    expect(String(proposal.note)).toContain('Legal status: proposal');
  });
});
