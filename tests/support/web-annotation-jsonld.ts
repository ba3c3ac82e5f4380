// W3C Web Annotation JSON-LD, processed by an independent JSON-LD processor
// (jsonld.js) against the W3C context. The tests cannot reach www.w3.org, so
// the context is served from tests/fixtures/w3c-anno-context.jsonld, a
// transcription of https://www.w3.org/ns/anno.jsonld (Web Annotation
// Vocabulary); no other remote document is loaded.
import fs from 'node:fs';
import path from 'node:path';
import jsonld, { type RemoteDocument } from 'jsonld';
import { REPO_ROOT } from './repo';

const ANNO_CONTEXT_URLS = new Set(['http://www.w3.org/ns/anno.jsonld', 'https://www.w3.org/ns/anno.jsonld']);
const annoContext = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/w3c-anno-context.jsonld'), 'utf8')) as unknown;

async function documentLoader(url: string): Promise<RemoteDocument> {
  if (!ANNO_CONTEXT_URLS.has(url)) throw new Error(`The test loads no remote document but the W3C annotation context, not ${url}`);
  return { contextUrl: null, documentUrl: url, document: annoContext };
}

/**
 * The document as N-Quads, in JSON-LD safe mode: every key must be a term of
 * the context and every value must expand, or this throws (nothing is
 * silently dropped, which plain expansion would do).
 */
export function webAnnotationQuads(document: unknown): Promise<string> {
  return jsonld.toRDF(document, { documentLoader, safe: true, format: 'application/n-quads' });
}
