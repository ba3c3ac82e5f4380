// "Open with system viewer": main's half (electron/main/open-attachment.ts)
// against the real core after a real sync from a real portal. The core copies
// the PDF, its SHA-256 checked, under its own file name; main hands that path
// to the system (shell.openPath, the Electron boundary these tests stand in
// for by recording the path and answering as Electron would).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { attachmentPath } from '../../../electron/core/attachments/attachment-files';
import { openAttachmentExternally } from '../../../electron/main/open-attachment';
import { loadSampleCorpus } from '../../../server/sample/load';
import { testEngines } from '../../support/databases';
import { sampleDocument, startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

describe('opening a PDF with the system viewer', () => {
  let server: TestPortal;
  let core: Core;
  let dataDir: string;
  let close: () => Promise<void>;
  let pdf: { sha256: string; fileName: string; size: number };
  let text: { sha256: string };

  beforeAll(async () => {
    server = await startTestPortal(testEngines()[0]!);
    await loadSampleCorpus(server.portal.content, server.portal.attachments, { documents: 20 });
    const note = await server.portal.attachments.put(new TextEncoder().encode('not a PDF'), 'notes.txt', 'text/plain');
    await server.editor('PUT', '/api/v1/editor/document/doc-notes', sampleDocument('doc-notes', { attachments: [{ fileName: note.file_name, mimeType: note.mime_type, size: note.size, sha256: note.sha256 }] }));
    text = { sha256: note.sha256 };
    ({ core, dataDir, close } = await startCore());
    await core.sync.run(server.url);
    const detail = await core.dispatch('records.get', { type: 'document', id: 'doc-000001' });
    if (!detail.ok) throw new Error(detail.error.message);
    const attachments = (detail.value as { attachments: Array<{ sha256: string; fileName: string; size: number; mediaType: string; availableOffline: boolean }> }).attachments;
    const found = attachments.find((attachment) => attachment.mediaType === 'application/pdf' && attachment.availableOffline);
    if (!found) throw new Error('doc-000001 has no downloaded PDF');
    pdf = found;
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  const openWith = (openPath: (file: string) => Promise<string>) => (sha256: string) => openAttachmentExternally({ callCore: (method, args) => core.dispatch(method, args), openPath }, { sha256 });

  it('hands the system a copy under the PDF file name with exactly the published bytes', async () => {
    const handed: string[] = [];
    const answer = await openWith(async (file) => {
      handed.push(file);
      return '';
    })(pdf.sha256);
    expect(answer).toEqual({ ok: true, value: { opened: true } });
    expect(handed).toHaveLength(1);
    const file = handed[0]!;
    expect(path.basename(file)).toBe(pdf.fileName);
    expect(file.startsWith(path.join(dataDir, 'viewer', pdf.sha256) + path.sep)).toBe(true);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(pdf.sha256);
  });

  it("says so when the system cannot open it, in the system's words", async () => {
    const answer = await openWith(async () => 'No application is registered for .pdf files')(pdf.sha256);
    expect(answer).toEqual({ ok: false, error: { code: 'failed', message: `The system could not open “${pdf.fileName}”: No application is registered for .pdf files` } });
  });

  it('opens nothing but a PDF, and nothing for an unknown hash or bad arguments', async () => {
    const handed: string[] = [];
    const open = openWith(async (file) => {
      handed.push(file);
      return '';
    });
    expect(await open(text.sha256)).toMatchObject({ ok: false, error: { code: 'invalid_arguments', message: expect.stringContaining('only PDFs are opened') } });
    expect(await open('0'.repeat(64))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await open('../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(handed).toEqual([]);
  });

  it('refuses a file damaged on disk, and leaves it to the next sync to fetch again', async () => {
    const stored = attachmentPath(dataDir, pdf.sha256);
    const bytes = fs.readFileSync(stored);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(stored, bytes);
    const handed: string[] = [];
    const answer = await openWith(async (file) => {
      handed.push(file);
      return '';
    })(pdf.sha256);
    expect(answer).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('its SHA-256 differs') } });
    expect(handed).toEqual([]);
    expect(fs.existsSync(stored)).toBe(false);
    const detail = await core.dispatch('records.get', { type: 'document', id: 'doc-000001' });
    expect(detail.ok && (detail.value as { attachments: Array<{ sha256: string; availableOffline: boolean }> }).attachments.find((a) => a.sha256 === pdf.sha256)?.availableOffline).toBe(false);
    // The next sync downloads it again, and it opens.
    await core.sync.run(server.url);
    expect(await openWith(async () => '')(pdf.sha256)).toEqual({ ok: true, value: { opened: true } });
  });

  it('the core alone (as behind the harness) has no system viewer to hand it to', async () => {
    expect(await core.dispatch('attachments.openExternally', { sha256: pdf.sha256 })).toEqual({ ok: true, value: { opened: false } });
  });
});
