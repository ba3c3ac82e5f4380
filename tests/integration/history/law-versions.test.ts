// A law with four versions on a real portal (SQLite and PostgreSQL): the
// portal keeps every version and its feed carries the ones a client has not
// seen; the desktop keeps them all (synced at once or one by one), reads each
// by its date in force, and the diff of versions 1 and 4 lists exactly the
// fixture's inserted, deleted and changed articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChangesPage } from '../../../shared/portal-api';
import { testEngines } from '../../support/databases';
import { DIFF_1_TO_4, LAW_VERSIONS, lawBody, lawRecord } from '../../support/law-fixture';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { startCore } from '../../support/sync';

const target = (id: string) => ({ type: 'document' as const, id });

describe.each(testEngines())('legislation versions on $name', (engine) => {
  let server: TestPortal;
  beforeAll(async () => {
    server = await startTestPortal(engine);
  });
  afterAll(() => server?.close());

  const publish = async (id: string, index: number) => {
    const response = await server.editor('PUT', `/api/v1/editor/document/${id}`, lawRecord(id, LAW_VERSIONS[index]!));
    expect(response.status).toBe(200);
    return ((await response.json()) as { version: number }).version;
  };
  const feed = async (since: number, historySince?: number) =>
    parseChangesPage(await (await fetch(`${server.url}/api/v1/changes?since=${since}&limit=100${historySince === undefined ? '' : `&historySince=${historySince}`}`)).json());

  it('keeps every version on the portal and serves in the feed the ones published after historySince', async () => {
    const versions: number[] = [];
    for (let index = 0; index < 4; index += 1) versions.push(await publish('law-feed', index));
    const fromZero = (await feed(0)).changes.find((change) => change.id === 'law-feed');
    expect(fromZero?.op).toBe('upsert');
    if (fromZero?.op !== 'upsert' || fromZero.type !== 'document') throw new Error('no upsert of the law');
    expect(fromZero.record.legal?.versionNumber).toBe(4);
    expect(fromZero.history?.map((record) => record.legal?.versionNumber)).toEqual([1, 2, 3]);
    expect(fromZero.history?.map((record) => record.version)).toEqual(versions.slice(0, 3));

    // A client that synced after version 2 missed only version 3.
    const after2 = (await feed(versions[1]!, versions[1]!)).changes.find((change) => change.id === 'law-feed');
    expect(after2?.op === 'upsert' && after2.history?.map((record) => record.version)).toEqual([versions[2]]);
    // A record without a history carries none.
    expect((await server.editor('PUT', '/api/v1/editor/document/report-x', { ...lawRecord('report-x', LAW_VERSIONS[0]!), documentType: 'report', legal: null })).status).toBe(200);
    expect((await server.editor('PUT', '/api/v1/editor/document/report-x', { ...lawRecord('report-x', LAW_VERSIONS[1]!), documentType: 'report', legal: null })).status).toBe(200);
    const report = (await feed(0)).changes.find((change) => change.id === 'report-x');
    expect(report?.op === 'upsert' && report.history).toBeUndefined();
  });

  it('drops a deleted law\'s history on the portal', async () => {
    await publish('law-gone', 0);
    await publish('law-gone', 1);
    expect((await server.editor('DELETE', '/api/v1/editor/document/law-gone')).status).toBe(200);
    const rows = await server.db.selectFrom('content_history').select('version').where('id', '=', 'law-gone').execute();
    expect(rows).toEqual([]);
  });

  it('syncs a law of 4 versions at once: each readable by its date in force; v1 → v4 lists exactly its inserted, deleted and changed articles', async () => {
    for (let index = 0; index < 4; index += 1) await publish('law-once', index);
    const { core, close } = await startCore({ pageLimit: 3 });
    try {
      await core.sync.run(server.url);
      const call = core.handlers;
      const { versions } = await call['history.versions']({ target: target('law-once') });
      expect(versions.map((v) => [v.number, v.inForceFrom, v.changeNote, v.current])).toEqual(
        LAW_VERSIONS.map((v, i) => [v.number, v.inForceFrom, v.changeNote ?? null, i === 3]),
      );
      for (const version of LAW_VERSIONS) {
        // The day it took effect and the day before the next one: the same version.
        const next = LAW_VERSIONS[version.number];
        const dayBefore = next ? new Date(Date.parse(next.inForceFrom) - 86_400_000).toISOString().slice(0, 10) : '2026-01-01';
        for (const onDate of [version.inForceFrom, dayBefore]) {
          const text = await call['history.text']({ target: target('law-once'), at: { onDate } });
          expect(text.info.number).toBe(version.number);
          expect(text.body).toBe(lawBody(version));
        }
      }
      await expect(call['history.text']({ target: target('law-once'), at: { onDate: '2019-12-31' } })).rejects.toThrow(/no version in force on 2019-12-31/);

      const diff = await call['history.diff']({ target: target('law-once'), from: { number: 1 }, to: { number: 4 } });
      const byStatus = (status: string) => diff.units.filter((unit) => unit.status === status && unit.key !== '').map((unit) => unit.key.replace('Article ', ''));
      expect({ inserted: byStatus('inserted'), deleted: byStatus('deleted'), changed: byStatus('changed'), unchanged: byStatus('unchanged') }).toEqual(DIFF_1_TO_4);
      // The line of facts before the first article changed too (version and date), reported as the preamble.
      expect(diff.units[0]).toMatchObject({ key: '', status: 'changed' });
      const article3 = diff.units.find((unit) => unit.key === 'Article 3')!;
      expect(article3.parts.filter((part) => part.op !== 'equal').map((part) => `${part.op}:${part.text}`)).toEqual([
        'delete:one year', 'insert:six months', 'delete:three months', 'insert:six weeks',
      ]);
      // In the newer version's order, the deleted article where it stood (before what was inserted in its place).
      expect(diff.units.map((unit) => unit.key)).toEqual(['', 'Article 1', 'Article 2', 'Article 3', 'Article 4', 'Article 5', 'Article 4a', 'Article 6', 'Article 7', 'Article 8']);
    } finally {
      await close();
    }
  });

  it('keeps each version when it syncs between amendments, and forgets the history when the law is deleted', async () => {
    const { core, close } = await startCore();
    try {
      await publish('law-steps', 0);
      await core.sync.run(server.url);
      await publish('law-steps', 1);
      await publish('law-steps', 2);
      await core.sync.run(server.url);
      await publish('law-steps', 3);
      await core.sync.run(server.url);
      const { versions } = await core.handlers['history.versions']({ target: target('law-steps') });
      expect(versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
      for (const version of LAW_VERSIONS) expect((await core.handlers['history.text']({ target: target('law-steps'), at: { number: version.number } })).body).toBe(lawBody(version));

      expect((await server.editor('DELETE', '/api/v1/editor/document/law-steps')).status).toBe(200);
      await core.sync.run(server.url);
      expect(core.stores.corpus.sqlite.prepare("SELECT count(*) AS n FROM record_versions WHERE id = 'law-steps'").get()).toEqual({ n: 0 });
      expect(core.stores.corpus.sqlite.prepare('SELECT count(*) AS n FROM history_blocks WHERE refs <= 0').get()).toEqual({ n: 0 });
    } finally {
      await close();
    }
  });
});
