// The names facet values are suggested by: countries in English (the
// interface's language), themes from their slugs.
import { EU_COUNTRIES, THEMES } from '../../../../shared/content';

export const COUNTRY_NAMES: Readonly<Record<(typeof EU_COUNTRIES)[number], string>> = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GR: 'Greece', HR: 'Croatia', HU: 'Hungary',
  IE: 'Ireland', IT: 'Italy', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'Netherlands',
  PL: 'Poland', PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia',
};
export const EU: ReadonlySet<string> = new Set(EU_COUNTRIES);
export const STANDARD_THEMES: ReadonlySet<string> = new Set(THEMES);

let regionNames: Intl.DisplayNames | null | undefined;
/** The English name of a country outside the EU (Norway, Türkiye…) that records name, if the runtime knows it. */
export function otherCountryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null; // a runtime built without ICU data
    }
  }
  return regionNames?.of(code) ?? undefined;
}

/** A theme's name from its slug. */
export const humanise = (slug: string): string => slug.replace(/-/g, ' ');
