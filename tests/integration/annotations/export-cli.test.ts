// `ewsi collect`, `collections` and `export` as a user runs them (real
// processes, a data folder synced from a real portal on 127.0.0.1), and the
// exports read back with parsers we did not write: citation-js for BibTeX, RIS
// and CSL-JSON, Python's zipfile for the bundle.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { csvField } from '../../../electron/core/export/formats';
import { testEngines } from '../../support/databases';
import { webAnnotationQuads } from '../../support/web-annotation-jsonld';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { runEwsi } from '../../support/cli';

const ewsi = (args: string[]) => runEwsi(args);

const LAW = {
  documentType: 'legislation',
  title: 'Act on Residence & Integration {2021}',
  // An organisation, and a person sent as family and given names.
  authors: ['Federal Ministry of the Interior', { kind: 'person', family: 'Müller', given: 'Anna' }],
  publisher: 'Bundesanzeiger_Verlag',
  publishedOn: '2021-05-03',
  sourceUrl: 'https://example.eu/eli/2021/5?lang=en&x=1',
  summary: 'Rules on permits: 30% faster, "fast-track".',
  countries: ['AT'],
  themes: ['employment', 'housing'],
  legal: { identifierScheme: 'CELEX', identifier: '32021L1883', status: 'in-force' },
  body: '<p>Article 5. The permit is valid for 30 days.</p>',
};
const REPORT = { documentType: 'report', title: 'Mentoring, jobs and "newcomers"', authors: [{ kind: 'person', family: 'Doe', given: 'Jane' }], publisher: 'Migration Policy Group', publishedOn: '2019-11-20', sourceUrl: 'https://example.org/report', countries: ['DE'], themes: ['education'] };

/** A citation-js CSL item, reduced to what we compare: persons as "Given Family", organisations (literal, or one braced name) as the name. */
function normalise(item: Record<string, unknown>) {
  const authors = (item.author ?? item['original-author'] ?? []) as Array<{ literal?: string; family?: string; given?: string }>;
  const names = authors.map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' '));
  return {
    title: item.title,
    authors: names,
    issued: (item.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0],
    publisher: item.publisher,
    URL: item.URL,
    type: item.type,
    number: item.number,
    abstract: item.abstract,
    language: item.language,
    keywords: String(item.keyword ?? '').split(',').map((k) => k.trim()).filter(Boolean),
    note: item.note,
  };
}

const THEME_LABEL: Record<string, string> = { employment: 'Employment', housing: 'Housing', education: 'Education' };
const displayNames = (authors: Array<string | { family: string; given: string }>) => authors.map((a) => (typeof a === 'string' ? a : `${a.given} ${a.family}`));

describe('collections and export from the CLI', () => {
  let server: TestPortal;
  let temp: { dir: string; cleanup(): void };
  let attachment: { sha256: string; size: number; fileName: string; mimeType: string };
  const attachmentBytes = randomBytes(20_000);
  const data = () => path.join(temp.dir, 'data');
  const out = (name: string) => path.join(temp.dir, name);

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    temp = makeTempDir('ewsi-cli-export-');
    const upload = await server.editor('POST', '/api/v1/editor/attachments?fileName=act%202021.pdf', attachmentBytes, { 'content-type': 'application/pdf' });
    expect(upload.status).toBe(201);
    attachment = (await upload.json()) as typeof attachment;
    expect((await server.editor('PUT', '/api/v1/editor/document/law-1', sampleDocument('law-1', { ...LAW, attachments: [attachment] }))).status).toBe(200);
    expect((await server.editor('PUT', '/api/v1/editor/document/report-1', sampleDocument('report-1', REPORT))).status).toBe(200);
    const synced = await ewsi(['sync', '--server', server.url, '--data', data()]);
    expect(synced.code, synced.stderr).toBe(0);
    // An annotation with a note and tags, made through the core as the app would.
    const core = await createCore({ dataDir: data(), appVersion: '0.0.0-test' });
    try {
      const view = core.annotations.forTarget({ type: 'document', id: 'law-1', key: null });
      const start = view.text!.indexOf('valid for 30 days');
      core.annotations.create({ target: { type: 'document', id: 'law-1', key: null }, start, end: start + 17, color: 'yellow', note: 'Too short?', tags: ['duration'] });
    } finally {
      await core.close();
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    temp?.cleanup();
  });

  it('collects items by type/id or bare document id, refusing unknown ones, and lists collections', async () => {
    const bad = await ewsi(['collect', 'Mission', 'document/nope', '--data', data()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Not in the local library: document\/nope/);
    expect((await ewsi(['collect', 'Mission', 'bogus/x', '--data', data()])).stderr).toMatch(/bogus is not a content type/);
    const added = await ewsi(['collect', 'Mission', 'law-1', 'document/report-1', '--data', data()]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Collection "Mission" now has 2 items/);
    const listed = await ewsi(['collections', '--data', data(), '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'Mission', items: [expect.objectContaining({ type: 'document', id: 'law-1', title: LAW.title }), expect.objectContaining({ id: 'report-1' })] })]);
    expect((await ewsi(['collections', '--data', data()])).stdout).toMatch(/Mission \(2 items\)/);
  }, 60_000);

  const expected = (doc: typeof LAW | typeof REPORT, cslType: string, number?: string, withAuthors = true) => ({
    title: doc.title,
    ...(withAuthors ? { authors: displayNames(doc.authors) } : {}),
    issued: doc.publishedOn.split('-').map(Number),
    publisher: doc.publisher,
    URL: doc.sourceUrl,
    type: cslType,
    number,
    abstract: 'summary' in doc ? doc.summary : 'A report on labour-market integration.',
    language: 'en',
    keywords: doc.themes.map((slug) => THEME_LABEL[slug]),
  });

  it('exports BibTeX, RIS and CSL-JSON that citation-js reads back field by field', async () => {
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const file = out(`mission.${format}`);
      const ran = await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', format, '--out', file]);
      expect(ran.code, ran.stderr).toBe(0);
      const parsed = new Cite(fs.readFileSync(file, 'utf8')).data.map(normalise);
      expect(parsed, format).toHaveLength(2);
      // biblatex's @legislation, RIS's STAT and CSL's legislation all read back as legislation.
      // citation-js follows the RIS spec, where STAT has no author: the round-trip test checks those AU lines as Zotero reads them.
      // CSL-JSON carries the identifier as call-number (styles print a legislation's number as a US public law number).
      expect(parsed[0], format).toMatchObject(expected(LAW, 'legislation', format === 'csl-json' ? undefined : '32021L1883', format !== 'ris'));
      expect(parsed[1], format).toMatchObject(expected(REPORT, 'report'));
    }
  }, 60_000);

  it('exports CSV (RFC 4180), Markdown with the annotations, and W3C Web Annotation JSON-LD', async () => {
    await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', 'csv', '--out', out('m.csv')]);
    const csv = fs.readFileSync(out('m.csv'), 'utf8');
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('type,id,title,authors,date,publisher,url,identifier,countries,themes,note,annotations');
    expect(lines[1]).toBe(['document', 'law-1', LAW.title, displayNames(LAW.authors).join('; '), '2021-05-03', LAW.publisher, LAW.sourceUrl, '32021L1883', 'AT', 'Employment; Housing', '', '1'].map(csvField).join(','));
    expect(lines[2]).toContain('"Mentoring, jobs and ""newcomers"""');

    await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', 'markdown', '--out', out('m.md')]);
    const markdown = fs.readFileSync(out('m.md'), 'utf8');
    expect(markdown).toMatch(/^# Mission\n/);
    expect(markdown).toContain('> valid for 30 days');
    expect(markdown).toContain('Too short?');

    await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', 'annotations', '--out', out('m.jsonld')]);
    const collection = JSON.parse(fs.readFileSync(out('m.jsonld'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- checked structurally below
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.total).toBe(1);
    const [annotation] = collection.first.items;
    expect(annotation.type).toBe('Annotation');
    expect(annotation.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(annotation.motivation).toBe('commenting');
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: 'Too short?', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'duration', purpose: 'tagging' },
    ]);
    expect(annotation.target.source).toBe(LAW.sourceUrl);
    expect(annotation.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(annotation.target.selector[0]).toMatchObject({ exact: 'valid for 30 days', prefix: 'Article 5. The permit is ', suffix: '.' });
    expect(annotation.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 25, end: 42 });
    expect(Date.parse(annotation.created)).not.toBeNaN();

    // Processed as JSON-LD against the W3C context: every term defined, and the RDF the model requires.
    const quads = (await webAnnotationQuads(collection)).split('\n');
    const OA = 'http://www.w3.org/ns/oa#';
    const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
    const has = (pattern: RegExp) => expect(quads.some((quad) => pattern.test(quad)), String(pattern)).toBe(true);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const subject = `<${escape(annotation.id)}>`;
    has(new RegExp(`^<${escape(collection.id)}> ${escape(RDF_TYPE)} <http://www\\.w3\\.org/ns/activitystreams#OrderedCollection> \\.$`));
    has(new RegExp(`^<${escape(collection.id)}> <http://www\\.w3\\.org/ns/activitystreams#totalItems> "1"\\^\\^<http://www\\.w3\\.org/2001/XMLSchema#nonNegativeInteger> \\.$`));
    has(new RegExp(`^${subject} ${escape(RDF_TYPE)} <${escape(OA)}Annotation> \\.$`));
    has(new RegExp(`^${subject} <${escape(OA)}motivatedBy> <${escape(OA)}commenting> \\.$`));
    has(new RegExp(`^${subject} <http://purl\\.org/dc/terms/created> "[^"]+"\\^\\^<http://www\\.w3\\.org/2001/XMLSchema#dateTime> \\.$`));
    has(new RegExp(`^${subject} <${escape(OA)}hasTarget> _:\\S+ \\.$`));
    has(new RegExp(`^_:\\S+ <${escape(OA)}hasSource> <${escape(LAW.sourceUrl)}> \\.$`));
    has(new RegExp(`^_:\\S+ ${escape(RDF_TYPE)} <${escape(OA)}TextQuoteSelector> \\.$`));
    has(new RegExp(`^_:\\S+ <${escape(OA)}exact> "valid for 30 days" \\.$`));
    has(new RegExp(`^_:\\S+ <${escape(OA)}start> "25"\\^\\^<http://www\\.w3\\.org/2001/XMLSchema#nonNegativeInteger> \\.$`));
    has(new RegExp(`^_:\\S+ <${escape(OA)}end> "42"\\^\\^<http://www\\.w3\\.org/2001/XMLSchema#nonNegativeInteger> \\.$`));
    has(new RegExp(`^_:\\S+ <http://www\\.w3\\.org/1999/02/22-rdf-syntax-ns#value> "Too short\\?" \\.$`));
    has(new RegExp(`^_:\\S+ <${escape(OA)}hasPurpose> <${escape(OA)}tagging> \\.$`));
    // The check can fail: a key the W3C context does not define is refused in safe mode.
    await expect(webAnnotationQuads({ ...collection, colour: 'yellow' })).rejects.toThrow();
  }, 60_000);

  it('bundles a ZIP whose manifest hashes match its files, read by an independent unzipper', async () => {
    const ran = await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', 'zip', '--out', out('m.zip')]);
    expect(ran.code, ran.stderr).toBe(0);
    const script = `import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
files = {i.filename: z.read(i.filename) for i in z.infolist()}
print(json.dumps({"manifest": json.loads(files["manifest.json"]), "files": {n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in files.items()}}))`;
    const read = JSON.parse(execFileSync('python3', ['-c', script, out('m.zip')], { encoding: 'utf8' })) as {
      manifest: { files: Array<{ path: string; sha256: string; size: number; kind: string; sourceUrl?: string; retrievedAt?: string }>; missingAttachments: unknown[] };
      files: Record<string, { sha256: string; size: number }>;
    };
    const listed = read.manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(Object.keys(read.files).filter((name) => name !== 'manifest.json').sort());
    for (const file of read.manifest.files) expect(read.files[file.path], file.path).toEqual({ sha256: file.sha256, size: file.size });
    const pdf = read.manifest.files.find((f) => f.kind === 'attachment')!;
    expect(pdf).toMatchObject({ path: 'attachments/law-1/act 2021.pdf', sha256: attachment.sha256, size: attachmentBytes.length, sourceUrl: `${server.url}/api/v1/attachments/${attachment.sha256}` });
    expect(createHash('sha256').update(attachmentBytes).digest('hex')).toBe(pdf.sha256);
    expect(Date.parse(pdf.retrievedAt!)).not.toBeNaN();
    expect(read.manifest.missingAttachments).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(['Mission.bib', 'Mission.ris', 'Mission.csl.json', 'Mission.csv', 'Mission.md', 'Mission.annotations.jsonld']));
  }, 60_000);

  it('refuses an unknown format and a missing collection', async () => {
    expect((await ewsi(['export', '--data', data(), '--collection', 'Mission', '--format', 'docx', '--out', out('x')])).stderr).toMatch(/--format must be one of/);
    const missing = await ewsi(['export', '--data', data(), '--collection', 'Nope', '--format', 'csv', '--out', out('x')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No collection named "Nope"/);
  }, 60_000);
});
