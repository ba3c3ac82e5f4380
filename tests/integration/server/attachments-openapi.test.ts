import { Validator } from '@seriousme/openapi-schema-validator';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../support/databases';
import { startTestPortal, type TestPortal } from '../../support/portal';

const bytes = new TextEncoder().encode('%PDF-1.4\n' + 'EWSI attachment body. '.repeat(40) + '\n%%EOF\n');
const sha256 = createHash('sha256').update(bytes).digest('hex');

describe.each(testEngines())('attachments on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine);
    const upload = await server.editor('POST', '/api/v1/editor/attachments?fileName=r%C3%A9sum%C3%A9.pdf', bytes, { 'content-type': 'application/pdf' });
    expect(upload.status).toBe(201);
    expect(await upload.json()).toEqual({ sha256, size: bytes.byteLength, fileName: 'résumé.pdf', mimeType: 'application/pdf' });
  });
  afterAll(() => server?.close());
  const url = () => `${server.url}/api/v1/attachments/${sha256}`;

  it('serves the whole file with length, type and immutable caching', async () => {
    const response = await fetch(url());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-encoding')).toBeNull();
    const body = new Uint8Array(await response.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(sha256);
  });

  it('answers Range requests: a slice, an open end, a suffix, and 416 outside', async () => {
    const slice = await fetch(url(), { headers: { range: 'bytes=0-9' } });
    expect(slice.status).toBe(206);
    expect(slice.headers.get('content-range')).toBe(`bytes 0-9/${bytes.byteLength}`);
    expect(slice.headers.get('content-length')).toBe('10');
    expect(new Uint8Array(await slice.arrayBuffer())).toEqual(bytes.slice(0, 10));
    const rest = await fetch(url(), { headers: { range: 'bytes=100-' } });
    expect(rest.status).toBe(206);
    expect(new Uint8Array(await rest.arrayBuffer())).toEqual(bytes.slice(100));
    const suffix = await fetch(url(), { headers: { range: 'bytes=-7' } });
    expect(new TextDecoder().decode(await suffix.arrayBuffer())).toBe('\n%%EOF\n');
    const outside = await fetch(url(), { headers: { range: `bytes=${bytes.byteLength}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${bytes.byteLength}`);
    const staleIfRange = await fetch(url(), { headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(staleIfRange.status).toBe(200);
  });

  it('answers HEAD, 404 for an unknown hash and 400 for a malformed one', async () => {
    const head = await fetch(url(), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect((await fetch(`${server.url}/api/v1/attachments/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/attachments/not-a-hash`)).status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
  });
  afterAll(() => server?.close());

  it('validates as OpenAPI 3.1 and documents every route the server has', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = new Set(Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`)));
    const served = server.portal.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((route) => !route.startsWith('HEAD '));
    const undocumented = served.filter((route) => !documented.has(route));
    expect(undocumented).toEqual([]);
  });
});
