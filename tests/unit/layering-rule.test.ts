import { ESLint } from 'eslint';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/layering');
const eslint = new ESLint({ cwd: REPO_ROOT });

/** Lints a fixture as if it stood at the path its first line names. */
async function lintFixture(name: string) {
  const code = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
  const lintAs = /^\/\/ lint-as: (\S+)/.exec(code)?.[1];
  if (!lintAs) throw new Error(`${name} does not say where to lint it as`);
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, lintAs) });
  return result!.messages.filter((message) => message.ruleId === 'ewsi/layering');
}

describe('ewsi/layering', () => {
  it.each([
    ['renderer-imports-core.ts', "renderer/ may import only from shared/, renderer/; '../../electron/core/core' is in electron/core/"],
    ['shared-imports-electron.ts', "only electron/main and electron/preload may import 'electron'; shared/ never runs in Electron"],
    ['shared-imports-node.ts', "shared/ runs without Node, so it may not import 'node:fs'"],
    ['core-imports-main.ts', "electron/core/ may import only from shared/, electron/core/; '../main/window-options' is in electron/main/"],
    ['preload-imports-core.ts', "electron/preload/ may import only from shared/, electron/preload/; '../core/core' is in electron/core/"],
    ['server-imports-core-dynamically.ts', "server/ may import only from shared/, server/; '../electron/core/core' is in electron/core/"],
  ])('reports %s', async (fixture, expected) => {
    const messages = await lintFixture(fixture);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toContain('Bad layering (ewsi/layering)');
    expect(messages[0]!.message).toContain(expected);
  });

  it.each(['legal-main.ts', 'legal-renderer.ts', 'legal-core.ts'])('passes %s', async (fixture) => {
    expect(await lintFixture(fixture)).toEqual([]);
  });

  it('finds no violation in the project itself', async () => {
    const results = await eslint.lintFiles(['shared', 'server', 'electron', 'renderer'].filter((dir) => fs.existsSync(path.join(REPO_ROOT, dir))));
    const violations = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId === 'ewsi/layering').map((message) => `${result.filePath}: ${message.message}`),
    );
    expect(violations).toEqual([]);
  });
});
