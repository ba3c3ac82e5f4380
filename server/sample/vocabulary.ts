// Curated phrases for the sample corpus: the subjects, places and names the
// EWSI really deals with, in the site's languages and some national ones.
import type { DOCUMENT_TYPES } from '../../shared/content';

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'pt', 'sv'] as const;
export type SampleLanguage = (typeof LANGUAGES)[number];

export interface CountryInfo {
  name: string;
  language: SampleLanguage;
  cities: readonly string[];
}

export const COUNTRIES: Record<string, CountryInfo> = {
  AT: { name: 'Austria', language: 'de', cities: ['Wien', 'Graz', 'Linz'] },
  BE: { name: 'Belgium', language: 'fr', cities: ['Bruxelles', 'Antwerpen', 'Liège'] },
  BG: { name: 'Bulgaria', language: 'en', cities: ['Sofia', 'Plovdiv'] },
  CY: { name: 'Cyprus', language: 'en', cities: ['Nicosia', 'Limassol'] },
  CZ: { name: 'Czechia', language: 'en', cities: ['Praha', 'Brno'] },
  DE: { name: 'Germany', language: 'de', cities: ['Berlin', 'München', 'Köln', 'Hamburg'] },
  DK: { name: 'Denmark', language: 'en', cities: ['København', 'Aarhus'] },
  EE: { name: 'Estonia', language: 'en', cities: ['Tallinn', 'Tartu'] },
  ES: { name: 'Spain', language: 'es', cities: ['Madrid', 'Barcelona', 'València', 'Málaga'] },
  FI: { name: 'Finland', language: 'sv', cities: ['Helsinki', 'Tampere'] },
  FR: { name: 'France', language: 'fr', cities: ['Paris', 'Lyon', 'Marseille', 'Lille'] },
  GR: { name: 'Greece', language: 'en', cities: ['Athína', 'Thessaloníki'] },
  HR: { name: 'Croatia', language: 'en', cities: ['Zagreb', 'Split'] },
  HU: { name: 'Hungary', language: 'en', cities: ['Budapest', 'Debrecen'] },
  IE: { name: 'Ireland', language: 'en', cities: ['Dublin', 'Cork'] },
  IT: { name: 'Italy', language: 'it', cities: ['Roma', 'Milano', 'Torino', 'Palermo'] },
  LT: { name: 'Lithuania', language: 'en', cities: ['Vilnius', 'Kaunas'] },
  LU: { name: 'Luxembourg', language: 'fr', cities: ['Luxembourg', 'Esch-sur-Alzette'] },
  LV: { name: 'Latvia', language: 'en', cities: ['Rīga', 'Daugavpils'] },
  MT: { name: 'Malta', language: 'en', cities: ['Valletta', 'Birkirkara'] },
  NL: { name: 'Netherlands', language: 'nl', cities: ['Amsterdam', 'Rotterdam', 'Utrecht'] },
  PL: { name: 'Poland', language: 'pl', cities: ['Warszawa', 'Kraków', 'Wrocław'] },
  PT: { name: 'Portugal', language: 'pt', cities: ['Lisboa', 'Porto'] },
  RO: { name: 'Romania', language: 'en', cities: ['București', 'Cluj-Napoca'] },
  SE: { name: 'Sweden', language: 'sv', cities: ['Stockholm', 'Göteborg', 'Malmö'] },
  SI: { name: 'Slovenia', language: 'en', cities: ['Ljubljana', 'Maribor'] },
  SK: { name: 'Slovakia', language: 'en', cities: ['Bratislava', 'Košice'] },
};

/** A subject of integration work, its theme, and how each language names it. */
export interface Topic {
  theme: string;
  names: Record<SampleLanguage, string>;
}

export const TOPICS: readonly Topic[] = [
  {
    theme: 'employment',
    names: {
      en: 'labour-market integration of migrants', fr: "l'intégration des migrants sur le marché du travail", de: 'Arbeitsmarktintegration von Zugewanderten',
      es: 'la integración laboral de los inmigrantes', it: "l'integrazione lavorativa dei migranti", nl: 'arbeidsmarktintegratie van migranten',
      pl: 'integracja migrantów na rynku pracy', pt: 'a integração dos migrantes no mercado de trabalho', sv: 'nyanländas etablering på arbetsmarknaden',
    },
  },
  {
    theme: 'language-learning',
    names: {
      en: 'language courses for newcomers', fr: 'cours de langue pour les primo-arrivants', de: 'Sprachkurse für Neuzugewanderte',
      es: 'cursos de idiomas para recién llegados', it: 'corsi di lingua per i nuovi arrivati', nl: 'taalcursussen voor nieuwkomers',
      pl: 'kursy językowe dla nowo przybyłych', pt: 'cursos de língua para recém-chegados', sv: 'svenskundervisning för nyanlända',
    },
  },
  {
    theme: 'housing',
    names: {
      en: 'access to affordable housing', fr: 'accès au logement abordable', de: 'Zugang zu bezahlbarem Wohnraum',
      es: 'acceso a una vivienda asequible', it: "accesso all'edilizia abitativa", nl: 'toegang tot betaalbare huisvesting',
      pl: 'dostęp do przystępnych mieszkań', pt: 'acesso à habitação acessível', sv: 'tillgång till bostäder',
    },
  },
  {
    theme: 'health',
    names: {
      en: 'health care for migrants and refugees', fr: 'santé des migrants et des réfugiés', de: 'Gesundheitsversorgung für Geflüchtete',
      es: 'atención sanitaria para migrantes', it: 'assistenza sanitaria per i migranti', nl: 'gezondheidszorg voor migranten',
      pl: 'opieka zdrowotna dla migrantów', pt: 'cuidados de saúde para migrantes', sv: 'hälso- och sjukvård för migranter',
    },
  },
  {
    theme: 'education',
    names: {
      en: 'schooling of migrant children', fr: "scolarisation des enfants issus de l'immigration", de: 'Schulbildung für Kinder mit Migrationsgeschichte',
      es: 'escolarización de niños inmigrantes', it: 'istruzione dei minori stranieri', nl: 'onderwijs voor kinderen van nieuwkomers',
      pl: 'edukacja dzieci cudzoziemców', pt: 'escolarização de crianças migrantes', sv: 'skolgång för nyanlända barn',
    },
  },
  {
    theme: 'civic-participation',
    names: {
      en: 'civic participation and integration councils', fr: 'participation civique et conseils consultatifs', de: 'Integrationskurse und die Rolle der Ausländerbehörden',
      es: 'participación cívica de los extranjeros', it: 'partecipazione civica dei cittadini stranieri', nl: 'burgerparticipatie en inburgering',
      pl: 'partycypacja obywatelska cudzoziemców', pt: 'participação cívica dos imigrantes', sv: 'medborgerligt deltagande',
    },
  },
  {
    theme: 'anti-discrimination',
    names: {
      en: 'fighting discrimination in recruitment', fr: "lutte contre les discriminations à l'embauche", de: 'Bekämpfung von Diskriminierung gegenüber Ausländern',
      es: 'lucha contra la discriminación', it: 'contrasto alla discriminazione', nl: 'bestrijding van discriminatie op de arbeidsmarkt',
      pl: 'przeciwdziałanie dyskryminacji', pt: 'combate à discriminação', sv: 'arbete mot diskriminering',
    },
  },
  {
    theme: 'family-reunification',
    names: {
      en: 'family reunification procedures', fr: 'procédures de regroupement familial', de: 'Verfahren zum Familiennachzug',
      es: 'procedimientos de reagrupación familiar', it: 'procedure di ricongiungimento familiare', nl: 'procedures voor gezinshereniging',
      pl: 'procedury łączenia rodzin', pt: 'procedimentos de reagrupamento familiar', sv: 'familjeåterförening',
    },
  },
  {
    theme: 'citizenship',
    names: {
      en: 'naturalisation and citizenship tests', fr: 'naturalisation et tests de citoyenneté', de: 'Einbürgerung und Einbürgerungstests',
      es: 'naturalización y nacionalidad', it: 'cittadinanza e naturalizzazione', nl: 'naturalisatie en het inburgeringsexamen',
      pl: 'naturalizacja i obywatelstwo', pt: 'naturalização e cidadania', sv: 'medborgarskap och naturalisation',
    },
  },
  {
    theme: 'refugees',
    names: {
      en: 'reception and integration of refugees', fr: "accueil et intégration des réfugiés", de: 'Aufnahme und Integration von Geflüchteten',
      es: 'acogida e integración de refugiados', it: 'accoglienza e integrazione dei rifugiati', nl: 'opvang en integratie van vluchtelingen',
      pl: 'przyjmowanie i integracja uchodźców', pt: 'acolhimento e integração de refugiados', sv: 'mottagande och integration av flyktingar',
    },
  },
  {
    theme: 'youth',
    names: {
      en: 'unaccompanied minors and young migrants', fr: 'mineurs non accompagnés et jeunes migrants', de: 'unbegleitete Minderjährige und junge Zugewanderte',
      es: 'menores no acompañados y jóvenes migrantes', it: 'minori stranieri non accompagnati', nl: 'alleenstaande minderjarigen',
      pl: 'małoletni bez opieki', pt: 'menores não acompanhados', sv: 'ensamkommande barn och unga',
    },
  },
  {
    theme: 'women',
    names: {
      en: 'empowerment of migrant women', fr: "autonomisation des femmes migrantes", de: 'Stärkung zugewanderter Frauen',
      es: 'empoderamiento de las mujeres migrantes', it: 'empowerment delle donne migranti', nl: 'empowerment van migrantenvrouwen',
      pl: 'wsparcie kobiet migrantek', pt: 'capacitação das mulheres migrantes', sv: 'stöd till utrikesfödda kvinnor',
    },
  },
];

export const DOCUMENT_TYPE_LABELS: Record<'en' | 'fr' | 'de', Record<(typeof DOCUMENT_TYPES)[number], string>> = {
  en: { legislation: 'Act on', 'policy-document': 'National action plan on', report: 'Annual report on', study: 'Study on', 'impact-assessment': 'Impact assessment of measures on', evaluation: 'Evaluation of programmes on', article: 'Article:', other: 'Guide to' },
  fr: { legislation: 'Loi relative à', 'policy-document': "Plan d'action national sur", report: 'Rapport annuel sur', study: 'Étude sur', 'impact-assessment': "Analyse d'impact des mesures sur", evaluation: 'Évaluation des programmes sur', article: 'Article :', other: 'Guide sur' },
  de: { legislation: 'Gesetz über', 'policy-document': 'Nationaler Aktionsplan zur', report: 'Jahresbericht zur', study: 'Studie zur', 'impact-assessment': 'Folgenabschätzung zur', evaluation: 'Evaluation der Programme zur', article: 'Beitrag:', other: 'Leitfaden zur' },
};

/** Sentences with {topic}, {country} and {city}; English, French, German and Spanish. */
export const SENTENCES: Record<'en' | 'fr' | 'de' | 'es', readonly string[]> = {
  en: [
    'This document examines {topic} in {country}, drawing on data collected by regional authorities and civil society organisations.',
    'Local authorities in {city} report that early access to counselling shortens the time newcomers need to find stable employment.',
    'Stakeholders stress that recognition of foreign qualifications remains slow and fragmented across regions.',
    'The national contact point on integration coordinated the consultation with migrant associations and social partners.',
    'Results show that combining language tuition with work placements improves outcomes for third-country nationals.',
    'Funding from the Asylum, Migration and Integration Fund supported pilot projects in several municipalities.',
    'Evaluators recommend clearer indicators so that successes and failures can be compared between programmes.',
    'Municipalities call for stable multi-annual funding instead of short project cycles.',
  ],
  fr: [
    "Ce document examine {topic} en {country}, à partir de données recueillies par les autorités régionales et la société civile.",
    "Les services de {city} constatent qu'un accompagnement précoce réduit le temps nécessaire pour trouver un emploi stable.",
    "Les acteurs soulignent que la reconnaissance des diplômes étrangers reste lente et inégale selon les régions.",
    "Le point de contact national sur l'intégration a coordonné la consultation avec les associations de migrants.",
    "Les résultats montrent que l'association de cours de langue et de stages améliore l'intégration des ressortissants de pays tiers.",
  ],
  de: [
    'Dieses Dokument untersucht {topic} in {country} auf der Grundlage von Daten der Länder und zivilgesellschaftlicher Organisationen.',
    'Die Kommunen in {city} berichten, dass eine frühe Beratung Ausländerinnen und Ausländern den Weg in stabile Beschäftigung verkürzt.',
    'Die Anerkennung ausländischer Berufsabschlüsse bleibt nach Einschätzung der Beteiligten langwierig.',
    'Die nationale Kontaktstelle für Integration hat die Anhörung der Migrantenorganisationen koordiniert.',
    'Die Ergebnisse zeigen, dass Sprachförderung in Verbindung mit Praktika die Integration in den Arbeitsmarkt verbessert.',
  ],
  es: [
    'Este documento analiza {topic} en {country} a partir de datos de las comunidades autónomas y de las organizaciones sociales.',
    'Los ayuntamientos de {city} señalan que la orientación temprana facilita la integración de las personas recién llegadas.',
    'Las entidades destacan que la homologación de títulos extranjeros sigue siendo lenta.',
    'Los resultados muestran que la integración mejora cuando los cursos de idioma se combinan con prácticas laborales.',
  ],
};

export const FIRST_NAMES = ['Ana', 'Jonas', 'Fatima', 'Marek', 'Sofia', 'Youssef', 'Eleni', 'Lukas', 'Amina', 'Pieter', 'Chiara', 'Mihai', 'Ingrid', 'Omar', 'Zofia', 'Dmitri', 'Léa', 'João', 'Aoife', 'Kristjan'];
export const LAST_NAMES = ['Silva', 'Müller', 'Haddad', 'Nowak', 'Rossi', 'El Amrani', 'Papadopoulou', 'Schmidt', 'Diallo', 'de Vries', 'Bianchi', 'Popescu', 'Andersson', 'Benali', 'Kowalska', 'Ivanov', 'Dubois', 'Santos', "O'Brien", 'Tamm'];
export const ORGANISATIONS = [
  'Caritas', 'Red Cross', 'Migrant Integration Centre', 'City Council', 'Chamber of Commerce', 'Refugee Council', 'Integration Office',
  'University Migration Lab', 'Trade Union Confederation', 'Women in Integration Network', 'Youth Mentoring Association', 'Welcome Centre',
];
export const LINK_CATEGORIES = ['government', 'ngo', 'research', 'eu-institution', 'media', 'network'];
export const FUNDING_PROGRAMMES: ReadonlyArray<{ programme: string; funderType: 'eu' | 'national' | 'private-foundation' }> = [
  { programme: 'Asylum, Migration and Integration Fund (AMIF)', funderType: 'eu' },
  { programme: 'European Social Fund Plus (ESF+)', funderType: 'eu' },
  { programme: 'Erasmus+', funderType: 'eu' },
  { programme: 'Citizens, Equality, Rights and Values (CERV)', funderType: 'eu' },
  { programme: 'National integration fund', funderType: 'national' },
  { programme: 'Regional programme for social cohesion', funderType: 'national' },
  { programme: 'Foundation grant for inclusive communities', funderType: 'private-foundation' },
];
export const FORUMS: ReadonlyArray<{ id: string; title: string; theme: string }> = [
  { id: 'forum-employment', title: 'Employment and skills', theme: 'employment' },
  { id: 'forum-education', title: 'Education and language learning', theme: 'education' },
  { id: 'forum-health', title: 'Health and social services', theme: 'health' },
  { id: 'forum-housing', title: 'Housing and local integration', theme: 'housing' },
  { id: 'forum-participation', title: 'Participation and anti-discrimination', theme: 'civic-participation' },
  { id: 'forum-general', title: 'General discussion', theme: 'social-inclusion' },
];
export const SECTION_TITLES: Record<string, string> = {
  strategy: 'Integration strategy',
  programmes: 'Integration programmes',
  legislation: 'Legislation',
  governance: 'Governance and stakeholders',
  evaluation: 'Evaluation',
  funding: 'Funding',
};
