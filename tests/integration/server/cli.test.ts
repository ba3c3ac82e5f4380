// `npm run server -- --sample 2000` as a user runs it: a real process on a real port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChangesPage } from '../../../shared/portal-api';
import { snapshotInfo } from '../../../shared/snapshot';
import { hasRealPostgres, postgresServerEngine } from '../../support/databases';
import { REPO_ROOT } from '../../support/repo';
import { makeTempDir } from '../../support/temp-dir';

const running: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (running.length) await running.pop()!();
});

/** Starts the CLI; answers once it printed its address and whatever `readyWhen` waits for (the lines after it come separately). */
function startServerCli(args: string[], env: NodeJS.ProcessEnv = {}, readyWhen = /EWSI portal on/): Promise<{ url: string; output: string; child: ChildProcess }> {
  const child = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  running.push(() => {
    child.kill('SIGTERM');
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /EWSI portal on (http:\/\/\S+)/.exec(output)?.[1];
      if (url && readyWhen.test(output)) resolve({ url, output, child });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function pageEverything(url: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let since = 0;
  let pages = 0;
  for (;;) {
    const page = parseChangesPage(await (await fetch(`${url}/api/v1/changes?since=${since}&limit=500`)).json());
    pages += 1;
    ids.push(...page.changes.map((change) => `${change.type}/${change.id}`));
    since = page.cursor;
    if (!page.hasMore) return { ids, pages };
  }
}

async function checkSampleServer(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { url, output } = await startServerCli([...args, '--sample', '2000', '--port', '0'], env);
  const loaded = Number(/Loaded a sample corpus of (\d+) records/.exec(output)?.[1]);
  expect(loaded).toBeGreaterThan(3000);
  const { ids, pages } = await pageEverything(url);
  expect(pages).toBeGreaterThan(1);
  expect(ids).toHaveLength(loaded);
  expect(new Set(ids).size).toBe(loaded);
  const attachment = (await (await fetch(`${url}/api/v1/documents/doc-000001`)).json()) as { attachments: Array<{ sha256: string; size: number }> };
  const pdf = await fetch(`${url}/api/v1/attachments/${attachment.attachments[0]!.sha256}`);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect((await pdf.arrayBuffer()).byteLength).toBe(attachment.attachments[0]!.size);
}

describe('npm run server -- --sample 2000', () => {
  it('serves the sample from SQLite: every record exactly once across the feed', async () => {
    const temp = makeTempDir();
    running.push(temp.cleanup);
    await checkSampleServer(['--db', path.join(temp.dir, 'portal.sqlite')]);
  });

  it.runIf(hasRealPostgres)('serves the sample from PostgreSQL (DATABASE_URL)', async () => {
    const database = await postgresServerEngine(process.env.TEST_DATABASE_URL!).create();
    running.push(() => database.cleanup());
    const temp = makeTempDir();
    running.push(temp.cleanup);
    await checkSampleServer(['--storage', temp.dir], { DATABASE_URL: database.url });
  });

  it('serves --updates DIR (or EWSI_UPDATES_DIR) at /updates/, and refuses a folder that is not there', async () => {
    const temp = makeTempDir();
    running.push(temp.cleanup);
    fs.writeFileSync(path.join(temp.dir, 'latest-linux.yml'), 'version: 9.9.9\n');
    const byFlag = await startServerCli(['--updates', temp.dir, '--db', path.join(temp.dir, 'a.sqlite'), '--port', '0'], {}, /Updates: .*\n/);
    expect(byFlag.output).toContain(`Updates: ${byFlag.url}/updates/ from ${temp.dir}`);
    expect(await (await fetch(`${byFlag.url}/updates/latest-linux.yml`)).text()).toBe('version: 9.9.9\n');
    const byEnv = await startServerCli(['--db', path.join(temp.dir, 'b.sqlite'), '--port', '0'], { EWSI_UPDATES_DIR: temp.dir });
    expect((await fetch(`${byEnv.url}/updates/latest-linux.yml`)).headers.get('cache-control')).toBe('no-cache');
    await expect(startServerCli(['--updates', path.join(temp.dir, 'missing'), '--port', '0'])).rejects.toThrow(/The updates folder .*missing \(--updates or EWSI_UPDATES_DIR\) is not a directory/);
  });

  it('builds a corpus snapshot when it starts (--snapshot-every), and on `npm run server -- snapshot`', async () => {
    const temp = makeTempDir();
    running.push(temp.cleanup);
    const db = path.join(temp.dir, 'portal.sqlite');
    const { url, child } = await startServerCli(['--db', db, '--sample', '20', '--port', '0', '--snapshot-every', '30']);
    let answer = await fetch(`${url}/api/v1/snapshot`);
    for (let tries = 0; answer.status === 404 && tries < 300; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await fetch(`${url}/api/v1/snapshot`);
    }
    const built = snapshotInfo.parse(await answer.json());
    expect(built.version).toBe(parseChangesPage(await (await fetch(`${url}/api/v1/changes?since=0&limit=1`)).json()).latest);
    expect(built.records).toBe((await pageEverything(url)).ids.length);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // The corpus has not changed: the command answers with the same snapshot.
    const command = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['server/cli.ts', 'snapshot', '--db', db], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(command.status).toBe(0);
    expect(command.stdout).toContain(`Snapshot of ${built.records} records at version ${built.version}: ${built.sha256} (${built.size} bytes)`);
    expect(fs.existsSync(path.join(temp.dir, 'files', 'snapshots', built.sha256))).toBe(true);
  });

  it('refuses bad options with a usage message', async () => {
    await expect(startServerCli(['--port', 'abc'])).rejects.toThrow(/--port must be a whole number/);
    await expect(startServerCli(['--bogus'])).rejects.toThrow(/Unknown option '--bogus'/);
  });
});
