// Country sheets, good practices, links, funding calls, news and events.
// Country sheets, links, calls and events are in English, as the site has
// them; good practices and news are often in the country's own language.
import { COUNTRY_SHEET_SECTIONS, EU_COUNTRIES, ORGANISATION_TYPES, type ContentInput } from '../../shared/content';
import { EN_BODIES } from './language/bodies';
import { EN_TOPICS } from './language/en-words';
import { PACKS } from './language';
import type { ProseKind, Scene } from './language/types';
import { nationalOf } from './national-instruments';
import { bareCountryName, city, country, englishCountryName, type Lang } from './places';
import { emailOf, personName, publisherOf } from './people';
import { Random } from './random';
import { languageFor, sceneFor } from './scene';
import { TOPICS, TOPIC_THEME } from './topics';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY = 86_400_000;
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (scene: Scene, lang: Lang, kinds: readonly ProseKind[], count: number) =>
  Array.from({ length: count }, () => `<p>${escapeHtml(Array.from({ length: scene.rnd.int(2, 4) }, () => PACKS[lang].sentence(scene.rnd.pick(kinds), scene)).join(' '))}</p>`).join('\n');

const SECTION_TITLES: Record<string, string> = {
  strategy: 'Integration strategy', programmes: 'Integration programmes', legislation: 'Legislation', governance: 'Governance and stakeholders', evaluation: 'Evaluation', funding: 'Funding',
};
const SECTION_PROSE: Record<string, readonly ProseKind[]> = {
  strategy: ['context', 'recommendation', 'conclusion'], programmes: ['context', 'data', 'finding'], legislation: ['legal', 'legal', 'context'],
  governance: ['context', 'finding'], evaluation: ['finding', 'data', 'conclusion'], funding: ['data', 'recommendation'],
};

export function buildCountrySheet(seed: number, now: number, index: number): ContentInput<'country-sheet'> {
  const code = EU_COUNTRIES[index]!;
  const rnd = Random.derive(seed, 'country-sheet', index);
  const national = nationalOf(code);
  return {
    id: `country-${code}`,
    language: 'en',
    countries: [code],
    themes: rnd.pickSome(TOPICS.map((t) => TOPIC_THEME[t]), 2, 4),
    country: code,
    title: `${englishCountryName(code)}: country information sheet`,
    sections: COUNTRY_SHEET_SECTIONS.map((key, s) => {
      const scene = sceneFor(rnd, { country: code, kind: 'report', year: 2026 });
      // The legislation section walks through the country's own instruments by name.
      if (key === 'legislation' && national.length) scene.national = national[s % national.length];
      const names = key === 'legislation' ? national.map((n) => `<li>${escapeHtml(n.title)}</li>`).join('') : '';
      return {
        key,
        title: SECTION_TITLES[key]!,
        body: `${paragraphs(scene, 'en', SECTION_PROSE[key]!, rnd.int(2, 4))}${names ? `\n<ul>${names}</ul>` : ''}`,
        updatedAt: new Date(now - (index * 997 + s * 1440 + 60) * 60_000).toISOString(),
        programmeKind: key === 'programmes' ? rnd.pick(['voluntary', 'mandatory', 'mixed'] as const) : null,
      };
    }),
  };
}

/** Names practitioners give their projects, in each language, quoted as that language quotes. */
const PROJECT_NAMES: Record<Lang, { names: readonly string[]; open: string; close: string }> = {
  en: { names: ['Welcome', 'Bridges', 'Open Doors', 'New Neighbours', 'First Steps', 'Together', 'Fresh Start', 'Roots and Wings'], open: '“', close: '”' },
  fr: { names: ['Bienvenue', 'Passerelles', 'Portes ouvertes', 'Nouveaux voisins', 'Premiers pas', 'Ensemble', 'Nouveau départ', 'Tremplin'], open: '« ', close: ' »' },
  de: { names: ['Willkommen', 'Brücken bauen', 'Offene Türen', 'Neue Nachbarn', 'Erste Schritte', 'Gemeinsam', 'Neustart', 'Ankommen'], open: '„', close: '“' },
  es: { names: ['Bienvenida', 'Puentes', 'Puertas abiertas', 'Nuevos vecinos', 'Primeros pasos', 'Juntos'], open: '«', close: '»' },
  it: { names: ['Benvenuti', 'Ponti', 'Porte aperte', 'Nuovi vicini', 'Primi passi', 'Insieme'], open: '«', close: '»' },
  nl: { names: ['Welkom', 'Bruggen', 'Open deuren', 'Nieuwe buren', 'Eerste stappen', 'Samen'], open: '‘', close: '’' },
  pl: { names: ['Witajcie', 'Mosty', 'Otwarte drzwi', 'Nowi sąsiedzi', 'Pierwsze kroki', 'Razem'], open: '„', close: '”' },
  pt: { names: ['Bem-vindos', 'Pontes', 'Portas abertas', 'Novos vizinhos', 'Primeiros passos', 'Juntos'], open: '«', close: '»' },
  sv: { names: ['Välkommen', 'Broar', 'Öppna dörrar', 'Nya grannar', 'Första stegen', 'Tillsammans'], open: '”', close: '”' },
};

export function planGoodPractice(seed: number, index: number, attempt: number): { scene: Scene; lang: Lang; title: string } {
  const rnd = Random.derive(seed, `good-practice#${attempt}`, index);
  const code = rnd.pick(EU_COUNTRIES);
  const lang = languageFor(rnd, code);
  const scene = sceneFor(rnd, { country: code, kind: 'other' });
  const project = PROJECT_NAMES[lang];
  const name = `${rnd.pick(project.names)} ${city(lang, code, scene.city).name}`;
  // French sets a space before the colon.
  return { scene, lang, title: `${project.open}${name}${project.close}${lang === 'fr' ? ' :' : ':'} ${PACKS[lang].item(scene).replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())}` };
}

export function buildGoodPractice(seed: number, now: number, index: number, plan: ReturnType<typeof planGoodPractice>): ContentInput<'good-practice'> {
  const rnd = Random.derive(seed, 'good-practice-facts', index);
  const scene = { ...plan.scene, rnd };
  const pack = PACKS[plan.lang];
  const regular = rnd.chance(0.3);
  const start = -rnd.int(60, 3000);
  const contact = personName(rnd);
  const date = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  return {
    id: `gp-${pad(index + 1, 5)}`,
    language: plan.lang,
    countries: [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    title: plan.title,
    startDate: date(start),
    endDate: regular ? null : date(start + rnd.int(90, 1500)),
    regularService: regular,
    country: scene.country,
    cityArea: city(plan.lang, scene.country, scene.city).name,
    summary: [pack.sentence('intro', scene), pack.sentence('finding', scene)].join(' '),
    challengeAndGoals: paragraphs(scene, plan.lang, ['context', 'finding'], 1),
    howItWorks: paragraphs(scene, plan.lang, ['context', 'recommendation'], rnd.int(1, 2)),
    results: paragraphs(scene, plan.lang, ['data', 'finding'], 1),
    targetGroupOpinion: paragraphs(scene, plan.lang, ['voice'], 1),
    evaluation: { type: rnd.pick(['internal', 'external', 'both', 'none'] as const), indicators: pack.item(scene), successes: pack.sentence('finding', scene), failures: pack.sentence('finding', scene) },
    targetGroups: rnd.pickSome(['refugees', 'women', 'young people', 'unaccompanied minors', 'newly arrived migrants', 'long-term residents'], 1, 3),
    peopleReached: rnd.chance(0.8) ? rnd.int(20, 5000) : null,
    fundingSource: rnd.pick(['Asylum, Migration and Integration Fund (AMIF)', 'European Social Fund Plus (ESF+)', 'Municipal budget', 'Private foundation']),
    resources: `${rnd.int(1, 12)} staff, ${rnd.int(0, 40)} volunteers, annual budget EUR ${rnd.int(20, 900)}k`,
    organisation: { name: publisherOf(rnd, plan.lang, scene.country, scene.city), type: rnd.pick(ORGANISATION_TYPES), website: `https://${scene.country.toLowerCase()}.example.org/gp-${index + 1}` },
    contact: { name: contact, email: emailOf(contact), phone: `+${rnd.int(30, 49)} ${rnd.int(100, 999)} ${rnd.int(100000, 999999)}` },
  };
}

export function planLink(seed: number, index: number, attempt: number): { scene: Scene; title: string; body: string } {
  const rnd = Random.derive(seed, `link#${attempt}`, index);
  const scene = sceneFor(rnd, { country: rnd.pick(EU_COUNTRIES), kind: 'other', year: 2026 });
  const body = rnd.pick(EN_BODIES[scene.country] ?? ['the Ministry of the Interior']).replace(/^the /, '');
  const words = EN_TOPICS[scene.topic];
  const what = rnd.pick(['information on', 'guidance on', 'online services for', 'statistics on', 'questions and answers on']);
  const extra = attempt > 3 ? ` for ${rnd.pick(words.groups)}` : '';
  return { scene, body, title: `${body[0]!.toUpperCase()}${body.slice(1)}: ${what} ${rnd.pick(words.names)}${extra}` };
}

export function buildLink(seed: number, index: number, plan: ReturnType<typeof planLink>): ContentInput<'link'> {
  const rnd = Random.derive(seed, 'link-facts', index);
  const scene = { ...plan.scene, rnd };
  return {
    id: `link-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    url: `https://www.${scene.country.toLowerCase()}-integration.example.org/${TOPIC_THEME[scene.topic]}/${index + 1}`,
    title: plan.title,
    description: [PACKS.en.sentence('context', scene), PACKS.en.sentence('legal', scene)].join(' '),
    category: rnd.pick(['government', 'ngo', 'research', 'eu-institution', 'media', 'network']),
  };
}

const CALLS: ReadonlyArray<{ programme: string; short: string; funderType: 'eu' | 'national' | 'private-foundation' }> = [
  { programme: 'Asylum, Migration and Integration Fund (AMIF)', short: 'AMIF', funderType: 'eu' },
  { programme: 'European Social Fund Plus (ESF+)', short: 'ESF+', funderType: 'eu' },
  { programme: 'Erasmus+', short: 'Erasmus+', funderType: 'eu' },
  { programme: 'Citizens, Equality, Rights and Values (CERV)', short: 'CERV', funderType: 'eu' },
  { programme: 'National integration fund', short: 'National integration fund', funderType: 'national' },
  { programme: 'Regional programme for social cohesion', short: 'Regional cohesion programme', funderType: 'national' },
  { programme: 'Foundation grant for inclusive communities', short: 'Inclusive communities grant', funderType: 'private-foundation' },
];

export function planFunding(seed: number, index: number, attempt: number): { scene: Scene; call: (typeof CALLS)[number]; title: string } {
  const rnd = Random.derive(seed, `funding#${attempt}`, index);
  const scene = sceneFor(rnd, { country: rnd.pick(EU_COUNTRIES), kind: 'other', year: 2026 });
  const call = rnd.pick(CALLS);
  const where = call.funderType === 'eu' ? '' : ` ${country('en', scene.country).in}`;
  return { scene, call, title: `${call.short} call ${rnd.pick([2025, 2026, 2027])}: ${rnd.pick(EN_TOPICS[scene.topic].goals)}${where}` };
}

export function buildFunding(seed: number, now: number, index: number, plan: ReturnType<typeof planFunding>): ContentInput<'funding'> {
  const rnd = Random.derive(seed, 'funding-facts', index);
  const scene = { ...plan.scene, rnd };
  const max = rnd.int(5, 500) * 10_000;
  return {
    id: `funding-${pad(index + 1, 5)}`,
    language: 'en',
    countries: plan.call.funderType === 'eu' ? [] : [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    title: plan.title,
    programme: plan.call.programme,
    funderType: plan.call.funderType,
    deadline: rnd.chance(0.1) ? null : new Date(now + rnd.int(-60, 365) * DAY).toISOString().slice(0, 10),
    amount: { min: Math.round(max / 10), max, currency: 'EUR' },
    url: `https://funding.example.org/calls/${index + 1}`,
    description: paragraphs(scene, 'en', ['recommendation', 'context', 'legal'], 2),
  };
}

export function planNews(seed: number, index: number, attempt: number): { scene: Scene; lang: Lang; title: string } {
  const rnd = Random.derive(seed, `news#${attempt}`, index);
  const code = rnd.pick(EU_COUNTRIES);
  const lang = languageFor(rnd, code);
  const scene = sceneFor(rnd, { country: code, kind: 'article', year: 2026 - rnd.int(0, 4) });
  return { scene, lang, title: PACKS[lang].title(scene) };
}

export function buildNews(seed: number, now: number, index: number, plan: ReturnType<typeof planNews>): ContentInput<'news'> {
  const rnd = Random.derive(seed, 'news-facts', index);
  const scene = { ...plan.scene, rnd };
  return {
    id: `news-${pad(index + 1, 5)}`,
    language: plan.lang,
    countries: [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    title: plan.title,
    date: new Date(now - rnd.int(0, 1500) * DAY).toISOString().slice(0, 10),
    body: paragraphs(scene, plan.lang, ['finding', 'data', 'voice', 'context'], rnd.int(2, 4)),
  };
}

export function planEvent(seed: number, index: number, attempt: number): { scene: Scene; title: string } {
  const rnd = Random.derive(seed, `event#${attempt}`, index);
  const scene = sceneFor(rnd, { country: rnd.pick(EU_COUNTRIES), kind: 'article', year: 2026 });
  const words = EN_TOPICS[scene.topic];
  const format = rnd.pick(['Conference', 'Workshop', 'Webinar', 'Seminar', 'Peer-learning visit', 'Roundtable']);
  return { scene, title: `${format}: ${rnd.pick(words.names)} in ${city('en', scene.country, scene.city).name} (${rnd.pick(['spring', 'summer', 'autumn', 'winter'])} ${rnd.pick([2025, 2026, 2027])})` };
}

export function buildEvent(seed: number, now: number, index: number, plan: ReturnType<typeof planEvent>): ContentInput<'event'> {
  const rnd = Random.derive(seed, 'event-facts', index);
  const scene = { ...plan.scene, rnd };
  const start = rnd.int(-400, 300);
  const date = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  return {
    id: `event-${pad(index + 1, 5)}`,
    language: 'en',
    countries: [scene.country],
    themes: [TOPIC_THEME[scene.topic]],
    title: plan.title,
    startDate: date(start),
    endDate: date(start + rnd.int(0, 3)),
    place: `${city('en', scene.country, scene.city).name}, ${bareCountryName('en', scene.country).replace(/^the /, '')}`,
    body: paragraphs(scene, 'en', ['intro', 'context', 'recommendation'], 2),
    url: `https://events.example.org/${index + 1}`,
  };
}
