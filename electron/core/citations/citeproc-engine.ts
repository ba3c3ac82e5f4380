// Citations and bibliographies with citeproc-js and the bundled CSL styles
// and locales (resources/csl/). The one place that runs citeproc: the CLI,
// the interface's "Copy citation" and the export's bibliography all call it.
import fs from 'node:fs';
import path from 'node:path';
import CSL from 'citeproc';
import type { BibliographyFormat, CitationLocale, CitationStyle } from '../../../shared/citations';
import { projectRoot } from '../app-version';
import type { CslItem } from '../export/citation';

const STYLE_FILES: Record<CitationStyle, string> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  harvard: 'harvard-cite-them-right.csl',
  oscola: 'oscola.csl',
  'eu-interinstitutional': 'eu-interinstitutional-style.csl',
};

/**
 * The CSL locale a style is written in for each language. English is the
 * style's own: American for APA and Chicago, British for Cite Them Right (a
 * British guide whose CSL file names no default locale), OSCOLA and the EU
 * style.
 */
const ENGLISH_OF: Record<CitationStyle, string> = { apa: 'en-US', 'chicago-author-date': 'en-US', harvard: 'en-GB', oscola: 'en-GB', 'eu-interinstitutional': 'en-GB' };
const LOCALE_OF: Record<Exclude<CitationLocale, 'en'>, string> = { fr: 'fr-FR', de: 'de-DE' };
const BUNDLED_LOCALES = new Set(['en-US', 'en-GB', 'fr-FR', 'de-DE']);

const cache = new Map<string, string>();
function resource(...parts: string[]): string {
  const file = path.join(projectRoot(), 'resources', 'csl', ...parts);
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  const text = fs.readFileSync(file, 'utf8');
  cache.set(file, text);
  return text;
}

export const styleXml = (style: CitationStyle): string => resource('styles', STYLE_FILES[style]);

export const cslLocale = (style: CitationStyle, locale: CitationLocale): string => (locale === 'en' ? ENGLISH_OF[style] : LOCALE_OF[locale]);

export function localeXml(lang: string): string | false {
  const code = BUNDLED_LOCALES.has(lang) ? lang : lang.startsWith('en') ? 'en-US' : [...BUNDLED_LOCALES].find((l) => l.startsWith(`${lang.slice(0, 2)}-`));
  return code ? resource('locales', `locales-${code}.xml`) : false;
}

function engineFor(items: CslItem[], style: CitationStyle, locale: CitationLocale, format: BibliographyFormat) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine(
    {
      retrieveLocale: localeXml,
      retrieveItem: (id) => {
        const item = byId.get(id);
        if (!item) throw new Error(`citeproc asked for an item it was not given: ${id}`);
        return item;
      },
    },
    styleXml(style),
    cslLocale(style, locale),
    true,
  );
  engine.setOutputFormat(format);
  return engine;
}

/** One citation of all the items (in-text for author-date styles, the footnote's text for a note style such as OSCOLA). */
export function formatCitation(items: CslItem[], style: CitationStyle, locale: CitationLocale, format: BibliographyFormat): string {
  if (items.length === 0) return '';
  return engineFor(items, style, locale, format).makeCitationCluster(items.map((item) => ({ id: item.id })));
}

/** The bibliography's entries, in the style's order, as citeproc writes them. */
export function bibliographyEntries(items: CslItem[], style: CitationStyle, locale: CitationLocale, format: BibliographyFormat): string[] {
  if (items.length === 0) return [];
  const engine = engineFor(items, style, locale, format);
  engine.updateItems(items.map((item) => item.id));
  const made = engine.makeBibliography();
  return made ? made[1] : [];
}

/** A whole bibliography document: an HTML fragment, an RTF file, or plain text with one entry per line. */
export function formatBibliography(items: CslItem[], style: CitationStyle, locale: CitationLocale, format: BibliographyFormat): string {
  const entries = bibliographyEntries(items, style, locale, format);
  if (format === 'html') return `<div class="csl-bib-body">\n${entries.join('')}</div>\n`;
  if (format === 'rtf') return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n${entries.map((entry) => `${entry.trim()}\\par\n`).join('')}}\n`;
  return entries.map((entry) => `${entry.trim()}\n`).join('');
}
