// The site's multilingual vocabulary for search: how each language of the
// corpus (and each member state's own language) names the themes, the
// document types and the countries, with aliases and demonyms. The query
// parser resolves filter values through it (country:Deutschland is DE), the
// core maps query words naming a concept to its theme, and suggestions offer
// the names. Data only, runtime-neutral; the words are written as the sample
// corpus and the portal write them (server/sample/places.ts, the language
// packs' topic names), without articles.
import { DOCUMENT_TYPES, EU_COUNTRIES, THEMES } from './content';

/** The languages the corpus is written in. */
export const CORPUS_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'pt', 'sv'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

type Names = Partial<Record<string, readonly string[]>>;

/** Names of each theme by language: the first is its label, the others what people also call it. */
export const THEME_NAMES: Readonly<Record<(typeof THEMES)[number], Names>> = {
  employment: {
    en: ['employment', 'jobs', 'recognition of qualifications'], fr: ['emploi', 'reconnaissance des diplômes'], de: ['Beschäftigung', 'Anerkennung von Berufsabschlüssen'],
    es: ['empleo', 'homologación de títulos'], it: ['occupazione', 'riconoscimento dei titoli'], nl: ['werkgelegenheid', 'erkenning van diploma’s'], pl: ['zatrudnienie', 'uznawanie kwalifikacji'], pt: ['emprego', 'reconhecimento de qualificações'], sv: ['sysselsättning', 'validering'],
  },
  education: {
    en: ['education', 'schooling'], fr: ['éducation', 'scolarisation'], de: ['Bildung', 'Schulbildung'], es: ['educación', 'escolarización'], it: ['istruzione', 'scolarizzazione'],
    nl: ['onderwijs'], pl: ['edukacja', 'oświata'], pt: ['educação', 'escolarização'], sv: ['utbildning', 'skolgång'],
  },
  'language-learning': {
    en: ['language learning', 'language courses', 'language tuition', 'integration courses'], fr: ['apprentissage des langues', 'cours de langue', 'formation linguistique'], de: ['Spracherwerb', 'Sprachförderung', 'Sprachkurs', 'Integrationskurs', 'Deutschunterricht'],
    es: ['aprendizaje de idiomas', 'cursos de idioma'], it: ['apprendimento linguistico', 'corsi di lingua'], nl: ['taalonderwijs', 'taallessen', 'taalcursus'], pl: ['nauka języka', 'kursy językowe'], pt: ['aprendizagem de línguas', 'cursos de língua'], sv: ['språkinlärning', 'svenskundervisning', 'sfi'],
  },
  health: {
    en: ['health', 'health care'], fr: ['santé', 'soins'], de: ['Gesundheit', 'Gesundheitsversorgung'], es: ['salud', 'atención sanitaria'], it: ['salute', 'assistenza sanitaria'],
    nl: ['gezondheid', 'gezondheidszorg'], pl: ['zdrowie', 'opieka zdrowotna'], pt: ['saúde', 'cuidados de saúde'], sv: ['hälsa', 'hälso- och sjukvård'],
  },
  housing: {
    en: ['housing', 'accommodation'], fr: ['logement', 'hébergement'], de: ['Wohnen', 'Wohnraum', 'Unterbringung'], es: ['vivienda'], it: ['alloggio', 'abitazione'],
    nl: ['huisvesting', 'woningen'], pl: ['mieszkalnictwo', 'mieszkania'], pt: ['habitação', 'alojamento'], sv: ['bostäder', 'boende'],
  },
  'civic-participation': {
    en: ['civic participation', 'civic integration', 'civic orientation'], fr: ['participation civique', 'formation civique'], de: ['politische Teilhabe', 'Orientierungskurs'],
    es: ['participación cívica'], it: ['partecipazione civica', 'integrazione civica'], nl: ['inburgering', 'burgerparticipatie'], pl: ['partycypacja obywatelska'], pt: ['participação cívica'], sv: ['samhällsorientering', 'medborgerligt deltagande'],
  },
  'anti-discrimination': {
    en: ['anti-discrimination', 'discrimination', 'equal treatment', 'racism'], fr: ['lutte contre les discriminations', 'discriminations', 'égalité de traitement', 'racisme'], de: ['Antidiskriminierung', 'Diskriminierungsschutz', 'Gleichbehandlung', 'Rassismus'],
    es: ['lucha contra la discriminación', 'discriminación', 'igualdad de trato'], it: ['contrasto alle discriminazioni', 'discriminazione', 'razzismo'], nl: ['antidiscriminatie', 'discriminatie', 'gelijke behandeling'], pl: ['przeciwdziałanie dyskryminacji', 'dyskryminacja'], pt: ['combate à discriminação', 'discriminação'], sv: ['antidiskriminering', 'diskriminering'],
  },
  'family-reunification': {
    en: ['family reunification', 'family reunion'], fr: ['regroupement familial', 'réunification familiale'], de: ['Familiennachzug', 'Familienzusammenführung'],
    es: ['reagrupación familiar'], it: ['ricongiungimento familiare'], nl: ['gezinshereniging', 'gezinsmigratie'], pl: ['łączenie rodzin'], pt: ['reagrupamento familiar'], sv: ['familjeåterförening', 'anhöriginvandring'],
  },
  citizenship: {
    en: ['citizenship', 'naturalisation', 'naturalization'], fr: ['citoyenneté', 'naturalisation', 'nationalité'], de: ['Staatsangehörigkeit', 'Einbürgerung', 'Staatsbürgerschaft'],
    es: ['ciudadanía', 'nacionalidad'], it: ['cittadinanza'], nl: ['naturalisatie', 'nationaliteit', 'burgerschap'], pl: ['obywatelstwo'], pt: ['cidadania', 'nacionalidade'], sv: ['medborgarskap'],
  },
  youth: {
    en: ['youth', 'unaccompanied minors', 'young people'], fr: ['jeunesse', 'mineurs non accompagnés'], de: ['Jugend', 'unbegleitete Minderjährige'], es: ['juventud', 'menores no acompañados'],
    it: ['giovani', 'minori stranieri non accompagnati'], nl: ['jeugd', 'alleenstaande minderjarigen'], pl: ['młodzież', 'małoletni bez opieki'], pt: ['juventude', 'menores não acompanhados'], sv: ['ungdomar', 'ensamkommande barn'],
  },
  women: {
    en: ['women', 'migrant women'], fr: ['femmes'], de: ['Frauen'], es: ['mujeres'], it: ['donne'], nl: ['vrouwen'], pl: ['kobiety'], pt: ['mulheres'], sv: ['kvinnor'],
  },
  refugees: {
    en: ['refugees', 'asylum seekers'], fr: ['réfugiés', 'demandeurs d’asile'], de: ['Geflüchtete', 'Flüchtlinge', 'Asylsuchende'], es: ['refugiados', 'solicitantes de asilo'],
    it: ['rifugiati', 'richiedenti asilo'], nl: ['vluchtelingen', 'asielzoekers', 'statushouders'], pl: ['uchodźcy', 'cudzoziemcy ubiegający się o ochronę'], pt: ['refugiados', 'requerentes de asilo'], sv: ['flyktingar', 'asylsökande'],
  },
  'social-inclusion': {
    en: ['social inclusion', 'residence permits'], fr: ['inclusion sociale', 'titres de séjour'], de: ['soziale Inklusion', 'Aufenthaltsrecht', 'Aufenthaltstitel'], es: ['inclusión social', 'autorizaciones de residencia'],
    it: ['inclusione sociale', 'permesso di soggiorno'], nl: ['sociale inclusie', 'verblijfsvergunning'], pl: ['włączenie społeczne', 'zezwolenie na pobyt'], pt: ['inclusão social', 'autorização de residência'], sv: ['social inkludering', 'uppehållstillstånd'],
  },
  'culture-and-religion': {
    en: ['culture and religion'], fr: ['culture et religion'], de: ['Kultur und Religion'], es: ['cultura y religión'], it: ['cultura e religione'], nl: ['cultuur en religie'], pl: ['kultura i religia'], pt: ['cultura e religião'], sv: ['kultur och religion'],
  },
  'labour-market-integration': {
    en: ['labour-market integration', 'labour market integration', 'access to the labour market'], fr: ['intégration sur le marché du travail', 'insertion professionnelle'], de: ['Arbeitsmarktintegration', 'Zugang zum Arbeitsmarkt'],
    es: ['integración laboral'], it: ['integrazione lavorativa', 'inserimento lavorativo'], nl: ['arbeidsmarktintegratie'], pl: ['integracja na rynku pracy'], pt: ['integração no mercado de trabalho'], sv: ['etablering på arbetsmarknaden', 'arbetsmarknadsintegration'],
  },
  reception: {
    en: ['reception', 'reception conditions', 'reception of asylum seekers'], fr: ['accueil', 'conditions d’accueil'], de: ['Aufnahme', 'Aufnahmebedingungen', 'Aufnahme von Asylsuchenden'],
    es: ['acogida'], it: ['accoglienza'], nl: ['opvang', 'asielopvang'], pl: ['przyjmowanie cudzoziemców'], pt: ['acolhimento'], sv: ['mottagande', 'flyktingmottagande'],
  },
};

/** Names of each document type by language (the type: filter accepts them all). */
export const DOCUMENT_TYPE_NAMES: Readonly<Record<(typeof DOCUMENT_TYPES)[number], Names>> = {
  legislation: { en: ['legislation', 'law', 'act'], fr: ['législation', 'loi'], de: ['Gesetzgebung', 'Gesetz', 'Rechtsvorschrift'], es: ['legislación', 'ley'], it: ['legislazione', 'legge'], nl: ['wetgeving', 'wet'], pl: ['ustawodawstwo', 'ustawa'], pt: ['legislação', 'lei'], sv: ['lagstiftning', 'lag'] },
  'policy-document': { en: ['policy document', 'policy', 'strategy'], fr: ['document d’orientation', 'stratégie'], de: ['Strategiepapier', 'Strategie'], es: ['documento de política', 'estrategia'], it: ['documento programmatico', 'strategia'], nl: ['beleidsdocument', 'strategie'], pl: ['dokument strategiczny', 'strategia'], pt: ['documento de política', 'estratégia'], sv: ['policydokument', 'strategi'] },
  report: { en: ['report'], fr: ['rapport'], de: ['Bericht'], es: ['informe'], it: ['rapporto', 'relazione'], nl: ['rapport', 'verslag'], pl: ['raport', 'sprawozdanie'], pt: ['relatório'], sv: ['rapport'] },
  study: { en: ['study', 'research'], fr: ['étude'], de: ['Studie'], es: ['estudio'], it: ['studio'], nl: ['studie', 'onderzoek'], pl: ['badanie', 'studium'], pt: ['estudo'], sv: ['studie'] },
  'impact-assessment': { en: ['impact assessment'], fr: ['analyse d’impact', 'étude d’impact'], de: ['Folgenabschätzung'], es: ['evaluación de impacto'], it: ['valutazione d’impatto'], nl: ['effectbeoordeling'], pl: ['ocena skutków'], pt: ['avaliação de impacto'], sv: ['konsekvensbedömning'] },
  evaluation: { en: ['evaluation'], fr: ['évaluation'], de: ['Evaluation', 'Evaluierung'], es: ['evaluación'], it: ['valutazione'], nl: ['evaluatie'], pl: ['ewaluacja'], pt: ['avaliação'], sv: ['utvärdering'] },
  article: { en: ['article'], fr: ['article'], de: ['Artikel', 'Fachartikel'], es: ['artículo'], it: ['articolo'], nl: ['artikel'], pl: ['artykuł'], pt: ['artigo'], sv: ['artikel'] },
  other: { en: ['other document'], fr: ['autre document'], de: ['sonstiges Dokument'], es: ['otro documento'], it: ['altro documento'], nl: ['ander document'], pl: ['inny dokument'], pt: ['outro documento'], sv: ['annat dokument'] },
};

export type CountryRow = [en: string, fr: string, de: string, es: string, it: string, nl: string, pl: string, pt: string, sv: string];

/** Each member state's name in the corpus's nine languages (the sample corpus writes them from here too). */
export const COUNTRY_ROWS: Readonly<Record<(typeof EU_COUNTRIES)[number], CountryRow>> = {
  AT: ['Austria', 'Autriche', 'Österreich', 'Austria', 'Austria', 'Oostenrijk', 'Austria', 'Áustria', 'Österrike'],
  BE: ['Belgium', 'Belgique', 'Belgien', 'Bélgica', 'Belgio', 'België', 'Belgia', 'Bélgica', 'Belgien'],
  BG: ['Bulgaria', 'Bulgarie', 'Bulgarien', 'Bulgaria', 'Bulgaria', 'Bulgarije', 'Bułgaria', 'Bulgária', 'Bulgarien'],
  CY: ['Cyprus', 'Chypre', 'Zypern', 'Chipre', 'Cipro', 'Cyprus', 'Cypr', 'Chipre', 'Cypern'],
  CZ: ['Czechia', 'Tchéquie', 'Tschechien', 'Chequia', 'Cechia', 'Tsjechië', 'Czechy', 'Chéquia', 'Tjeckien'],
  DE: ['Germany', 'Allemagne', 'Deutschland', 'Alemania', 'Germania', 'Duitsland', 'Niemcy', 'Alemanha', 'Tyskland'],
  DK: ['Denmark', 'Danemark', 'Dänemark', 'Dinamarca', 'Danimarca', 'Denemarken', 'Dania', 'Dinamarca', 'Danmark'],
  EE: ['Estonia', 'Estonie', 'Estland', 'Estonia', 'Estonia', 'Estland', 'Estonia', 'Estónia', 'Estland'],
  ES: ['Spain', 'Espagne', 'Spanien', 'España', 'Spagna', 'Spanje', 'Hiszpania', 'Espanha', 'Spanien'],
  FI: ['Finland', 'Finlande', 'Finnland', 'Finlandia', 'Finlandia', 'Finland', 'Finlandia', 'Finlândia', 'Finland'],
  FR: ['France', 'France', 'Frankreich', 'Francia', 'Francia', 'Frankrijk', 'Francja', 'França', 'Frankrike'],
  GR: ['Greece', 'Grèce', 'Griechenland', 'Grecia', 'Grecia', 'Griekenland', 'Grecja', 'Grécia', 'Grekland'],
  HR: ['Croatia', 'Croatie', 'Kroatien', 'Croacia', 'Croazia', 'Kroatië', 'Chorwacja', 'Croácia', 'Kroatien'],
  HU: ['Hungary', 'Hongrie', 'Ungarn', 'Hungría', 'Ungheria', 'Hongarije', 'Węgry', 'Hungria', 'Ungern'],
  IE: ['Ireland', 'Irlande', 'Irland', 'Irlanda', 'Irlanda', 'Ierland', 'Irlandia', 'Irlanda', 'Irland'],
  IT: ['Italy', 'Italie', 'Italien', 'Italia', 'Italia', 'Italië', 'Włochy', 'Itália', 'Italien'],
  LT: ['Lithuania', 'Lituanie', 'Litauen', 'Lituania', 'Lituania', 'Litouwen', 'Litwa', 'Lituânia', 'Litauen'],
  LU: ['Luxembourg', 'Luxembourg', 'Luxemburg', 'Luxemburgo', 'Lussemburgo', 'Luxemburg', 'Luksemburg', 'Luxemburgo', 'Luxemburg'],
  LV: ['Latvia', 'Lettonie', 'Lettland', 'Letonia', 'Lettonia', 'Letland', 'Łotwa', 'Letónia', 'Lettland'],
  MT: ['Malta', 'Malte', 'Malta', 'Malta', 'Malta', 'Malta', 'Malta', 'Malta', 'Malta'],
  NL: ['Netherlands', 'Pays-Bas', 'Niederlande', 'Países Bajos', 'Paesi Bassi', 'Nederland', 'Niderlandy', 'Países Baixos', 'Nederländerna'],
  PL: ['Poland', 'Pologne', 'Polen', 'Polonia', 'Polonia', 'Polen', 'Polska', 'Polónia', 'Polen'],
  PT: ['Portugal', 'Portugal', 'Portugal', 'Portugal', 'Portogallo', 'Portugal', 'Portugalia', 'Portugal', 'Portugal'],
  RO: ['Romania', 'Roumanie', 'Rumänien', 'Rumanía', 'Romania', 'Roemenië', 'Rumunia', 'Roménia', 'Rumänien'],
  SE: ['Sweden', 'Suède', 'Schweden', 'Suecia', 'Svezia', 'Zweden', 'Szwecja', 'Suécia', 'Sverige'],
  SI: ['Slovenia', 'Slovénie', 'Slowenien', 'Eslovenia', 'Slovenia', 'Slovenië', 'Słowenia', 'Eslovénia', 'Slovenien'],
  SK: ['Slovakia', 'Slovaquie', 'Slowakei', 'Eslovaquia', 'Slovacchia', 'Slowakije', 'Słowacja', 'Eslováquia', 'Slovakien'],
};

/**
 * What else a country is called: its name in its own language(s), short and
 * long forms, and the demonym or adjective in English, French and German
 * ("German", "allemand", "deutsch"), which people type for the country.
 */
const COUNTRY_ALIASES: Readonly<Record<(typeof EU_COUNTRIES)[number], readonly string[]>> = {
  AT: ['Österreich', 'Austrian', 'autrichien', 'österreichisch'],
  BE: ['België', 'Belgique', 'Belgien', 'Belgian', 'belge', 'belgisch'],
  BG: ['България', 'Balgariya', 'Bulgarian', 'bulgare', 'bulgarisch'],
  CY: ['Κύπρος', 'Kypros', 'Kıbrıs', 'Cypriot', 'chypriote', 'zyprisch'],
  CZ: ['Česko', 'Česká republika', 'Czech Republic', 'Czech', 'tchèque', 'tschechisch'],
  DE: ['Deutschland', 'Bundesrepublik Deutschland', 'German', 'allemand', 'deutsch'],
  DK: ['Danmark', 'Danish', 'danois', 'dänisch'],
  EE: ['Eesti', 'Estonian', 'estonien', 'estnisch'],
  ES: ['España', 'Spanish', 'espagnol', 'spanisch'],
  FI: ['Suomi', 'Finnish', 'finlandais', 'finnisch'],
  FR: ['France', 'French', 'français', 'französisch'],
  GR: ['Ελλάδα', 'Ellada', 'Hellas', 'Greek', 'grec', 'griechisch'],
  HR: ['Hrvatska', 'Croatian', 'croate', 'kroatisch'],
  HU: ['Magyarország', 'Hungarian', 'hongrois', 'ungarisch'],
  IE: ['Éire', 'Irish', 'irlandais', 'irisch'],
  IT: ['Italia', 'Italian', 'italien', 'italienisch'],
  LT: ['Lietuva', 'Lithuanian', 'lituanien', 'litauisch'],
  LU: ['Lëtzebuerg', 'Luxembourgish', 'luxembourgeois', 'luxemburgisch'],
  LV: ['Latvija', 'Latvian', 'letton', 'lettisch'],
  MT: ['Maltese', 'maltais', 'maltesisch'],
  NL: ['the Netherlands', 'Holland', 'Nederland', 'Dutch', 'néerlandais', 'niederländisch'],
  PL: ['Polska', 'Polish', 'polonais', 'polnisch'],
  PT: ['Portuguese', 'portugais', 'portugiesisch'],
  RO: ['România', 'Romanian', 'roumain', 'rumänisch'],
  SE: ['Sverige', 'Swedish', 'suédois', 'schwedisch'],
  SI: ['Slovenija', 'Slovenian', 'slovène', 'slowenisch'],
  SK: ['Slovensko', 'Slovak', 'slovaque', 'slowakisch'],
};

/** The name of a member state in one of the corpus's languages (English when the language has none). */
export function countryNameIn(code: string, language: string): string | undefined {
  const row = (COUNTRY_ROWS as Record<string, CountryRow | undefined>)[code];
  if (!row) return undefined;
  const index = (CORPUS_LANGUAGES as readonly string[]).indexOf(language);
  return row[index >= 0 ? index : 0];
}

/** Every name a member state goes by: its nine corpus names and its aliases. */
export function countryNames(code: string): readonly string[] {
  const row = (COUNTRY_ROWS as Record<string, CountryRow | undefined>)[code] ?? [];
  return [...new Set([...row, ...((COUNTRY_ALIASES as Record<string, readonly string[] | undefined>)[code] ?? [])])];
}

/** How names are compared: lower case, accents and apostrophes gone, blanks and hyphens one space. */
export function vocabularyKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function index(entries: Iterable<[value: string, names: readonly string[]]>): ReadonlyMap<string, string> {
  const byKey = new Map<string, string>();
  for (const [value, names] of entries) {
    byKey.set(vocabularyKey(value), value);
    for (const name of names) if (!byKey.has(vocabularyKey(name))) byKey.set(vocabularyKey(name), value);
  }
  return byKey;
}

const COUNTRY_BY_NAME = index(EU_COUNTRIES.map((code) => [code, countryNames(code)]));
const THEME_BY_NAME = index(THEMES.map((theme) => [theme, Object.values(THEME_NAMES[theme]).flatMap((names) => names ?? [])]));
const DOCUMENT_TYPE_BY_NAME = index(DOCUMENT_TYPES.map((type) => [type, Object.values(DOCUMENT_TYPE_NAMES[type]).flatMap((names) => names ?? [])]));

/** The country code a code or name in any language stands for ("Allemagne", "deutsch", "de" → "DE"). */
export function resolveCountry(value: string): string | undefined {
  if (/^[a-z]{2}$/i.test(value) && (EU_COUNTRIES as readonly string[]).includes(value.toUpperCase())) return value.toUpperCase();
  return COUNTRY_BY_NAME.get(vocabularyKey(value));
}

/** The theme slug a slug or theme name in any language stands for ("Familiennachzug" → "family-reunification"). */
export function resolveTheme(value: string): string | undefined {
  return THEME_BY_NAME.get(vocabularyKey(value)) ?? THEME_BY_NAME.get(vocabularyKey(value.replace(/-/g, ' ')));
}

/** The document type a type or its name in any language stands for ("Bericht" → "report"). */
export function resolveDocumentType(value: string): string | undefined {
  return DOCUMENT_TYPE_BY_NAME.get(vocabularyKey(value)) ?? DOCUMENT_TYPE_BY_NAME.get(vocabularyKey(value.replace(/-/g, ' ')));
}

/** Every name of every theme, with its slug and language (what concept matching and suggestions read). */
export function themeNameEntries(): Array<{ theme: string; language: string; name: string }> {
  return THEMES.flatMap((theme) => Object.entries(THEME_NAMES[theme]).flatMap(([language, names]) => (names ?? []).map((name) => ({ theme, language, name }))));
}

/** Edit distance (Levenshtein, with a transposition counted as one edit), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The valid values closest to what was typed, nearest first: candidates are
 * values with the names they go by; a name that starts with the typed text
 * counts as near. At most `max`, and never nothing when there are values.
 */
export function closestValues(typed: string, candidates: ReadonlyArray<{ value: string; names: readonly string[] }>, max = 3): string[] {
  const key = vocabularyKey(typed);
  const scored = candidates.map(({ value, names }) => {
    const distances = [value, ...names].map((name) => {
      const other = vocabularyKey(name);
      if (key.length >= 2 && other.startsWith(key)) return 0.5;
      return editDistance(key, other) / Math.max(1, Math.min(key.length, other.length));
    });
    return { value, distance: Math.min(...distances) };
  });
  return scored
    .sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value))
    .slice(0, max)
    .map((entry) => entry.value);
}

/** The EU's official languages besides the corpus's: a lang: filter may name them. */
export const OTHER_EU_LANGUAGES = ['bg', 'cs', 'da', 'el', 'et', 'fi', 'ga', 'hr', 'hu', 'lt', 'lv', 'mt', 'ro', 'sk', 'sl'] as const;

/** The corpus's languages by name in English, French, German and their own. */
const LANGUAGE_NAMES: Readonly<Record<CorpusLanguage, readonly string[]>> = {
  en: ['English', 'anglais', 'Englisch'], fr: ['French', 'français', 'Französisch'], de: ['German', 'allemand', 'Deutsch'],
  es: ['Spanish', 'espagnol', 'Spanisch', 'español'], it: ['Italian', 'italien', 'Italienisch', 'italiano'], nl: ['Dutch', 'néerlandais', 'Niederländisch', 'Nederlands'],
  pl: ['Polish', 'polonais', 'Polnisch', 'polski'], pt: ['Portuguese', 'portugais', 'Portugiesisch', 'português'], sv: ['Swedish', 'suédois', 'Schwedisch', 'svenska'],
};
const LANGUAGE_BY_NAME = index(CORPUS_LANGUAGES.map((code) => [code, LANGUAGE_NAMES[code]]));

/** The language code a code or language name stands for ("Deutsch" → "de"); EU languages outside the corpus by code. */
export function resolveLanguage(value: string): string | undefined {
  const lower = value.toLowerCase();
  if ((CORPUS_LANGUAGES as readonly string[]).includes(lower) || (OTHER_EU_LANGUAGES as readonly string[]).includes(lower)) return lower;
  return LANGUAGE_BY_NAME.get(vocabularyKey(value));
}

/** Candidates for closestValues, per filter. */
export const FILTER_CANDIDATES = {
  country: EU_COUNTRIES.map((code) => ({ value: code, names: countryNames(code) })),
  theme: THEMES.map((theme) => ({ value: theme, names: Object.values(THEME_NAMES[theme]).flatMap((names) => names ?? []) })),
  documentType: DOCUMENT_TYPES.map((type) => ({ value: type, names: Object.values(DOCUMENT_TYPE_NAMES[type]).flatMap((names) => names ?? []) })),
  language: CORPUS_LANGUAGES.map((code) => ({ value: code, names: LANGUAGE_NAMES[code] })),
} as const;
