// German: report prose, titles and legal drafting, with the four cases,
// article and adjective declension, contractions (zum, zur, im, beim), verb
// second in main clauses and verb last after "dass", "wie" and "ob".
import { cite } from '../citations';
import { city, country } from '../places';
import { MEASURE_KINDS, type MeasureKind } from '../topics';
import { DE_TOPICS, type DeGender, type DeNoun } from './de-words';
import type { ArticleChange, LanguagePack, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts, type Measure } from './util';

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const num = (n: number) => grouped(n, '.', true);
const pct = (n: number) => `${n} Prozent`;

type Case = 'nom' | 'acc' | 'dat' | 'gen';
type Article = 'def' | 'indef' | 'none';
const DEF: Record<Case, Record<DeGender | 'pl', string>> = {
  nom: { m: 'der', f: 'die', n: 'das', pl: 'die' }, acc: { m: 'den', f: 'die', n: 'das', pl: 'die' },
  dat: { m: 'dem', f: 'der', n: 'dem', pl: 'den' }, gen: { m: 'des', f: 'der', n: 'des', pl: 'der' },
};
const INDEF: Record<Case, Record<DeGender, string>> = {
  nom: { m: 'ein', f: 'eine', n: 'ein' }, acc: { m: 'einen', f: 'eine', n: 'ein' }, dat: { m: 'einem', f: 'einer', n: 'einem' }, gen: { m: 'eines', f: 'einer', n: 'eines' },
};
/** The adjective ending after a definite article (weak), an indefinite one (mixed) or none (strong). */
function ending(article: Article, kase: Case, g: DeGender, plural: boolean): string {
  if (article === 'def') return plural || kase === 'dat' || kase === 'gen' || (kase === 'acc' && g === 'm') ? 'en' : 'e';
  if (plural) return { nom: 'e', acc: 'e', dat: 'en', gen: 'er' }[kase];
  if (article === 'indef' && (kase === 'nom' || kase === 'acc')) return g === 'm' ? (kase === 'nom' ? 'er' : 'en') : g === 'f' ? 'e' : 'es';
  if (article === 'indef') return 'en';
  const strong: Record<Case, Record<DeGender, string>> = { nom: { m: 'er', f: 'e', n: 'es' }, acc: { m: 'en', f: 'e', n: 'es' }, dat: { m: 'em', f: 'er', n: 'em' }, gen: { m: 'en', f: 'er', n: 'en' } };
  return strong[kase][g];
}
/** A noun phrase in a case, with or without its article. */
function np(noun: DeNoun, article: Article, kase: Case, plural = false): string {
  const text = (plural ? (kase === 'dat' ? noun.plDat : noun.pl) : kase === 'gen' ? noun.gen : noun.sg).replace(/~/g, ending(article, kase, noun.g, plural));
  if (article === 'none' || (article === 'indef' && plural)) return text;
  return `${article === 'def' ? DEF[kase][plural ? 'pl' : noun.g] : INDEF[kase][noun.g]} ${text}`;
}
/** A preposition before a dative phrase, contracted where German contracts (zu dem → zum, in dem → im). */
function prep(word: string, phrase: string): string {
  const contracted: Record<string, string> = { 'zu dem': 'zum', 'zu der': 'zur', 'in dem': 'im', 'an dem': 'am', 'bei dem': 'beim', 'von dem': 'vom' };
  const [article, ...rest] = phrase.split(' ');
  const short = contracted[`${word} ${article}`];
  return short ? `${short} ${rest.join(' ')}` : `${word} ${phrase}`;
}

interface Actor {
  nom: string;
  dat: string;
  plural: boolean;
}
const DE_BODIES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  DE: [['das Bundesamt für Migration und Flüchtlinge (BAMF)', 'dem Bundesamt für Migration und Flüchtlinge (BAMF)'], ['die Bundesagentur für Arbeit', 'der Bundesagentur für Arbeit'], ['die Ausländerbehörde', 'der Ausländerbehörde'], ['die Integrationsbeauftragte der Bundesregierung', 'der Integrationsbeauftragten der Bundesregierung']],
  AT: [['der Österreichische Integrationsfonds (ÖIF)', 'dem Österreichischen Integrationsfonds (ÖIF)'], ['das Bundesamt für Fremdenwesen und Asyl (BFA)', 'dem Bundesamt für Fremdenwesen und Asyl (BFA)'], ['das Arbeitsmarktservice (AMS)', 'dem Arbeitsmarktservice (AMS)']],
  FR: [['das Französische Amt für Einwanderung und Integration (OFII)', 'dem Französischen Amt für Einwanderung und Integration (OFII)']],
  NL: [['der Einwanderungs- und Einbürgerungsdienst (IND)', 'dem Einwanderungs- und Einbürgerungsdienst (IND)']],
  SE: [['das schwedische Migrationsamt', 'dem schwedischen Migrationsamt']],
};
const GENERIC_BODIES: ReadonlyArray<readonly [string, string]> = [['das Innenministerium', 'dem Innenministerium'], ['die nationale Migrationsbehörde', 'der nationalen Migrationsbehörde'], ['die öffentliche Arbeitsverwaltung', 'der öffentlichen Arbeitsverwaltung']];
const EU_BODIES: ReadonlyArray<readonly [string, string]> = [
  ['die Europäische Kommission', 'der Europäischen Kommission'], ['die Agentur der Europäischen Union für Grundrechte', 'der Agentur der Europäischen Union für Grundrechte'], ['Eurostat', 'Eurostat'],
  ['die Asylagentur der Europäischen Union (EUAA)', 'der Asylagentur der Europäischen Union (EUAA)'], ['das Europäische Migrationsnetzwerk', 'dem Europäischen Migrationsnetzwerk'], ['die OECD', 'der OECD'], ['das UNHCR', 'dem UNHCR'],
];
const FUNDS = ['dem Asyl-, Migrations- und Integrationsfonds (AMIF)', 'dem Europäischen Sozialfonds Plus (ESF+)', 'dem Europäischen Fonds für regionale Entwicklung', 'Erasmus+'];

const words = (s: Scene) => DE_TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const countryName = (s: Scene) => country('de', s.country).name;
const inCountry = (s: Scene) => country('de', s.country).in;
const cityName = (s: Scene, shift = 0) => city('de', s.country, s.city + shift).name;
const inCity = (s: Scene, shift = 0) => city('de', s.country, s.city + shift).in;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const measureAny = (s: Scene, ...kinds: MeasureKind[]): Measure<DeNoun> => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const measure = (s: Scene, ...kinds: MeasureKind[]): DeNoun => measureAny(s, ...kinds).forms;
const has = (s: Scene, kind: MeasureKind) => MEASURE_KINDS[s.topic].includes(kind);
const group = (s: Scene) => pick(s, words(s).groups);
const issue = (s: Scene) => pick(s, words(s).issues);
const issueAcc = (s: Scene) => issue(s)[0].replace(/^der Mangel/, 'den Mangel');
/** "aufgrund" with the genitive where the problem has an article, "aufgrund von" with the dative where it has none. */
function because(s: Scene): string {
  const dative = issue(s)[1];
  if (!/^(?:dem|den|der) /.test(dative)) return `aufgrund von ${dative}`;
  const genitive = dative
    .replace(/^dem Mangel/, 'des Mangels').replace(/^dem Verschwinden/, 'des Verschwindens').replace(/^dem abrupten Ende/, 'des abrupten Endes')
    .replace(/^dem Fehlen/, 'des Fehlens').replace(/^den /, 'der ');
  return `aufgrund ${genitive}`;
}
const outcome = (s: Scene) => pick(s, words(s).outcomes);
const topicName = (s: Scene) => pick(s, words(s).names);
const bodies = (s: Scene) => DE_BODIES[s.country] ?? GENERIC_BODIES;
/** The instrument with its article in a case: die/der Richtlinie …, der/dem Durchführungsbeschluss …. */
const theCitation = (s: Scene, kase: Case) => `${DEF[kase][s.eu.kind === 'implementing-decision' ? 'm' : 'f']} ${cite(s.eu, 'de')}`;
/** The national act: German ones by name in the case asked; others as „Gesetz ‚…‘“. */
function nationalIn(s: Scene, kase: 'nom' | 'dat' | 'gen'): string {
  const national = s.national;
  if (national?.lang === 'de') return national.forms[{ nom: 0, dat: 1, gen: 2 }[kase]]!;
  const head = { nom: 'das Gesetz', dat: 'dem Gesetz', gen: 'des Gesetzes' }[kase];
  return national ? `${head} „${national.short}“` : `${head} über den Aufenthalt von Ausländern`;
}
const transposable = (s: Scene) => s.eu.kind === 'directive';
const sinceNational = (s: Scene) => Math.min(s.year, (s.national ? Number(s.national.date.slice(0, 4)) : s.year - 12) + s.rnd.int(0, 3));
const territory = (s: Scene) => (s.country === 'DE' || s.country === 'AT' ? 'im Bundesgebiet' : 'im Inland');

function actor(s: Scene): Actor {
  const options: Array<() => Actor> = [
    () => {
      const [nom, dat] = pick(s, bodies(s));
      return { nom, dat, plural: false };
    },
    () => ({ nom: `die Stadt ${cityName(s, s.rnd.int(0, 2))}`, dat: `der Stadt ${cityName(s, s.rnd.int(0, 2))}`, plural: false }),
    () => ({ nom: `die Kommunen rund um ${cityName(s)}`, dat: `den Kommunen rund um ${cityName(s)}`, plural: true }),
    () => ({ nom: `Beratungsstellen ${inCity(s)}`, dat: `Beratungsstellen ${inCity(s)}`, plural: true }),
    () => {
      const [nom, dat] = pick(s, [['Migrantenorganisationen', 'Migrantenorganisationen'], ['Gewerkschaften', 'Gewerkschaften'], ['Arbeitgeberverbände', 'Arbeitgeberverbänden'], ['Sozialarbeiterinnen und Sozialarbeiter', 'Sozialarbeiterinnen und Sozialarbeitern'], ['Ehrenamtliche', 'Ehrenamtlichen'], ['Schulleitungen', 'Schulleitungen']] as const);
      return { nom, dat, plural: true };
    },
    () => ({ nom: `Forschende ${inCity(s, s.rnd.int(0, 1))}`, dat: `Forschenden ${inCity(s, s.rnd.int(0, 1))}`, plural: true }),
    () => {
      const [nom, dat] = pick(s, EU_BODIES);
      return { nom, dat, plural: false };
    },
  ];
  return pick(s, options)();
}
/** Verbs of reporting: [3rd singular, 3rd plural, past singular, past plural]. */
const REPORT = [['berichtet', 'berichten', 'berichtete', 'berichteten'], ['betont', 'betonen', 'betonte', 'betonten'], ['beobachtet', 'beobachten', 'beobachtete', 'beobachteten'], ['schätzt', 'schätzen', 'schätzte', 'schätzten'], ['bemängelt', 'bemängeln', 'bemängelte', 'bemängelten'], ['bestätigt', 'bestätigen', 'bestätigte', 'bestätigten'], ['kritisiert', 'kritisieren', 'kritisierte', 'kritisierten']] as const;

const STATES: Record<MeasureKind, readonly string[]> = {
  service: ['überlaufen', 'unterfinanziert', 'schwer erreichbar', 'zu kurz', 'gut besucht', 'wenig bekannt'],
  document: ['schwer zu bekommen', 'teuer', 'kurz befristet', 'schwer zu verlängern'],
  application: ['langwierig', 'zu kompliziert', 'oft unvollständig', 'spät entschieden'],
  procedure: ['langwierig', 'zu kompliziert', 'uneinheitlich', 'kostspielig'],
  slot: ['knapp', 'ungleich verteilt', 'ausgebucht'],
  facility: ['überbelegt', 'abgelegen', 'schlecht ausgestattet', 'voll'],
  person: ['überlastet', 'schwer zu finden', 'ungleich verteilt'],
  money: ['zu niedrig', 'wenig bekannt', 'verspätet ausgezahlt'],
  body: ['unterfinanziert', 'wenig bekannt', 'schwer erreichbar'],
};
/** What a group did with a measure (perfect): [auxiliary, the rest]. */
function used(s: Scene, m: Measure<DeNoun>): [string, string] {
  const n = m.forms;
  const options: Record<MeasureKind, ReadonlyArray<[string, string]>> = {
    service: [['haben', `an ${np(n, 'none', 'dat', true)} teilgenommen`], ['haben', `${np(n, 'none', 'acc', true)} abgeschlossen`], ['haben', `${np(n, 'none', 'acc', true)} abgebrochen`]],
    document: [['haben', `${np(n, 'indef', 'acc')} erhalten`], ['haben', `${np(n, 'indef', 'acc')} beantragt`]],
    application: [['haben', `${np(n, 'indef', 'acc')} eingereicht`]],
    procedure: [['haben', `${np(n, 'indef', 'acc')} durchlaufen`]],
    slot: [['haben', `${np(n, 'indef', 'acc')} erhalten`]],
    facility: [['waren', `in ${np(n, 'none', 'dat', true)} untergebracht`]],
    person: [['haben', `${np(n, 'indef', 'acc')} zugewiesen bekommen`]],
    money: [['haben', `${np(n, 'indef', 'acc')} erhalten`]],
    body: [['haben', `sich an ${np(n, 'def', 'acc')} gewandt`]],
  };
  return pick(s, options[m.kind]);
}
const COUNTED: Record<MeasureKind, readonly string[]> = {
  service: ['angeboten', 'organisiert', 'gefördert'], document: ['erteilt', 'ausgestellt', 'abgelehnt'], application: ['gestellt', 'bewilligt', 'abgelehnt'], procedure: ['durchgeführt', 'abgeschlossen'],
  slot: ['geschaffen', 'vergeben'], facility: ['eröffnet', 'geschlossen'], person: ['bestellt', 'eingestellt'], money: ['ausgezahlt', 'bewilligt'], body: ['angerufen'],
};
const SCALE: Record<MeasureKind, [number, number]> = {
  service: [12, 2400], document: [60, 25_000], application: [60, 25_000], procedure: [40, 9000], slot: [30, 6000], facility: [2, 60], person: [8, 700], money: [50, 12_000], body: [1, 3],
};
/** What people wait for (accusative after "auf"); `owner` is whose application it is ("ihr", "unser"), none for an indefinite one. */
function waitFor(m: Measure<DeNoun>, owner: 'ihr' | 'unser' | null): string {
  const n = m.forms;
  const possessive = (kase: 'acc' | 'gen') => `${owner}${kase === 'acc' ? { m: 'en', f: 'e', n: '' }[n.g] : { m: 'es', f: 'er', n: 'es' }[n.g]} ${np(n, 'none', kase).replace(/^\S+ /, (adjective) => adjective)}`;
  switch (m.kind) {
    case 'application': return `eine Entscheidung über ${owner ? possessive('acc') : np(n, 'indef', 'acc')}`;
    case 'procedure': return `das Ergebnis ${owner ? possessive('gen') : np(n, 'indef', 'gen')}`;
    case 'service': return `einen Platz in ${np(n, 'indef', 'dat')}`;
    case 'facility': return `einen Platz in ${np(n, 'indef', 'dat')}`;
    case 'body': return `eine Antwort ${np(n, 'def', 'gen')}`;
    default: return np(n, 'indef', 'acc');
  }
}
/** A zu-infinitive as a bare infinitive, for a bullet point: "die Wartezeiten zu verkürzen" → "die Wartezeiten verkürzen", "anzubieten" → "anbieten". */
function bareInfinitive(phrase: string): string {
  if (/ zu \S+$/.test(phrase)) return phrase.replace(/ zu (\S+)$/, ' $1');
  return phrase.replace(/(\S+?)zu(\S+)$/, '$1$2');
}
function change(s: Scene, min: number, max: number): [verb: string, from: number, to: number] {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return [to > from ? 'stieg' : 'sank', from, to];
}

/** A finding as a subordinate clause, verb last. */
function finding(s: Scene, past: boolean): string {
  const m = measureAny(s);
  const [groupNom] = group(s);
  const options = [
    () => `${np(m.forms, 'def', 'nom', true)} ${pick(s, ['außerhalb der Großstädte', 'im ländlichen Raum', 'für Frauen mit kleinen Kindern', inCity(s), 'für Berufstätige', 'im ersten Jahr'])} ${pick(s, STATES[m.kind])} ${past ? 'waren' : 'sind'}`,
    () => `${groupNom} es ${because(s)} häufig nicht ${past ? 'schafften' : 'schaffen'}, ${outcome(s).zu}`,
    () => `sich die Zusammenarbeit mit ${actor(s).dat} ${past ? 'verbessert hatte' : `seit ${earlier(s, 1, 5)} verbessert hat`}`,
    () => `ein früher Zugang zu ${np(measure(s, 'service', 'person', 'slot', 'document'), 'indef', 'dat')} die Zeit ${past ? 'verkürzte' : 'verkürzt'}, die ${groupNom} brauchen, um ${outcome(s).zu}`,
    () => {
      const [solution, plural] = pick(s, [['Online-Anträge', true], ['eine zentrale Anlaufstelle', false], ['Mentoring durch Ehrenamtliche', false], ['Beratung in der Herkunftssprache', false], ['die Zusammenarbeit mit Arbeitgebern', false]] as const);
      return `${solution} ${issueAcc(s)} ${inCity(s, s.rnd.int(0, 2))} ${past ? (plural ? 'verringerten' : 'verringerte') : plural ? 'verringern' : 'verringert'}`;
    },
    () => `nur ${pct(s.rnd.int(8, 45))} der Befragten ${np(measure(s, 'service', 'money', 'document', 'body'), 'def', 'acc', true)} ${past ? 'kannten' : 'kennen'}`,
  ];
  return pick(s, options)();
}

const ORDINAL = ['dritte', 'vierte', 'fünfte', 'sechste', 'siebte', 'achte'];

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Dieser Bericht', 'Diese Studie', 'Dieses Papier', 'Diese Untersuchung'])} ${pick(s, ['untersucht', 'analysiert', 'beleuchtet', 'beschreibt'])} ${np(topicName(s), 'def', 'acc')} ${inCountry(s)} ${pick(s, [`zwischen ${earlier(s, 4, 8)} und ${s.year}`, `seit ${earlier(s, 3, 10)}`, `im Jahr ${s.year}`])} und stützt sich dabei auf ${pick(s, sources(s))} sowie ${pick(s, sources(s))}.`,
    (s) => `Ziel ist es zu verstehen, wie ${pick(s, ['Kommunen', 'Behörden', 'Beratungsstellen', 'die Länder'])} ${np(measure(s, 'service', 'slot', 'facility', 'person'), 'def', 'acc', true)} für ${group(s)[0]} ${pick(s, ['organisieren', 'finanzieren', 'umsetzen', 'begleiten'])}.`,
    (s) => `Der Untersuchungszeitraum reicht von ${earlier(s, 3, 9)} bis ${s.year}; im Mittelpunkt stehen ${group(s)[0]} ${pick(s, [inCity(s), `in ${s.rnd.int(3, 6)} Regionen`, inCountry(s), 'in kleineren Städten'])}.`,
    (s) => `${cap(countryName(s))} ${s.country === 'NL' ? 'registrierten' : 'registrierte'} im Jahr ${earlier(s, 0, 2)} ${num(count(s.rnd, 800, 90_000))} ${pick(s, ['Asylerstanträge', 'Anträge auf Familiennachzug', 'neue Aufenthaltstitel', 'Einbürgerungen', 'Beschäftigungserlaubnisse für Drittstaatsangehörige'])}, ${pick(s, ['den höchsten Wert seit', 'den niedrigsten Wert seit', 'mehr als in jedem Jahr seit', 'etwa so viele wie'])} ${earlier(s, 5, 12)}.`,
    (s) => {
      const [verb, particle] = pick(s, [['bietet', ' an'], ['finanziert', ''], ['koordiniert', '']] as const);
      return `Die Fragen sind praktisch: Wer ${verb} ${np(measure(s, 'service', 'slot', 'facility', 'person', 'money'), 'def', 'acc', true)}${particle}, wie lange warten ${group(s)[0]}, und was geschieht, wenn ${pick(s, ['die Frist abläuft', 'die Förderung endet', 'sich die Regeln ändern', 'eine Familie umzieht'])}?`;
    },
  ],
  context: [
    (s) => `Seit ${earlier(s, 2, 12)} ${pick(s, ['finanziert', 'koordiniert', 'betreut'])} ${pick(s, bodies(s))[0]} ${np(measure(s, 'service', 'slot', 'facility', 'procedure'), 'def', 'acc', true)} ${inCountry(s)}.`,
    (s) => `${cap(np(measure(s, 'service', 'document', 'procedure', 'money'), 'def', 'nom', true))} wurden ${inCountry(s)} im Jahr ${sinceNational(s)} mit ${nationalIn(s, 'dat')} eingeführt.`,
    (s) => `Die im Jahr ${earlier(s, 1, 6)} beschlossene nationale Integrationsstrategie nennt ${issueAcc(s)} als eine ihrer ${pick(s, ['drei', 'vier', 'fünf', 'sechs'])} Prioritäten.`,
    (s) => `Die Zuständigkeit für ${np(measure(s), 'def', 'acc', true)} ist zwischen ${actor(s).dat} und ${actor(s).dat} aufgeteilt.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} werden ${np(measure(s, 'service', 'facility'), 'def', 'nom', true)} im Auftrag der Stadt von ${pick(s, ['Wohlfahrtsverbänden', 'dem Roten Kreuz', 'einem Netzwerk Ehrenamtlicher', 'Volkshochschulen', 'freien Trägern'])} ${pick(s, ['organisiert', 'betrieben', 'angeboten'])}.`,
    (s) => `Laut ${pick(s, EU_BODIES)[1]} hat sich die Zahl der Anträge von ${group(s)[1]} ${inCountry(s)} seit ${earlier(s, 4, 10)} ${pick(s, ['verdoppelt', 'stetig erhöht', 'verringert', 'kaum verändert'])}.`,
  ],
  legal: [
    (s) => {
      const thing = np(measure(s, 'document', 'slot', 'money', 'service'), 'indef', 'acc');
      return s.rnd.chance(0.5)
        ? `Nach ${theCitation(s, 'dat')} haben ${group(s)[0]} ${pick(s, ['in angemessener Frist', 'unter denselben Bedingungen wie Staatsangehörige', 'nach fünf Jahren rechtmäßigen Aufenthalts', 'nach Maßgabe des nationalen Rechts'])} Anspruch auf ${thing}.`
        : `Nach ${theCitation(s, 'dat')} können ${group(s)[0]} ${pick(s, ['in angemessener Frist', 'unter denselben Bedingungen wie Staatsangehörige', 'nach Maßgabe des nationalen Rechts'])} ${thing} beantragen.`;
    },
    (s) => {
      if (!transposable(s)) return `${cap(theCitation(s, 'nom'))} gilt ${inCountry(s)} seit ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))} unmittelbar.`;
      // Only an act that transposes this directive is named as its transposition.
      const national = s.national?.transposes.includes(s.eu.key) ? Number(s.national.date.slice(0, 4)) : undefined;
      const subject = cap(countryName(s));
      const aux = s.country === 'NL' ? 'haben' : 'hat';
      if (!national) return `${subject} ${aux} ${theCitation(s, 'acc')} im Jahr ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} umgesetzt.`;
      return national >= s.eu.year
        ? `${subject} ${aux} ${theCitation(s, 'acc')} im Jahr ${national} mit ${nationalIn(s, 'dat')} umgesetzt.`
        : `${subject} ${aux} ${theCitation(s, 'acc')} im Jahr ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} durch eine Änderung ${nationalIn(s, 'gen')} umgesetzt.`;
    },
    (s) => `In ihrem Aktionsplan für Integration und Inklusion 2021–2027 (COM(2020) 758 final) fordert die Europäische Kommission die Mitgliedstaaten auf, ${np(measure(s, 'service', 'slot', 'facility'), 'def', 'acc', true)} ${pick(s, ['zu finanzieren', 'zu evaluieren', 'zu öffnen', 'gemeinsam mit Zugewanderten zu gestalten'])}.`,
    (s) => `${cap(nationalIn(s, 'nom'))} verlangt, dass ${group(s)[0]} ${pick(s, words(s).requirements)} nachweisen.`,
    (s) => `Ein Urteil ${pick(s, ['des Gerichtshofs der Europäischen Union', 'des Bundesverwaltungsgerichts', 'des Verfassungsgerichtshofs', 'eines Verwaltungsgerichts'])} aus dem Jahr ${earlier(s, 0, 6)} hat die Voraussetzungen für ${np(measure(s, 'document', 'application', 'money', 'slot'), 'def', 'acc', true)} ${pick(s, ['präzisiert', 'eingeschränkt', 'bestätigt', 'erweitert'])}.`,
    (s) => `Seit dem ${pick(s, ['1. Januar', '1. März', '1. Juli', '1. September'])} ${earlier(s, 0, 4)} müssen ${group(s)[0]} ${pick(s, words(s).requirements)} ${pick(s, ['nicht mehr', 'zusätzlich'])} nachweisen.`,
  ],
  finding: [
    (s) => {
      const who = actor(s);
      const verbs = pick(s, REPORT);
      return `${cap(who.nom)} ${who.plural ? verbs[1] : verbs[0]}, dass ${finding(s, false)}.`;
    },
    (s) => {
      const who = actor(s);
      const verbs = pick(s, REPORT);
      return `Im Jahr ${earlier(s, 0, 3)} ${who.plural ? verbs[3] : verbs[2]} ${who.nom}, dass ${finding(s, true)}.`;
    },
    (s) => `${cap(group(s)[0])} ${inCity(s, s.rnd.int(0, 2))} ${pick(s, ['nennen', 'beschreiben', 'erwähnen'])} ${issueAcc(s)} ${pick(s, ['häufiger als jedes andere Problem', 'als größtes Hindernis', 'in fast jedem Interview', 'als Grund aufzugeben'])}.`,
    (s) => {
      const [verb, from, to] = change(s, 2, 14);
      return `Die Wartezeit auf ${waitFor(measureAny(s), null)} ${verb} zwischen ${earlier(s, 3, 6)} und ${earlier(s, 0, 1)} von ${from} auf ${to} ${pick(s, ['Wochen', 'Monate'])}.`;
    },
    (s) => {
      const o = outcome(s);
      return `Nur ${pct(s.rnd.int(12, 64))} derjenigen, die ${np(measure(s, 'service', 'procedure', 'application'), 'indef', 'acc')} ${pick(s, ['begonnen', 'abgeschlossen'])} hatten, ${o.aux} innerhalb von ${s.rnd.int(6, 36)} Monaten ${o.perfect}.`;
    },
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} funktionierten ${np(measure(s, 'service', 'person', 'facility'), 'def', 'nom', true)} dort am besten, wo ${pick(s, ['Kommunen und Träger ein gemeinsames Büro teilten', 'Teilnehmende ihre Kinder mitbringen konnten', 'Arbeitgeber von Anfang an beteiligt waren', 'die Fachkräfte die Sprachen der Teilnehmenden sprachen', 'die Finanzierung für mehrere Jahre gesichert war'])}.`,
    (s) => {
      const what = np(measure(s, 'service', 'slot', 'person'), 'none', 'acc', true);
      return `${cap(pick(s, ['drei', 'fünf', 'sieben', 'neun', 'elf', 'vierzehn']))} der ${s.rnd.int(20, 60)} befragten ${pick(s, ['Kommunen', 'Schulen', 'Betriebe', 'Aufnahmeeinrichtungen', 'Beratungsstellen'])} ${pick(s, [`boten ${what} an`, `planten ${what}`, `hatten ${what} eingestellt`])}.`;
    },
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} gelang es Frauen seltener als Männern, ${outcome(s).zu}, vor allem wegen ${pick(s, ['der Betreuungspflichten', 'der Teilzeitarbeit', 'der Kurszeiten', 'fehlender Kinderbetreuung'])}.`,
  ],
  data: [
    (s) => {
      const [aux, rest] = used(s, measureAny(s, 'service', 'document', 'application', 'procedure', 'slot', 'facility', 'person', 'money'));
      return `Im Jahr ${earlier(s, 0, 3)} ${aux} ${num(count(s.rnd, 40, 60_000))} ${group(s)[0]} ${where(s)} ${rest}, ${pick(s, ['ein Anstieg', 'ein Rückgang'])} um ${pct(s.rnd.int(2, 40))} gegenüber dem Vorjahr.`;
    },
    (s) => {
      const o = outcome(s);
      const [verb, from, to] = change(s, 5, 80);
      return `Unter ${group(s)[1]} ${verb} der Anteil derjenigen, die ${o.perfect} ${o.aux}, zwischen ${earlier(s, 4, 8)} und ${earlier(s, 0, 2)} von ${from} auf ${to} Prozent.`;
    },
    (s) => {
      const who = actor(s);
      return `${cap(who.nom)} ${who.plural ? 'gaben' : 'gab'} im Jahr ${earlier(s, 0, 3)} ${num(count(s.rnd, 120, 9000) * 1000)} Euro für ${np(measure(s, 'service', 'slot', 'facility', 'person', 'money'), 'def', 'acc', true)} aus; ${pct(s.rnd.int(10, 90))} davon stammten aus ${pick(s, FUNDS)}.`;
    },
    (s) => {
      const m = measureAny(s);
      return `${cap(inCity(s, s.rnd.int(0, 2)))} wurden im Jahr ${earlier(s, 0, 4)} ${num(count(s.rnd, ...SCALE[m.kind]))} ${np(m.forms, 'none', 'nom', true)} ${pick(s, COUNTED[m.kind])}.`;
    },
    (s) => `Im Durchschnitt warteten ${group(s)[0]} ${where(s)} ${s.rnd.int(3, 60)} ${pick(s, ['Tage', 'Wochen'])} auf ${waitFor(measureAny(s), 'ihr')}.`,
    (s) => `${pick(s, [`Jeder ${pick(s, ORDINAL)} Antrag`, `Jede ${pick(s, ORDINAL)} Akte`, `Jedes ${pick(s, ORDINAL)} Verfahren`])} betraf ${group(s)[0]}.`,
  ],
  voice: [
    (s) => `„${quote(s)}“, sagt ${pick(s, words(s).person)} ${inCity(s, s.rnd.int(0, 2))}.`,
    (s) => `${cap(pick(s, words(s).person))} beschreibt das Verfahren im Interview als „${pick(s, ['langsam', 'verwirrend', 'fair', 'zermürbend', 'demütigend', 'schneller als erwartet'])}, aber ${pick(s, ['notwendig', 'lohnend', 'unberechenbar', 'teuer', 'gut erklärt'])}“.`,
    (s) => `„${quote(s)}“ – so oder ähnlich äußerten sich viele Befragte ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Die Autorinnen und Autoren', 'Die Evaluatorinnen und Evaluatoren', 'Fachleute aus der Praxis', 'Die befragten Expertinnen und Experten'])} empfehlen, ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'und')}.`,
    (s) => {
      const m = measureAny(s);
      const verb = ['procedure', 'application', 'document'].includes(m.kind) ? pick(s, ['vereinfachen', 'beschleunigen', 'evaluieren', 'digitalisieren']) : pick(s, ['finanzieren', 'koordinieren', 'evaluieren', 'ausbauen']);
      return `${pick(s, ['Behörden', 'Kommunen', 'Die Länder', 'Öffentliche Stellen'])} sollten ${np(m.forms, 'def', 'acc', true)} ${pick(s, ['für jeweils mindestens drei Jahre', 'gemeinsam mit freien Trägern', 'auch im ländlichen Raum', 'anhand klarer Indikatoren', 'vor der nächsten Reform'])} ${verb}.`;
    },
    (s) => `Mittel aus ${pick(s, FUNDS)} könnten ${np(measure(s, 'service', 'slot', 'facility', 'person'), 'def', 'acc', true)} ${pick(s, ['in kleineren Städten', 'im ländlichen Raum', inCity(s, 1), 'für Frauen mit Kindern'])} ${pick(s, ['unterstützen', 'ausbauen', 'verstetigen'])}.`,
    (s) => `Eine ${pick(s, ['Folgestudie', 'Nachevaluation'])} im Jahr ${s.year + s.rnd.int(1, 3)} sollte prüfen, ob ${finding(s, false)}.`,
  ],
  conclusion: [
    (s) => `Insgesamt hat sich die Politik im Bereich ${np(topicName(s), 'def', 'gen')} ${inCountry(s)} seit ${earlier(s, 3, 10)} ${pick(s, ['verbessert', 'kaum verändert', 'verschärft', 'stark nach Kommunen ausdifferenziert'])}.`,
    (s) => `Die Erfahrungen aus ${cityName(s, s.rnd.int(0, 2))} zeigen, dass ${finding(s, false)}.`,
    (s) => `${cap(inCountry(s))} hängt viel von ${pick(s, ['der Kapazität der Kommunen', 'einer stabilen Finanzierung', 'der Haltung der Arbeitgeber', 'der Dauer der Verfahren', 'der Zusammenarbeit der Dienste', 'der Verfügbarkeit von Dolmetschenden'])} ab, die sich ${pick(s, ['von Region zu Region', 'von Kommune zu Kommune', `seit ${earlier(s, 2, 8)} von Region zu Region`])} stark unterscheidet.`,
  ],
};

function sources(s: Scene): string[] {
  return [
    `${num(count(s.rnd, 12, 80))} Interviews mit Fachkräften der Sozialarbeit`,
    `eine Befragung von ${num(count(s.rnd, 200, 4000))} ${group(s)[1]}`,
    'Verwaltungsdaten',
    `Fallakten aus ${s.rnd.int(3, 40)} Kommunen`,
    `Gruppendiskussionen ${inCity(s, s.rnd.int(0, 2))}`,
    'Daten von Eurostat',
  ];
}

function quote(s: Scene): string {
  const m = measureAny(s);
  return pick(s, [
    () => `Wir haben ${s.rnd.int(4, 22)} Monate auf ${waitFor(m, 'unser')} gewartet`,
    () => `Ohne ${pick(s, ['Kinderbetreuung', 'Dolmetscherin', 'Mentor', 'meine Nachbarn', 'die Ehrenamtlichen'])} hätte ich aufgegeben`,
    () => `Die ersten ${s.rnd.int(2, 12)} Wochen entscheiden alles`,
    () => `Niemand hat uns erklärt, wie ${np(m.forms, 'def', 'nom', true)} funktionieren`,
    () => `Jede Stelle gibt eine andere Auskunft über ${np(m.forms, 'def', 'acc', true)}`,
    () => `Wir verlieren gute Leute, weil ${np(measure(s, 'procedure', 'application', 'document'), 'indef', 'nom')} ${s.rnd.int(3, 18)} Monate dauert`,
  ])();
}

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Zusammenfassung', 'Das Wichtigste in Kürze', 'Kernergebnisse', 'Überblick'],
  introduction: ['Einleitung', 'Ziel und Gegenstand', 'Zu diesem Dokument'],
  context: ['Hintergrund', 'Ausgangslage', 'Politischer Rahmen'],
  legal: ['Rechtlicher Rahmen', 'Rechtsgrundlagen', 'Recht und Politik'],
  method: ['Methodik', 'Daten und Methoden', 'Vorgehen'],
  findings: ['Ergebnisse', 'Zentrale Befunde', 'Was wir festgestellt haben'],
  data: ['Zahlen und Fakten', 'Statistik', 'Die Zahlen'],
  practice: ['Praxis vor Ort', 'Beispiele aus der Praxis', 'Fallstudien'],
  recommendations: ['Empfehlungen', 'Was sich ändern muss', 'Vorschläge'],
  conclusions: ['Schlussfolgerungen', 'Fazit', 'Ausblick'],
};

function title(s: Scene): string {
  const subject = topicName(s);
  const inPlace = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
  const y = s.year;
  const bare = (n: DeNoun) => np(n, 'none', 'nom').replace(/^./, (c) => c.toUpperCase());
  const options: Record<Scene['kind'], ReadonlyArray<() => string>> = {
    legislation: [() => `Gesetz über ${np(subject, 'def', 'acc')}`],
    'policy-document': [() => `Nationaler Aktionsplan ${prep('zu', np(subject, 'def', 'dat'))} ${y}–${y + s.rnd.int(3, 6)}`, () => `Integrationskonzept der Stadt ${cityName(s, s.rnd.int(0, 3))} ${y}–${y + 4}`, () => `Leitlinien ${prep('zu', np(subject, 'def', 'dat'))} ${inCountry(s)} (${y})`, () => `Fahrplan für ${np(subject, 'def', 'acc')} ${inPlace}, ${y}`],
    report: [() => `Jahresbericht ${prep('zu', np(subject, 'def', 'dat'))} ${inPlace} ${y}`, () => `${bare(subject)} ${inPlace}: Monitoringbericht ${y}`, () => `Bericht über ${issueAcc(s)} ${inPlace} (${y})`],
    study: [() => `${pick(s, [`Hürden ${prep('bei', np(subject, 'def', 'dat'))}`, `Wege ${prep('zu', np(subject, 'def', 'dat'))}`, `Die Rolle der Kommunen ${prep('bei', np(subject, 'def', 'dat'))}`])}: eine Befragung von ${group(s)[1]} ${inPlace} (${y})`, () => `Studie ${prep('zu', np(subject, 'def', 'dat'))} ${inPlace}, ${y}`],
    'impact-assessment': [() => `Folgenabschätzung neuer Regeln für ${np(measure(s), 'def', 'acc', true)} ${inCountry(s)} (${y})`, () => `Folgenabschätzung zum Vorschlag, ${pick(s, words(s).goals)} (${countryName(s).replace(/^die /, '')}, ${y})`],
    evaluation: [() => `Evaluation ${np(measure(s), 'def', 'gen', true)} ${inPlace}, ${y - s.rnd.int(2, 5)}–${y}`, () => `Zwischenevaluation des kommunalen Integrationsprogramms der Stadt ${cityName(s, s.rnd.int(0, 3))} (${y})`],
    article: [() => `Warten auf ${np(subject, 'def', 'acc')}: ${issue(s)[0]} ${inPlace}`, () => `Wie ${cityName(s, s.rnd.int(0, 3))} ${np(measure(s), 'def', 'acc', true)} ${pick(s, ['neu organisiert', 'finanziert', 'gestaltet'])} (${y})`],
    other: [() => `Leitfaden ${prep('zu', np(subject, 'def', 'dat'))} für ${group(s)[0]} ${inPlace} (${y})`, () => `${bare(subject)}: Arbeitshilfe für die Praxis ${inPlace}, ${y}`],
  };
  return pick(s, options[s.kind])();
}

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  if (role === 'scope') {
    return paragraph === 1
      ? `Dieses Gesetz regelt ${np(pick(s, w.names), 'def', 'acc')} ${inCountry(s)}${s.rnd.chance(0.6) && transposable(s) ? ` und dient der Umsetzung ${theCitation(s, 'gen')}` : ''}.`
      : `Es gilt für ${group(s)[0]} und ${group(s)[0]}, die sich rechtmäßig ${territory(s)} aufhalten.`;
  }
  if (role === 'definitions') {
    const m = measure(s, 'document', 'service', 'slot', 'money', 'person');
    return pick(s, [
      `Im Sinne dieses Gesetzes ist „${np(m, 'none', 'nom')}“ ${np(m, 'indef', 'nom')}, ${DEF.nom[m.g]} nach § ${s.rnd.int(3, 9)} von der zuständigen Behörde erteilt oder angeboten wird.`,
      `Zuständige Behörde ist ${pick(s, ['die von dem für Migration zuständigen Ministerium bestimmte Behörde', 'die Ausländerbehörde des Wohnorts', 'die Integrationsstelle des Landes', `die in § ${s.rnd.int(3, 12)} genannte Behörde`])}.`,
      `Familienangehörige im Sinne dieses Gesetzes sind der Ehegatte, die eingetragene Lebenspartnerin oder der eingetragene Lebenspartner sowie die ledigen Kinder unter ${pick(s, ['18', '21'])} Jahren ${pick(s, ['der zusammenführenden Person', 'der antragstellenden Person', 'der Inhaberin oder des Inhabers des Titels'])}.`,
      `Integrationskurs im Sinne dieses Gesetzes ist ein Kurs aus Sprachunterricht und Orientierung im Umfang von mindestens ${s.rnd.int(3, 9) * 100} Unterrichtsstunden.`,
    ]);
  }
  if (role === 'final') {
    return pick(s, [
      `Dieses Gesetz tritt ${pick(s, ['am ersten Tag des auf die Verkündung folgenden Monats', `am ${pick(s, ['zehnten', 'zwanzigsten', 'dreißigsten'])} Tag nach der Verkündung`, `am ${german.date(`${s.year + s.rnd.int(0, 1)}-${String(s.rnd.int(1, 12)).padStart(2, '0')}-01`)}`])} in Kraft.`,
      `Das für ${pick(s, ['Migration', 'Integration', 'Soziales', 'Arbeit'])} zuständige Ministerium regelt das Nähere durch Verordnung.`,
      `Anträge, die vor dem ${german.date(`${s.year}-${String(s.rnd.int(1, 12)).padStart(2, '0')}-01`)} gestellt wurden, werden nach dem bisher geltenden Recht entschieden.`,
    ]);
  }
  const doc = measure(s, 'document', 'slot', 'money');
  const service = measure(s, 'service', 'slot', 'person');
  const charged = measure(s, 'document', 'procedure', 'application', 'service');
  const [groupNom, groupDat] = group(s);
  const frames: Array<() => string> = [
    () => `Der Antrag auf Erteilung ${np(doc, 'indef', 'gen')} ist ${pick(s, ['schriftlich', 'elektronisch', 'persönlich'])} bei der zuständigen Behörde spätestens ${s.rnd.int(2, 12) * 15} Tage ${pick(s, ['nach der Einreise', 'vor Ablauf des bisherigen Titels', 'nach der Registrierung'])} zu stellen.`,
    () => `Die zuständige Behörde entscheidet über den Antrag innerhalb von ${s.rnd.int(3, 12) * 10} Tagen nach seinem Eingang und teilt die Entscheidung schriftlich mit.`,
    () => `${cap(np(doc, 'def', 'nom'))} nach diesem Paragrafen wird für ${pick(s, ['ein Jahr', 'zwei Jahre', 'drei Jahre', 'fünf Jahre'])} erteilt und kann um jeweils ${pick(s, ['ein Jahr', 'zwei Jahre', 'drei Jahre'])} verlängert werden.`,
    () => `${cap(groupNom)} haben ohne Kostenbeitrag Anspruch auf ${np(service, 'indef', 'acc')} ${pick(s, [`für die ersten ${s.rnd.int(1, 6) * 100} Stunden`, `während der ersten ${s.rnd.int(6, 36)} Monate`, 'solange sie in der Gemeinde wohnen'])}.`,
    () => `Die antragstellende Person hat ${pick(s, w.requirements)} nachzuweisen.`,
    () => `Für ${np(charged, 'indef', 'acc')} wird eine Gebühr von ${s.rnd.int(2, 40) * 10} Euro erhoben; ${groupNom} sind von der Gebühr befreit.`,
    () => `Die Verpflichtung nach Absatz ${Math.max(1, paragraph - 1)} gilt nicht für ${pick(s, ['Personen über 65 Jahre', 'Menschen mit Behinderungen', 'Minderjährige', 'international Schutzberechtigte', 'Inhaberinnen und Inhaber einer Blauen Karte EU'])}.`,
    () => `Ist die antragstellende Person ein unbegleiteter Minderjähriger, so ist unverzüglich, spätestens jedoch innerhalb von ${s.rnd.int(3, 15)} Werktagen, ein Vormund zu bestellen.`,
    () => `Entscheidungen nach diesem Paragrafen sind zu begründen; gegen sie kann innerhalb von ${s.rnd.int(2, 6) * 7} Tagen nach Bekanntgabe Klage beim Verwaltungsgericht erhoben werden.`,
    () => `Personenbezogene Daten, die nach diesem Paragrafen erhoben werden, sind spätestens nach ${s.rnd.int(2, 10)} Jahren zu löschen.`,
    () => `${cap(groupNom)}, die sich seit ${s.rnd.int(3, 8)} Jahren rechtmäßig und ununterbrochen ${territory(s)} aufhalten, können ${np(doc, 'indef', 'acc')} beantragen.`,
    () => `Die Gemeinde bietet ${groupDat} innerhalb von ${s.rnd.int(2, 12)} Wochen nach der Anmeldung ${np(service, 'indef', 'acc')} an.`,
  ];
  if (has(s, 'service')) frames.push(() => `Die Teilnahme ${prep('an', np(measure(s, 'service'), 'def', 'dat'))} ist für ${groupNom} ${pick(s, ['verpflichtend', 'freiwillig'])} und umfasst mindestens ${s.rnd.int(2, 9) * 50} Unterrichtsstunden.`);
  return pick(s, frames)();
}

export const german: LanguagePack = {
  lang: 'de',
  date: (iso) => {
    const { y, m, d } = parts(iso);
    return `${d}. ${MONTHS[m - 1]} ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [bareInfinitive(pick(s, words(s).goals)), `${np(measure(s), 'none', 'nom', true)} für ${group(s)[0]}`, `${issue(s)[0]} ${where(s)}`])}.`),
  title,
  actTitle: (s, kind, number, iso) => {
    const date = german.date(iso);
    const y = iso.slice(0, 4);
    const gazette = s.country === 'AT' ? `(BGBl. I Nr. ${number}/${y})` : s.country === 'DE' ? `(BGBl. ${y} I Nr. ${number})` : `(Nr. ${number}/${y})`;
    const m = measure(s);
    if (kind === 'act') return `Gesetz über ${np(topicName(s), 'def', 'acc')} vom ${date} ${gazette}`;
    if (kind === 'regulation') return `Verordnung über ${np(m, 'def', 'acc', true)} vom ${date} ${gazette}`;
    if (kind === 'decree') return `Erlass des Ministeriums für ${pick(s, ['Inneres', 'Integration', 'Arbeit und Soziales'])} Nr. ${number}/${y} vom ${date} ${prep('zu', np(m, 'def', 'dat', true))}`;
    if (kind === 'bylaw') return `Satzung der Stadt ${cityName(s)} über ${np(m, 'def', 'acc', true)} vom ${date} (Nr. ${number}/${y})`;
    return `Rundschreiben Nr. ${number}/${y} vom ${date} ${prep('zu', np(m, 'def', 'dat', true))}`;
  },
  articleLabel: (label) => `§ ${label}`,
  articleHeading: (s, role) =>
    role === 'scope' ? 'Gegenstand und Anwendungsbereich' : role === 'definitions' ? 'Begriffsbestimmungen' : role === 'final' ? pick(s, ['Inkrafttreten', 'Schlussbestimmungen', 'Übergangsbestimmungen']) : pick(s, words(s).articles),
  provision,
  repealed: '(weggefallen)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (change: ArticleChange) =>
      change.op === 'inserted' ? `§ ${change.article} eingefügt` : change.op === 'repealed' ? `§ ${change.article} aufgehoben` : `§ ${change.article} Absatz ${change.paragraph ?? 1} geändert`;
    return `${list(changes.map(what), 'und')} durch ${act}, in Kraft seit dem ${german.date(inForceFrom)}.`;
  },
  question: (s) =>
    pick(s, [
      () => `Wie geht ihr ${inCity(s, s.rnd.int(0, 2))} mit ${issue(s)[1]} um?`,
      () => `Erfahrungen mit ${np(measure(s), 'none', 'dat', true)} für ${group(s)[0]}?`,
      () => `Suche Beispiele: Wie gelingt es ${inCountry(s)}, ${pick(s, words(s).goals)}?`,
      () => `${s.rnd.int(3, 18)} Monate Wartezeit auf ${waitFor(measureAny(s), null)} ${inCountry(s)} – ist das normal?`,
      () => `Wer finanziert ${inCity(s, s.rnd.int(0, 2))} ${np(measure(s, 'service', 'slot', 'facility', 'person'), 'def', 'acc', true)}?`,
    ])(),
  forum: { wrote: 'schrieb:', answers: ['Danke, {name}.', 'Ich stimme {name} zu.', 'Ähnliche Erfahrung wie {name}.', 'Ergänzend zu dem, was {name} schreibt:', '@{name} gute Frage.'] },
  pageLabel: (page, of) => `Seite ${page} von ${of}`,
  labels: { published: 'Veröffentlicht', place: 'Ort', identifier: 'Kennung', version: 'Fassung', inForce: 'in Kraft seit' },
};
