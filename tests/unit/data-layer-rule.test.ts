import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/data-layer');
const eslint = new ESLint({ cwd: REPO_ROOT });

/** Lints a fixture as if it stood at the path its first line names, or at `lintAs`. */
async function lintFixture(name: string, lintAs?: string) {
  const code = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const where = lintAs ?? /^\/\/ lint-as: (\S+)/.exec(code)?.[1];
  if (!where) throw new Error(`${name} does not say where to lint it as`);
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, where) });
  return result!.messages.filter((message) => message.ruleId === 'ewsi/data-layer');
}

describe('ewsi/data-layer', () => {
  it.each([
    ['illegal-import.ts', "only electron/core/db/ may import 'better-sqlite3'"],
    ['illegal-prepare.ts', '`.prepare(` runs only in electron/core/db/'],
  ])('reports %s', async (fixture, expected) => {
    const messages = await lintFixture(fixture);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toContain('SQL outside the data layer (ewsi/data-layer)');
    expect(messages[0]!.message).toContain(expected);
    expect(messages[0]!.message).toContain("server/db/, the portal's own data layer");
  });

  it('passes a data module under electron/core/db/', async () => {
    expect(await lintFixture('legal-db-module.ts')).toEqual([]);
  });

  it.each(['server/db/fixture.ts', 'tests/integration/fixture.test.ts', 'bench/fixture.ts'])('does not apply in %s', async (lintAs) => {
    for (const fixture of ['illegal-import.ts', 'illegal-prepare.ts']) expect(await lintFixture(fixture, lintAs)).toEqual([]);
  });

  it.each(['shared/fixture.ts', 'renderer/src/fixture.ts', 'server/content/fixture.ts', 'electron/main/fixture.ts'])('applies in %s', async (lintAs) => {
    expect(await lintFixture('illegal-prepare.ts', lintAs)).toHaveLength(1);
  });
});
