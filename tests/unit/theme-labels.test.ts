// Exports write themes as the interface's English labels: the two lists must not drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMES, THEME_LABELS } from '../../shared/content';
import { REPO_ROOT } from '../support/repo';

describe('theme labels for exports', () => {
  it('are the English interface labels, one per theme, none with a comma or semicolon (Zotero splits keywords on both)', () => {
    const en = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'renderer/src/app/i18n/locales/en.json'), 'utf8')) as { themes: Record<string, string> };
    expect(Object.keys(THEME_LABELS).sort()).toEqual([...THEMES].sort());
    expect(THEME_LABELS).toEqual(en.themes);
    for (const label of Object.values(THEME_LABELS)) expect(label).not.toMatch(/[,;]/);
  });
});
