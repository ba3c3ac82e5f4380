// Every interface string exists in English, French and German, and every key
// the renderer uses exists in English (i18next would show the raw key).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIBLIOGRAPHY_FORMATS, CITATION_LOCALES } from '../../shared/citations';
import de from '../../renderer/src/app/i18n/locales/de.json';
import en from '../../renderer/src/app/i18n/locales/en.json';
import fr from '../../renderer/src/app/i18n/locales/fr.json';
import { ANNOTATION_COLORS, EXPORT_FORMATS } from '../../shared/annotations';
import { CONTENT_TYPES, COUNTRY_SHEET_SECTIONS, DOCUMENT_TYPES, FUNDER_TYPES, ORGANISATION_TYPES, THEMES } from '../../shared/content';
import { PRACTICE_FIELDS } from '../../shared/library';
import { LITERAL_REASONS, suggestionSchema } from '../../shared/search';
import { UPDATE_CHANNELS } from '../../shared/updates';
import { IGNORED_KINDS, USER_DATA_TABLES } from '../../shared/user-data';
import { REPO_ROOT } from '../support/repo';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(full, value);
    else for (const [nested, text] of flatten(value, full)) keys.set(nested, text);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key as the code names it: "home.matches" for "home.matches_one". */
const baseKey = (key: string) => key.replace(PLURAL, '');

const locales = { en: flatten(en), fr: flatten(fr), de: flatten(de) };
const english = locales.en;
const englishBases = new Set([...english.keys()].map(baseKey));

function rendererSources(dir = path.join(REPO_ROOT, 'renderer/src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return rendererSources(file);
    return /\.(ts|tsx)$/.test(entry.name) ? [file] : [];
  });
}

/** Literal keys: t('a.b'), t("a.b"), i18nKey="a.b". Template keys are checked through their value lists below. */
function usedKeys(): Array<{ key: string; file: string }> {
  const found: Array<{ key: string; file: string }> = [];
  for (const file of rendererSources()) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1|i18nKey=(['"])([^'"]+)\3/g)) {
      found.push({ key: match[2] ?? match[4]!, file: path.relative(REPO_ROOT, file) });
    }
  }
  return found;
}

/** Keys built from a prefix and a value list: `t(\`themes.${slug}\`)` and the like. */
const TEMPLATE_KEYS: Record<string, readonly string[]> = {
  screens: ['home', 'library', 'countries', 'practices', 'links', 'funding', 'news', 'forums', 'partners', 'outbox', 'annotations', 'collections', 'search', 'settings', 'read'],
  'annotations.colors': ANNOTATION_COLORS,
  'history.status': ['inserted', 'deleted', 'changed', 'unchanged'],
  'collections.formats': EXPORT_FORMATS,
  'collections.formatHelp': EXPORT_FORMATS,
  'placeholder.intro': ['library', 'countries', 'practices', 'links', 'funding', 'news', 'read'],
  'palette.kind': suggestionSchema.shape.kind.options,
  'search.facet': ['type', 'country', 'theme', 'language', 'year'],
  'search.sortBy': ['rank', 'date'],
  'queryHelp.reasons': LITERAL_REASONS,
  'settings.themes': ['system', 'light', 'dark'],
  'settings.attachmentModes': ['all', 'on-demand', 'none'],
  languages: ['en', 'fr', 'de'],
  contentTypes: CONTENT_TYPES,
  documentTypes: DOCUMENT_TYPES,
  themes: THEMES,
  'countrySheets.sections': COUNTRY_SHEET_SECTIONS,
  'countrySheets.programmeKinds': ['voluntary', 'mandatory', 'mixed'],
  'practices.filter': ['country', 'theme', 'kind'],
  'practices.fields': PRACTICE_FIELDS,
  'practices.evaluationTypes': ['internal', 'external', 'both', 'none'],
  'practices.organisationTypes': ORGANISATION_TYPES,
  'funding.funderTypes': FUNDER_TYPES,
  'settings.restoreResult.tables': USER_DATA_TABLES,
  'citations.languages': CITATION_LOCALES,
  'citations.files': BIBLIOGRAPHY_FORMATS,
  'settings.restoreResult.channels': UPDATE_CHANNELS,
  'settings.restoreResult.kinds': IGNORED_KINDS,
  'home.counts': CONTENT_TYPES,
};

describe('interface strings', () => {
  for (const language of ['fr', 'de'] as const) {
    it(`${language} has every English key, and no key English lacks`, () => {
      const translated = locales[language];
      const missing = [...english.keys()].filter((key) => !translated.has(key));
      // French also has the "many" plural form, which English and German do not use.
      const extra = [...translated.keys()].filter((key) => !english.has(key) && !(PLURAL.test(key) && englishBases.has(baseKey(key))));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} strings are translated, not copied, and keep their placeholders`, () => {
      const translated = locales[language];
      const copies = [...english].filter(([key, text]) => translated.get(key) === text && /[a-z]{4,}/.test(text) && !SAME_AS_ENGLISH[language].has(key));
      expect(copies.map(([key]) => key)).toEqual([]);
      const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      const broken = [...english].filter(([key, text]) => translated.has(key) && placeholders(translated.get(key)!).join() !== placeholders(text).join());
      expect(broken.map(([key]) => key)).toEqual([]);
    });
  }

  it('every key the renderer uses exists in English', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(50); // The scan itself works.
    const absent = used.filter(({ key }) => !englishBases.has(key) && !english.has(key));
    expect(absent).toEqual([]);
  });

  it('every key built from a value list exists in English', () => {
    // A key may be a plural family (home.counts.document_one, _other).
    const absent = Object.entries(TEMPLATE_KEYS).flatMap(([prefix, values]) => values.map((value) => `${prefix}.${value}`).filter((key) => !english.has(key) && !englishBases.has(key)));
    expect(absent).toEqual([]);
  });

  it('every template key in the code has its value list here', () => {
    const prefixes = new Set<string>();
    for (const file of rendererSources()) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*`([^`$]+)\.\$\{/g)) prefixes.add(match[1]!);
    }
    expect([...prefixes].filter((prefix) => !(prefix in TEMPLATE_KEYS))).toEqual([]);
  });
});

/** Strings that are rightly identical to English: names, shortcuts and words the language shares. */
const SAME_AS_ENGLISH = {
  fr: new Set([
    'app.name', 'shell.ctrlK', 'palette.suggestions', 'palette.kind.organisation', 'search.facet.type', 'search.sortBy.date',
    'settings.version', 'contentTypes.document', 'contentTypes.forum', 'documentTypes.article',
    'library.facetOption', 'screens.annotations', 'screens.collections', 'annotations.facetOption', 'annotations.panelTitle_one', 'annotations.panelTitle_other',
    'annotations.note', 'annotations.colors.orange', 'annotations.record', 'annotations.total_one', 'annotations.total_other',
    'collections.choose', 'collections.format', 'collections.formats.csl-json', 'collections.formats.ris', 'collections.formats.bibtex',
    'settings.restoreResult.channels.stable', 'settings.restoreResult.kinds.table', 'settings.restoreResult.kinds.index',
    'settings.restoreResult.tables.annotations', 'settings.restoreResult.tables.collections',
    'home.counts.document_one', 'home.counts.document_other', 'home.counts.forum_one', 'home.counts.forum_other',
    'fullText.page',
    'history.title_one', 'history.title_other', 'history.alertItem',
    'citations.bibliographyStyle', 'citations.files.rtf', 'print.annotations_one', 'print.annotations_other',
  ]),
  de: new Set([
    'app.name', 'screens.links', 'offline.badge', 'palette.kind.organisation', 'search.saveName', 'settings.version',
    'contentTypes.link', 'contentTypes.forum',
    'library.facetOption', 'library.funderTypes.national', 'reader.meta.organisation', 'links.listLabel', 'signIn.portal',
    'reader.parts.body', 'annotations.facetOption', 'annotations.colors.orange', 'collections.name', 'collections.format',
    'collections.formats.csl-json', 'collections.formats.ris', 'collections.formats.bibtex',
    'settings.updates.title', 'settings.restoreResult.refusedItem', 'settings.restoreResult.kinds.index', 'settings.restoreResult.kinds.trigger',
    'citations.files.rtf',
  ]),
};
