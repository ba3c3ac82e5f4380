// Country and city names as each language of the corpus writes them, with the
// forms sentences need ("in Germany", "aux Pays-Bas", "in den Niederlanden",
// "we Francji"). A document names places in its own language only.
import { COUNTRY_ROWS, type CountryRow } from '../../shared/search-vocabulary';

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'pt', 'sv'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** How one language names one country: the bare name, "in X", and "of X" (French de/du/des, German genitive, Polish genitive…). */
export interface CountryName {
  name: string;
  in: string;
  of: string;
}

/** Bare names: the shared vocabulary's, with the article English sentences need before the Netherlands. */
const NETHERLANDS: CountryRow = [...COUNTRY_ROWS.NL];
NETHERLANDS[0] = 'the Netherlands';
const NAMES: Record<string, CountryRow> = { ...COUNTRY_ROWS, NL: NETHERLANDS };

/** French: feminine countries take "en" and "de la/de l'", masculine "au" and "du", plural "aux" and "des", islands none. */
const FRENCH_GENDER: Record<string, 'f' | 'm' | 'pl' | 'island'> = {
  AT: 'f', BE: 'f', BG: 'f', CY: 'island', CZ: 'f', DE: 'f', DK: 'm', EE: 'f', ES: 'f', FI: 'f', FR: 'f', GR: 'f', HR: 'f', HU: 'f',
  IE: 'f', IT: 'f', LT: 'f', LU: 'm', LV: 'f', MT: 'island', NL: 'pl', PL: 'f', PT: 'm', RO: 'f', SE: 'f', SI: 'f', SK: 'f',
};
/** German names that take an article. */
const GERMAN_ARTICLE: Record<string, { in: string; of: string }> = { NL: { in: 'in den Niederlanden', of: 'der Niederlande' }, SK: { in: 'in der Slowakei', of: 'der Slowakei' } };
/** Polish locative and genitive, which follow no single rule. */
const POLISH: Record<string, [locative: string, genitive: string]> = {
  AT: ['w Austrii', 'Austrii'], BE: ['w Belgii', 'Belgii'], BG: ['w Bułgarii', 'Bułgarii'], CY: ['na Cyprze', 'Cypru'], CZ: ['w Czechach', 'Czech'],
  DE: ['w Niemczech', 'Niemiec'], DK: ['w Danii', 'Danii'], EE: ['w Estonii', 'Estonii'], ES: ['w Hiszpanii', 'Hiszpanii'], FI: ['w Finlandii', 'Finlandii'],
  FR: ['we Francji', 'Francji'], GR: ['w Grecji', 'Grecji'], HR: ['w Chorwacji', 'Chorwacji'], HU: ['na Węgrzech', 'Węgier'], IE: ['w Irlandii', 'Irlandii'],
  IT: ['we Włoszech', 'Włoch'], LT: ['na Litwie', 'Litwy'], LU: ['w Luksemburgu', 'Luksemburga'], LV: ['na Łotwie', 'Łotwy'], MT: ['na Malcie', 'Malty'],
  NL: ['w Niderlandach', 'Niderlandów'], PL: ['w Polsce', 'Polski'], PT: ['w Portugalii', 'Portugalii'], RO: ['w Rumunii', 'Rumunii'], SE: ['w Szwecji', 'Szwecji'],
  SI: ['w Słowenii', 'Słowenii'], SK: ['na Słowacji', 'Słowacji'],
};
/** European Portuguese: most countries take the article (na Alemanha, no Luxemburgo); these do not. */
const PORTUGUESE_BARE = new Set(['PT', 'FR', 'ES', 'IT', 'MT', 'CY']);
const PORTUGUESE_MASCULINE = new Set(['LU']);
/** Spanish and Italian names with an article. */
const SPANISH_ARTICLE: Record<string, string> = { NL: 'los' };
const ITALIAN_IN: Record<string, { in: string; of: string }> = {
  NL: { in: 'nei Paesi Bassi', of: 'dei Paesi Bassi' }, CY: { in: 'a Cipro', of: 'di Cipro' }, MT: { in: 'a Malta', of: 'di Malta' },
  PT: { in: 'in Portogallo', of: 'del Portogallo' }, LU: { in: 'in Lussemburgo', of: 'del Lussemburgo' }, DK: { in: 'in Danimarca', of: 'della Danimarca' },
  BE: { in: 'in Belgio', of: 'del Belgio' },
};
// No country name begins with a mute h (Hongrie's is aspirated: la Hongrie).
const ELIDES = /^[aeiouyàâäéèêëîïôöûü]/i;

function countryName(lang: Lang, code: string): CountryName {
  const row = NAMES[code];
  if (!row) throw new RangeError(`no names for country ${code}`);
  const name = row[LANGUAGES.indexOf(lang)]!;
  switch (lang) {
    case 'en':
      return { name, in: `in ${name}`, of: `of ${name}` };
    case 'fr': {
      const gender = FRENCH_GENDER[code]!;
      if (gender === 'island') return { name, in: `à ${name}`, of: `de ${name}` };
      if (gender === 'pl') return { name: `les ${name}`, in: `aux ${name}`, of: `des ${name}` };
      if (gender === 'm') return { name: `le ${name}`, in: `au ${name}`, of: `du ${name}` };
      return { name: ELIDES.test(name) ? `l’${name}` : `la ${name}`, in: `en ${name}`, of: ELIDES.test(name) ? `de l’${name}` : `de la ${name}` };
    }
    case 'de': {
      const special = GERMAN_ARTICLE[code];
      if (special) return { name: `die ${name}`, ...special };
      return { name, in: `in ${name}`, of: /[sßxz]$/.test(name) ? `von ${name}` : `${name}s` };
    }
    case 'es': {
      const article = SPANISH_ARTICLE[code];
      return article ? { name: `${article} ${name}`, in: `en ${article} ${name}`, of: `de ${article} ${name}` } : { name, in: `en ${name}`, of: `de ${name}` };
    }
    case 'it': {
      const special = ITALIAN_IN[code];
      if (special) return { name: code === 'NL' ? `i ${name}` : name, ...special };
      const feminine = /a$/.test(name);
      const of = feminine ? (ELIDES.test(name) ? `dell'${name}` : `della ${name}`) : ELIDES.test(name) ? `dell'${name}` : `del ${name}`;
      return { name, in: `in ${name}`, of };
    }
    case 'nl':
      return { name, in: `in ${name}`, of: `van ${name}` };
    case 'pl': {
      const [locative, genitive] = POLISH[code]!;
      return { name, in: locative, of: genitive };
    }
    case 'pt': {
      if (PORTUGUESE_BARE.has(code)) return { name, in: `em ${name}`, of: `de ${name}` };
      if (code === 'NL') return { name: `os ${name}`, in: `nos ${name}`, of: `dos ${name}` };
      const masculine = PORTUGUESE_MASCULINE.has(code);
      return { name: `${masculine ? 'o' : 'a'} ${name}`, in: `${masculine ? 'no' : 'na'} ${name}`, of: `${masculine ? 'do' : 'da'} ${name}` };
    }
    case 'sv':
      return { name, in: `i ${name}`, of: `${name}${/s$/.test(name) ? '' : 's'}` };
  }
}

const COUNTRY_NAMES = new Map<string, CountryName>();
export function country(lang: Lang, code: string): CountryName {
  const key = `${lang}:${code}`;
  let name = COUNTRY_NAMES.get(key);
  if (!name) COUNTRY_NAMES.set(key, (name = countryName(lang, code)));
  return name;
}

/** The bare English name (without "the"), for tests and for the English-only parts of the site. */
export const englishCountryName = (code: string): string => NAMES[code]![0].replace(/^the /, '');
/** The bare name in a language, without article: what a title or a list shows. */
export const bareCountryName = (lang: Lang, code: string): string => NAMES[code]![LANGUAGES.indexOf(lang)]!;

/** A city: its own name, other languages' exonyms, and forms that do not follow the language's rule. */
interface City {
  name: string;
  exonyms?: Partial<Record<Lang, string>>;
  /** "in X" where the language's preposition or case changes the name (Polish locative, "no Porto"). */
  inForms?: Partial<Record<Lang, string>>;
}

const c = (name: string, exonyms?: Partial<Record<Lang, string>>, inForms?: Partial<Record<Lang, string>>): City => ({ name, exonyms, inForms });

export const CITIES: Record<string, readonly City[]> = {
  AT: [c('Wien', { en: 'Vienna', fr: 'Vienne', es: 'Viena', it: 'Vienna', nl: 'Wenen', pl: 'Wiedeń', pt: 'Viena' }), c('Graz'), c('Linz'), c('Salzburg', { fr: 'Salzbourg' }), c('Innsbruck')],
  BE: [c('Bruxelles', { en: 'Brussels', de: 'Brüssel', nl: 'Brussel' }), c('Antwerpen', { en: 'Antwerp', fr: 'Anvers' }), c('Liège', { de: 'Lüttich', nl: 'Luik' }), c('Gent', { en: 'Ghent', fr: 'Gand' }), c('Charleroi')],
  BG: [c('Sofia'), c('Plovdiv'), c('Varna')],
  CY: [c('Nicosia', { fr: 'Nicosie', de: 'Nikosia' }), c('Limassol'), c('Larnaca', { de: 'Larnaka' })],
  CZ: [c('Prague', { de: 'Prag' }), c('Brno'), c('Ostrava')],
  DE: [c('Berlin'), c('München', { en: 'Munich', fr: 'Munich' }), c('Köln', { en: 'Cologne', fr: 'Cologne' }), c('Hamburg', { fr: 'Hambourg' }), c('Frankfurt am Main', { en: 'Frankfurt', fr: 'Francfort-sur-le-Main' }), c('Leipzig'), c('Stuttgart'), c('Dortmund')],
  DK: [c('Copenhagen', { fr: 'Copenhague', de: 'Kopenhagen' }), c('Aarhus'), c('Odense')],
  EE: [c('Tallinn'), c('Tartu')],
  ES: [c('Madrid'), c('Barcelona', { fr: 'Barcelone' }), c('Valencia', { fr: 'Valence' }), c('Sevilla', { en: 'Seville', fr: 'Séville' }), c('Málaga'), c('Bilbao'), c('Zaragoza', { fr: 'Saragosse', de: 'Saragossa' })],
  FI: [c('Helsinki', { sv: 'Helsingfors' }), c('Tampere', { sv: 'Tammerfors' }), c('Turku', { sv: 'Åbo' }), c('Espoo', { sv: 'Esbo' }), c('Vaasa', { sv: 'Vasa' })],
  FR: [c('Paris'), c('Lyon'), c('Marseille'), c('Lille'), c('Toulouse'), c('Strasbourg', { de: 'Straßburg' }), c('Nantes'), c('Bordeaux'), c('Grenoble'), c('Montpellier')],
  GR: [c('Athens', { fr: 'Athènes', de: 'Athen' }), c('Thessaloniki', { fr: 'Thessalonique' }), c('Patras')],
  HR: [c('Zagreb'), c('Split'), c('Rijeka')],
  HU: [c('Budapest'), c('Debrecen'), c('Szeged')],
  IE: [c('Dublin'), c('Cork'), c('Galway'), c('Limerick')],
  IT: [c('Roma', { en: 'Rome', fr: 'Rome', de: 'Rom' }), c('Milano', { en: 'Milan', fr: 'Milan', de: 'Mailand' }), c('Torino', { en: 'Turin', fr: 'Turin', de: 'Turin' }), c('Napoli', { en: 'Naples', fr: 'Naples', de: 'Neapel' }), c('Palermo', { fr: 'Palerme' }), c('Bologna', { fr: 'Bologne' }), c('Bari')],
  LT: [c('Vilnius'), c('Kaunas')],
  LU: [c('Luxembourg', { de: 'Luxemburg' }), c('Esch-sur-Alzette'), c('Differdange', { de: 'Differdingen' })],
  LV: [c('Riga'), c('Daugavpils')],
  MT: [c('Valletta', { fr: 'La Valette' }), c('Birkirkara')],
  NL: [c('Amsterdam'), c('Rotterdam'), c('Den Haag', { en: 'The Hague', fr: 'La Haye' }), c('Utrecht'), c('Eindhoven'), c('Groningen', { fr: 'Groningue' })],
  PL: [
    c('Warszawa', { en: 'Warsaw', fr: 'Varsovie', de: 'Warschau' }, { pl: 'w Warszawie' }),
    c('Kraków', { fr: 'Cracovie', de: 'Krakau' }, { pl: 'w Krakowie' }),
    c('Wrocław', {}, { pl: 'we Wrocławiu' }),
    c('Gdańsk', {}, { pl: 'w Gdańsku' }),
    c('Poznań', {}, { pl: 'w Poznaniu' }),
    c('Łódź', {}, { pl: 'w Łodzi' }),
    c('Lublin', {}, { pl: 'w Lublinie' }),
  ],
  PT: [c('Lisboa', { en: 'Lisbon', fr: 'Lisbonne', de: 'Lissabon' }), c('Porto', {}, { pt: 'no Porto' }), c('Braga'), c('Faro'), c('Coimbra')],
  RO: [c('Bucharest', { fr: 'Bucarest', de: 'Bukarest' }), c('Cluj-Napoca'), c('Timișoara')],
  SE: [c('Stockholm'), c('Göteborg', { en: 'Gothenburg' }), c('Malmö'), c('Uppsala'), c('Örebro'), c('Linköping')],
  SI: [c('Ljubljana'), c('Maribor')],
  SK: [c('Bratislava'), c('Košice')],
};

/** The city's name in a language, and "in X". */
export function city(lang: Lang, code: string, index: number): { name: string; in: string } {
  const cities = CITIES[code]!;
  const entry = cities[index % cities.length]!;
  const name = entry.exonyms?.[lang] ?? entry.name;
  const special = entry.inForms?.[lang];
  if (special) return { name, in: special };
  const preposition = { en: 'in', fr: 'à', de: 'in', es: 'en', it: 'a', nl: 'in', pl: 'w', pt: 'em', sv: 'i' }[lang];
  return { name, in: `${preposition} ${name}` };
}

export const cityCount = (code: string): number => CITIES[code]!.length;
