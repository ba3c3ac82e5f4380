// `ewsi history`, `ewsi diff` and `ewsi annotate` as a user runs them: real
// processes on a data folder synced from a real portal on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyVersionsSchema, versionDiffSchema } from '../../../shared/history';
import { annotationSchema } from '../../../shared/annotations';
import { sqliteEngine } from '../../support/databases';
import { LAW_VERSIONS, lawRecord } from '../../support/law-fixture';
import { startTestPortal, type TestPortal } from '../../support/portal';
import { makeTempDir } from '../../support/temp-dir';
import { runEwsi } from '../../support/cli';

const ewsi = (args: string[]) => runEwsi(args);

describe('ewsi history, diff and annotate', () => {
  let server: TestPortal;
  const data = makeTempDir('ewsi-history-cli-');
  beforeAll(async () => {
    server = await startTestPortal(sqliteEngine);
    for (const version of LAW_VERSIONS) expect((await server.editor('PUT', '/api/v1/editor/document/law-cli', lawRecord('law-cli', version))).status).toBe(200);
    const synced = await ewsi(['sync', '--server', server.url, '--data', data.dir]);
    expect(synced.code, synced.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    data.cleanup();
  });

  it('lists the versions with their dates in force and change notes', async () => {
    const json = await ewsi(['history', 'law-cli', '--data', data.dir, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const history = historyVersionsSchema.parse(JSON.parse(json.stdout));
    expect(history.versions.map((v) => [v.number, v.inForceFrom])).toEqual(LAW_VERSIONS.map((v) => [v.number, v.inForceFrom]));
    const text = await ewsi(['history', 'document/law-cli', '--data', data.dir]);
    expect(text.stdout).toContain('Integration Courses Act: 4 versions kept');
    expect(text.stdout).toContain('version 4, in force from 2023-09-15 (current)');
    expect(text.stdout).toContain('Article 6 repealed and Article 8 inserted by Act No 22/2023.');
  });

  it('compares two versions by number or by date in force', async () => {
    const byDate = await ewsi(['diff', 'law-cli', '--from', '1', '--to', '2022-06-30', '--data', data.dir, '--json']);
    expect(byDate.code, byDate.stderr).toBe(0);
    const diff = versionDiffSchema.parse(JSON.parse(byDate.stdout));
    expect([diff.from.number, diff.to.number]).toEqual([1, 3]);
    expect(diff.counts).toEqual({ inserted: 1, deleted: 1, changed: 3, unchanged: 4 });
    const text = await ewsi(['diff', 'law-cli', '--from', '3', '--to', '4', '--data', data.dir]);
    expect(text.stdout).toContain('+ Article 8 – Evaluation (inserted)');
    expect(text.stdout).toContain('~ Article 6 (changed)');
    expect(text.stdout).toContain('= Article 1 – Subject matter (unchanged)');
    const bad = await ewsi(['diff', 'law-cli', '--from', 'first', '--to', '4', '--data', data.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from must be a version number or a date YYYY-MM-DD, not "first"');
    const missing = await ewsi(['diff', 'law-cli', '--from', '1', '--to', '9', '--data', data.dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Integration Courses Act has no version 9; the library keeps 1, 2, 3, 4.');
  });

  it('annotates the one place a quote occurs, and refuses a quote that is missing or ambiguous', async () => {
    const made = await ewsi(['annotate', 'law-cli', '--quote', 'within six weeks', '--note', 'Check the waiting lists', '--data', data.dir, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const annotation = annotationSchema.parse(JSON.parse(made.stdout));
    expect(annotation).toMatchObject({ note: 'Check the waiting lists', quote: { exact: 'within six weeks' }, anchoring: { status: 'placed' } });
    const missing = await ewsi(['annotate', 'law-cli', '--quote', 'within three months', '--note', 'x', '--data', data.dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The quote does not occur in the text of document law-cli');
    const twice = await ewsi(['annotate', 'law-cli', '--quote', 'Article', '--note', 'x', '--data', data.dir]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('occurs more than once');
  });
});
