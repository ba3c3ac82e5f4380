// French: report prose, titles and legal drafting, with articles, elision
// (l’, d’, qu’), contractions (du, des, au, aux) and agreement of adjectives
// and participles with the noun's gender and number.
import { cite } from '../citations';
import { city, country } from '../places';
import { MEASURE_KINDS, type MeasureKind } from '../topics';
import { FR_TOPICS, type FrGroup, type FrNoun, type Gender } from './fr-words';
import type { ArticleChange, LanguagePack, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts, type Measure } from './util';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const num = (n: number) => grouped(n, ' ', true);
const pct = (n: number) => `${n} %`;
const VOWEL = /^[aeiouyàâäéèêëîïôöûüh]/i;
/** Words whose h is aspirated: no elision (le handicap, la haine). */
const ASPIRATED = /^(?:handicap|haine|hausse|harcèlement|hauteur|Hambourg|Hongrie)/i;
const elides = (word: string) => VOWEL.test(word) && !ASPIRATED.test(word);

const le = (n: FrNoun, plural = false) => (plural ? `les ${n.pl}` : elides(n.sg) ? `l’${n.sg}` : `${n.g === 'm' ? 'le' : 'la'} ${n.sg}`);
const un = (n: FrNoun) => `${n.g === 'm' ? 'un' : 'une'} ${n.sg}`;
const des = (n: FrNoun) => `des ${n.pl}`;
/** "de" before a phrase that starts with its article: du, de la, de l’, des, d’. */
function de(phrase: string): string {
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`;
  return elides(phrase) ? `d’${phrase}` : `de ${phrase}`;
}
/** "à" before a phrase with its article: au, à la, à l’, aux. */
function a(phrase: string): string {
  if (phrase.startsWith('le ')) return `au ${phrase.slice(3)}`;
  if (phrase.startsWith('les ')) return `aux ${phrase.slice(4)}`;
  return `à ${phrase}`;
}
const que = (clause: string) => (elides(clause) ? `qu’${clause}` : `que ${clause}`);
/** Agrees the word in braces with a gender and number: "{réparti}" → réparties. */
function agree(phrase: string, g: Gender, plural: boolean): string {
  return phrase.replace(/\{([^}]+)\}/g, (_, word: string) => {
    let out = word;
    if (g === 'f') out = out.endsWith('e') ? out : out.endsWith('eux') ? `${out.slice(0, -1)}se` : out.endsWith('if') ? `${out.slice(0, -1)}ve` : out.endsWith('g') ? `${out}ue` : out.endsWith('et') ? `${out.slice(0, -2)}ète` : `${out}e`;
    if (plural && !/[sx]$/.test(out)) out += 's';
    return out;
  });
}

interface Actor {
  text: string;
  plural: boolean;
}
const FR_BODIES: Record<string, readonly string[]> = {
  FR: ['l’Office français de l’immigration et de l’intégration (OFII)', 'la Délégation interministérielle à l’accueil et à l’intégration des réfugiés (DIAIR)', 'le Défenseur des droits', 'la préfecture'],
  BE: ['Fedasil', 'Unia', 'l’Office des étrangers'],
  LU: ['l’Office national de l’accueil (ONA)', 'le Département de l’intégration'],
  DE: ['l’Office fédéral des migrations et des réfugiés (BAMF)', 'l’Agence fédérale pour l’emploi'],
  NL: ['le Service de l’immigration et de la naturalisation (IND)', 'l’Agence centrale pour l’accueil des demandeurs d’asile (COA)'],
  SE: ['l’Office suédois des migrations'],
  IT: ['le ministère de l’Intérieur', 'le Système d’accueil et d’intégration (SAI)'],
  ES: ['le ministère de l’Inclusion, de la Sécurité sociale et des Migrations'],
};
const GENERIC_BODIES = ['le ministère de l’Intérieur', 'le ministère du Travail', 'le service national de l’immigration', 'le service public de l’emploi'];
const EU_BODIES = ['la Commission européenne', 'l’Agence des droits fondamentaux de l’Union européenne', 'Eurostat', 'l’Agence de l’Union européenne pour l’asile (AUEA)', 'le Réseau européen des migrations', 'l’OCDE', 'le HCR'];
const FUNDS = ['le Fonds « Asile, migration et intégration » (FAMI)', 'le Fonds social européen plus (FSE+)', 'le Fonds européen de développement régional', 'Erasmus+'];

const words = (s: Scene) => FR_TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const countryName = (s: Scene) => country('fr', s.country).name;
const inCountry = (s: Scene) => country('fr', s.country).in;
const cityName = (s: Scene, shift = 0) => city('fr', s.country, s.city + shift).name;
const inCity = (s: Scene, shift = 0) => city('fr', s.country, s.city + shift).in;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const measureAny = (s: Scene, ...kinds: MeasureKind[]): Measure<FrNoun> => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const measure = (s: Scene, ...kinds: MeasureKind[]): FrNoun => measureAny(s, ...kinds).forms;
const has = (s: Scene, kind: MeasureKind) => MEASURE_KINDS[s.topic].includes(kind);
const group = (s: Scene): FrGroup => pick(s, words(s).groups);
const issue = (s: Scene) => pick(s, words(s).issues);
const outcome = (s: Scene) => pick(s, words(s).outcomes);
const topicName = (s: Scene) => pick(s, words(s).names);
const citation = (s: Scene) => cite(s.eu, 'fr');
/** The instrument with its article: la directive, le règlement, la décision d’exécution, la recommandation. */
const theCitation = (s: Scene) => `${s.eu.kind === 'regulation' ? 'le' : 'la'} ${citation(s)}`;
/** "de" without article, as legal French writes "demande de titre de séjour". */
const deBare = (word: string) => (elides(word) ? `d’${word}` : `de ${word}`);
const bodies = (s: Scene) => FR_BODIES[s.country] ?? GENERIC_BODIES;
const nationalName = (s: Scene) => (s.national ? (s.national.lang === 'fr' ? s.national.forms[0]! : `la loi « ${s.national.short} »`) : 'la loi sur les étrangers');
const transposable = (s: Scene) => s.eu.kind === 'directive';
const verb = (who: Actor, singular: string, plural: string) => (who.plural ? plural : singular);

function actor(s: Scene): Actor {
  const options: Array<() => Actor> = [
    () => ({ text: pick(s, bodies(s)), plural: false }),
    () => ({ text: `la ville ${de(cityName(s, s.rnd.int(0, 2)))}`, plural: false }),
    () => ({ text: `les services municipaux ${de(cityName(s, s.rnd.int(0, 2)))}`, plural: true }),
    () => ({ text: `les associations ${inCity(s).replace(/^à /, 'de ')}`, plural: true }),
    () => ({ text: pick(s, ['les associations de migrants', 'les syndicats', 'les organisations patronales', 'les travailleurs sociaux', 'les collectifs de bénévoles', 'les chefs d’établissement']), plural: true }),
    () => ({ text: `des chercheurs de l’université ${de(cityName(s, s.rnd.int(0, 1)))}`, plural: true }),
    () => ({ text: pick(s, EU_BODIES), plural: false }),
    () => ({ text: pick(s, ['le point de contact national sur l’intégration', 'le médiateur', 'le conseil régional', 'l’institut national de la statistique', 'la Cour des comptes']), plural: false }),
  ];
  return pick(s, options)();
}

/** Verbs of reporting: [3rd singular, 3rd plural, past participle]. */
const REPORT = [['constate', 'constatent', 'constaté'], ['souligne', 'soulignent', 'souligné'], ['relève', 'relèvent', 'relevé'], ['observe', 'observent', 'observé'], ['note', 'notent', 'noté'], ['estime', 'estiment', 'estimé'], ['signale', 'signalent', 'signalé'], ['conclut', 'concluent', 'conclu']] as const;

const STATES: Record<MeasureKind, readonly string[]> = {
  service: ['{saturé}', '{sous-financé}', '{difficile} d’accès', 'trop {court}', '{fréquenté}', '{méconnu}'],
  document: ['{long} à obtenir', '{coûteux}', '{délivré} pour de courtes durées', '{difficile} à renouveler'],
  application: ['{lent}', 'trop {complexe}', 'souvent {incomplet}', '{traité} tardivement'],
  procedure: ['{lent}', 'trop {complexe}', '{appliqué} de manière inégale', '{coûteux}'],
  slot: ['{rare}', 'inégalement {réparti}', '{saturé}'],
  facility: ['{surpeuplé}', '{isolé}', 'mal {équipé}', '{complet}'],
  person: ['{débordé}', '{difficile} à trouver', 'inégalement {réparti}'],
  money: ['trop {faible}', '{méconnu}', '{versé} en retard'],
  body: ['{sous-financé}', '{méconnu}', '{difficile} d’accès'],
};
/** What a group did with a measure: "ont suivi des cours de langue". */
function used(m: Measure<FrNoun>, g: FrGroup): string {
  const n = m.forms;
  const options: Record<MeasureKind, readonly string[]> = {
    service: [`ont suivi ${des(n)}`, `ont abandonné ${des(n)}`, `se sont ${agree('{inscrit}', g.g, true)} ${a(le(n, true))}`],
    document: [`ont obtenu ${un(n)}`, `ont demandé ${un(n)}`],
    application: [`ont déposé ${un(n)}`],
    procedure: [`se sont ${agree('{soumis}', g.g, true)} ${a(un(n))}`],
    slot: [`ont obtenu ${un(n)}`],
    facility: [`ont été ${agree('{hébergé}', g.g, true)} dans ${des(n)}`],
    person: [`se sont vu attribuer ${un(n)}`],
    money: [`ont perçu ${un(n)}`],
    body: [`ont saisi ${le(n)}`],
  };
  return options[m.kind].join('|');
}
const COUNTED: Record<MeasureKind, readonly string[]> = {
  service: ['{organisé}', '{proposé}', '{financé}'], document: ['{délivré}', '{accordé}', '{refusé}'], application: ['{déposé}', '{accepté}', '{rejeté}'],
  procedure: ['{réalisé}', '{mené}'], slot: ['{créé}', '{attribué}'], facility: ['{ouvert}', '{fermé}'], person: ['{désigné}', '{recruté}'], money: ['{versé}', '{accordé}'], body: ['{saisi}'],
};
const SCALE: Record<MeasureKind, [number, number]> = {
  service: [12, 2400], document: [60, 25_000], application: [60, 25_000], procedure: [40, 9000], slot: [30, 6000], facility: [2, 60], person: [8, 700], money: [50, 12_000], body: [1, 3],
};
/** What people wait for, as "d’obtenir un titre de séjour" or "de connaître le résultat de leur test ADN"; `owner` is whose application it is (none: an indefinite one). */
function waitFor(m: Measure<FrNoun>, owner: 'leur' | 'notre' | null): string {
  const n = m.forms;
  const their = owner ? `${owner} ${n.sg}` : un(n);
  switch (m.kind) {
    case 'application': return `d’obtenir une décision sur ${their}`;
    case 'procedure': return `de connaître le résultat ${owner ? `de ${their}` : de(un(n))}`;
    case 'service': return `d’accéder ${a(un(n))}`;
    case 'facility': return `d’obtenir une place dans ${un(n)}`;
    case 'person': return `de se voir attribuer ${un(n)}`;
    case 'body': return `d’obtenir une réponse ${de(le(n))}`;
    default: return `d’obtenir ${un(n)}`;
  }
}
/** "est passé de 4 à 9" or "est tombée de 9 à 4", agreeing with the subject's gender. */
function change(s: Scene, min: number, max: number, unit: (n: number) => string, g: Gender = 'm'): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `est ${agree(to > from ? '{passé}' : '{tombé}', g, false)} de ${unit(from)} à ${unit(to)}`;
}
const sinceNational = (s: Scene) => Math.min(s.year, (s.national ? Number(s.national.date.slice(0, 4)) : s.year - 12) + s.rnd.int(0, 3));

function finding(s: Scene, past: boolean): string {
  const m = measureAny(s);
  const g = group(s);
  const be = past ? 'étaient' : 'sont';
  const options = [
    () => `${le(m.forms, true)} ${be} ${agree(pick(s, STATES[m.kind]), m.forms.g, true)} ${pick(s, ['en dehors des grandes villes', 'en zone rurale', 'pour les femmes avec de jeunes enfants', inCity(s), 'pour les personnes qui travaillent', 'la première année'])}`,
    () => `les ${g.pl} ${past ? 'renonçaient' : 'renoncent'} souvent à ${outcome(s)[0]} en raison ${de(issue(s))}`,
    () => `la coopération avec ${actor(s).text} ${past ? 's’était améliorée' : `s’est améliorée depuis ${earlier(s, 1, 5)}`}`,
    () => `un accès précoce ${a(un(measure(s, 'service', 'person', 'slot', 'document')))} ${past ? 'réduisait' : 'réduit'} le temps nécessaire aux ${g.pl} pour ${outcome(s)[0]}`,
    () => {
      const [solution, plural] = pick(s, [['les démarches en ligne', true], ['un guichet unique', false], ['le mentorat par des bénévoles', false], ['l’accompagnement dans la langue d’origine', false], ['la coopération avec les employeurs', false]] as const);
      return `${solution} ${past ? (plural ? 'réduisaient' : 'réduisait') : plural ? 'réduisent' : 'réduit'} ${issue(s)} ${inCity(s, s.rnd.int(0, 2))}`;
    },
    () => `seuls ${pct(s.rnd.int(8, 45))} des ${g.pl} ${past ? 'connaissaient' : 'connaissent'} ${le(measure(s, 'service', 'money', 'document', 'body'), true)}`,
  ];
  return pick(s, options)();
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Ce rapport', 'Cette étude', 'Ce document', 'Cette note'])} ${pick(s, ['examine', 'analyse', 'dresse un état des lieux de', 'fait le point sur'])} ${topicName(s)} ${inCountry(s)} ${pick(s, [`entre ${earlier(s, 4, 8)} et ${s.year}`, `depuis ${earlier(s, 3, 10)}`, `en ${s.year}`])}, à partir ${de(pick(s, sources(s)))} et ${de(pick(s, sources(s)))}.`,
    (s) => `Il s’agit de ${pick(s, ['comprendre comment', 'décrire comment', 'expliquer comment'])} ${pick(s, ['les communes', 'les services publics', 'les associations', 'les régions'])} ${pick(s, ['organisent', 'financent', 'mettent en œuvre', 'suivent'])} ${le(measure(s, 'service', 'slot', 'facility', 'person'), true)} à destination des ${group(s).pl}.`,
    (s) => `La période étudiée va de ${earlier(s, 3, 9)} à ${s.year} ; l’analyse porte sur les ${group(s).pl} ${pick(s, [inCity(s), `de ${s.rnd.int(3, 6)} régions`, inCountry(s), 'des petites villes'])}.`,
    (s) => `${cap(countryName(s))} a enregistré ${num(count(s.rnd, 800, 90_000))} ${pick(s, ['premières demandes d’asile', 'demandes de regroupement familial', 'nouveaux titres de séjour', 'naturalisations', 'autorisations de travail'])} en ${earlier(s, 0, 2)}, ${pick(s, ['le chiffre le plus élevé depuis', 'le chiffre le plus bas depuis', 'plus qu’en aucune année depuis', 'à peu près autant qu’en'])} ${earlier(s, 5, 12)}.`,
    (s) => `Les questions posées sont concrètes : qui ${pick(s, ['propose', 'finance', 'coordonne'])} ${le(measure(s, 'service', 'slot', 'facility', 'person', 'money'), true)}, combien de temps attendent les ${group(s).pl}, et que se passe-t-il lorsque ${pick(s, ['le délai expire', 'le financement s’arrête', 'les règles changent', 'une famille déménage'])} ?`,
  ],
  context: [
    (s) => `Depuis ${earlier(s, 2, 12)}, ${pick(s, bodies(s))} ${pick(s, ['assure', 'coordonne', 'finance'])} ${le(measure(s, 'service', 'slot', 'facility', 'procedure'), true)} ${inCountry(s)}.`,
    (s) => `${cap(le(measure(s, 'service', 'document', 'procedure', 'money'), true))} ont été introduits ${inCountry(s)} en ${sinceNational(s)} par ${nationalName(s)}.`,
    (s) => `La stratégie nationale d’intégration adoptée en ${earlier(s, 1, 6)} fait ${de(issue(s))} l’une de ses ${pick(s, ['trois', 'quatre', 'cinq', 'six'])} priorités.`,
    (s) => `La responsabilité ${de(le(measure(s), true))} est ${pick(s, ['partagée entre', 'répartie entre'])} ${actor(s).text} et ${actor(s).text}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, ${le(measure(s, 'service', 'facility'), true)} sont ${pick(s, ['assurés', 'gérés', 'organisés'])} par ${pick(s, ['des associations', 'la Croix-Rouge', 'un réseau de bénévoles', 'des organismes de formation', 'le service public de l’emploi'])} pour le compte de la commune.`,
    (s) => `Le nombre de ${group(s).pl} ${inCountry(s)} a ${pick(s, ['doublé', 'augmenté régulièrement', 'diminué', 'peu varié'])} depuis ${earlier(s, 4, 10)}, selon ${pick(s, EU_BODIES)}.`,
  ],
  legal: [
    (s) => {
      const granted = un(measure(s, 'document', 'slot', 'money', 'service'));
      return `En vertu ${de(theCitation(s))}, les ${group(s).pl} ${s.rnd.chance(0.5) ? `ont droit ${a(granted)}` : `peuvent demander ${granted}`} ${pick(s, ['dans un délai raisonnable', 'dans les mêmes conditions que les nationaux', 'après cinq ans de séjour régulier', 'dans les conditions prévues par le droit national'])}.`;
    },
    (s) => {
      if (!transposable(s)) return `${cap(theCitation(s))} s’applique directement ${inCountry(s)} depuis ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`;
      // Only an act that transposes this directive is named as its transposition.
      const national = s.national?.transposes.includes(s.eu.key) ? Number(s.national.date.slice(0, 4)) : undefined;
      if (!national) return `${cap(countryName(s))} a transposé la ${citation(s)} en ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))}.`;
      return national >= s.eu.year ? `${cap(countryName(s))} a transposé la ${citation(s)} en ${national} par ${nationalName(s)}.` : `${cap(countryName(s))} a transposé la ${citation(s)} en ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} en modifiant ${nationalName(s)}.`;
    },
    (s) => `Dans son plan d’action en faveur de l’intégration et de l’inclusion pour la période 2021-2027 (COM(2020) 758 final), la Commission européenne ${pick(s, ['invite', 'encourage'])} les États membres à ${pick(s, ['associer les migrants à la conception des', 'financer les', 'évaluer les', 'ouvrir les'])} ${measure(s, 'service', 'slot', 'facility').pl}.`,
    (s) => `${cap(nationalName(s))} ${pick(s, ['exige', 'prévoit'])} que les ${group(s).pl} justifient ${de(pick(s, words(s).requirements))}.`,
    (s) => `Un arrêt ${pick(s, ['de la Cour de justice de l’Union européenne', 'de la cour constitutionnelle', 'du Conseil d’État', 'de la cour administrative d’appel'])} rendu en ${earlier(s, 0, 6)} a ${pick(s, ['précisé', 'restreint', 'confirmé', 'élargi'])} les conditions d’octroi ${de(le(measure(s, 'document', 'application', 'money', 'slot'), true))}.`,
    (s) => `Depuis le ${pick(s, ['1er janvier', '1er mars', '1er juillet', '1er septembre'])} ${earlier(s, 0, 4)}, les ${group(s).pl} ${pick(s, ['n’ont plus à justifier', 'doivent aussi justifier', 'peuvent remplacer par une déclaration sur l’honneur la preuve'])} ${de(pick(s, words(s).requirements))}.`,
  ],
  finding: [
    (s) => {
      const who = actor(s);
      const [sg, pl] = pick(s, REPORT);
      return `${cap(who.text)} ${verb(who, sg, pl)} ${que(finding(s, false))}.`;
    },
    (s) => {
      const who = actor(s);
      return `En ${earlier(s, 0, 3)}, ${who.text} ${verb(who, 'a', 'ont')} ${pick(s, REPORT)[2]} ${que(finding(s, true))}.`;
    },
    (s) => `Les ${group(s).pl} ${inCity(s, s.rnd.int(0, 2))} ${pick(s, ['évoquent', 'décrivent', 'mentionnent'])} ${issue(s)} ${pick(s, ['plus souvent que tout autre problème', 'comme le principal obstacle', 'dans presque tous les entretiens', 'comme une raison d’abandonner'])}.`,
    (s) => `Le délai pour ${waitFor(measureAny(s), null).replace(/^d’|^de /, '')} ${change(s, 2, 14, (n) => `${n} ${pick(s, ['semaines', 'mois'])}`)} entre ${earlier(s, 3, 6)} et ${earlier(s, 0, 1)}.`,
    (s) => `Seuls ${pct(s.rnd.int(12, 64))} des participants ${pick(s, ['ayant commencé', 'ayant terminé'])} ${un(measure(s, 'service', 'procedure', 'application'))} ont ${outcome(s)[1]} dans les ${s.rnd.int(6, 36)} mois.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, ${le(measure(s, 'service', 'person', 'facility'), true)} fonctionnent le mieux lorsque ${pick(s, ['communes et associations partagent un même bureau', 'les participants peuvent venir avec leurs enfants', 'les employeurs sont associés dès le départ', 'les intervenants parlent la langue des participants', 'le financement est assuré sur plusieurs années'])}.`,
    (s) => {
      const [who, asked] = pick(s, [['communes', 'interrogées'], ['écoles', 'interrogées'], ['entreprises', 'interrogées'], ['structures d’accueil', 'interrogées'], ['services d’accompagnement', 'interrogés']] as const);
      const offer = pick(s, ['proposaient', 'prévoyaient', 'avaient cessé de proposer']);
      const what = measure(s, 'service', 'slot', 'person');
      return `${cap(pick(s, ['trois', 'cinq', 'sept', 'neuf', 'onze', 'quatorze']))} des ${s.rnd.int(20, 60)} ${who} ${asked} ${offer} ${offer.endsWith('proposer') ? deBare(what.pl) : des(what)}.`;
    },
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, les femmes étaient moins nombreuses que les hommes à ${outcome(s)[0]}, surtout en raison ${de(pick(s, ['les obligations familiales', issue(s), 'le travail à temps partiel', 'les horaires des cours']))}.`,
  ],
  data: [
    (s) => {
      const m = measureAny(s, 'service', 'document', 'application', 'procedure', 'slot', 'facility', 'person', 'money');
      const g = group(s);
      return `En ${earlier(s, 0, 3)}, ${num(count(s.rnd, 40, 60_000))} ${g.pl} ${pick(s, used(m, g).split('|'))} ${where(s)}, soit ${pick(s, ['une hausse', 'une baisse'])} de ${pct(s.rnd.int(2, 40))} par rapport à l’année précédente.`;
    },
    (s) => `La part des ${group(s).pl} ayant ${outcome(s)[1]} ${change(s, 5, 80, pct, 'f')} entre ${earlier(s, 4, 8)} et ${earlier(s, 0, 2)}.`,
    (s) => {
      const who = actor(s);
      return `${cap(who.text)} ${verb(who, 'a', 'ont')} consacré ${num(count(s.rnd, 120, 9000) * 1000)} euros ${a(le(measure(s, 'service', 'slot', 'facility', 'person', 'money'), true))} en ${earlier(s, 0, 3)}, dont ${pct(s.rnd.int(10, 90))} provenaient ${de(pick(s, FUNDS))}.`;
    },
    (s) => {
      const m = measureAny(s);
      return `${cap(inCity(s, s.rnd.int(0, 2)))}, ${num(count(s.rnd, ...SCALE[m.kind]))} ${m.forms.pl} ont été ${agree(pick(s, COUNTED[m.kind]), m.forms.g, true)} en ${earlier(s, 0, 4)}.`;
    },
    (s) => `En moyenne, les ${group(s).pl} ont attendu ${s.rnd.int(3, 60)} ${pick(s, ['jours', 'semaines'])} avant ${waitFor(measureAny(s), 'leur')} ${where(s)}.`,
    (s) => `Un ${pick(s, ['dossier', 'participant', 'répondant', 'cas'])} sur ${s.rnd.int(3, 9)} concernait des ${group(s).pl}.`,
  ],
  voice: [
    (s) => `« ${quote(s)} », raconte ${pick(s, words(s).person)} ${inCity(s, s.rnd.int(0, 2))}.`,
    (s) => `Lors d’un entretien ${inCity(s)}, ${pick(s, words(s).person)} a décrit la démarche comme « ${pick(s, ['lente', 'confuse', 'équitable', 'épuisante', 'humiliante', 'plus rapide que prévu'])} mais ${pick(s, ['nécessaire', 'utile', 'imprévisible', 'coûteuse', 'bien expliquée'])} ».`,
    (s) => `« ${quote(s)} » : ${pick(s, [`ces mots ${de(pick(s, words(s).person))} résument`, `le témoignage ${de(pick(s, words(s).person))} illustre`])} ce que décrivent de nombreux entretiens.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Les auteurs', 'Les évaluateurs', 'Les professionnels', 'Les experts interrogés'])} ${pick(s, ['recommandent', 'proposent', 'préconisent'])} ${de(list(s.rnd.pickSome(words(s).goals, 2, 2), 'et'))}.`,
    (s) => {
      const m = measureAny(s);
      const act = ['procedure', 'application', 'document'].includes(m.kind) ? pick(s, ['simplifier', 'accélérer', 'évaluer', 'dématérialiser']) : pick(s, ['financer', 'coordonner', 'évaluer', 'développer']);
      return `${pick(s, ['Les pouvoirs publics', 'Les communes', 'Les régions', 'Les services publics'])} devraient ${act} ${le(m.forms, true)} ${pick(s, ['sur au moins trois ans', 'avec les associations', 'y compris en zone rurale', 'à l’aide d’indicateurs clairs', 'avant la prochaine réforme'])}.`;
    },
    (s) => `Un financement ${de(pick(s, FUNDS))} permettrait de ${pick(s, ['soutenir', 'développer', 'pérenniser'])} ${le(measure(s, 'service', 'slot', 'facility', 'person'), true)} ${pick(s, ['dans les petites villes', 'en zone rurale', inCity(s, 1), 'pour les femmes avec enfants'])}.`,
    (s) => `Une ${pick(s, ['étude', 'évaluation'])} de suivi en ${s.year + s.rnd.int(1, 3)} devrait vérifier si ${finding(s, false)}.`,
  ],
  conclusion: [
    (s) => `Dans l’ensemble, la politique relative ${a(topicName(s))} ${inCountry(s)} ${pick(s, ['s’est améliorée', 'est restée inégale', 'est devenue plus restrictive', 'a peu changé', 'a dépendu fortement des communes'])} depuis ${earlier(s, 3, 10)}.`,
    (s) => `L’expérience ${de(cityName(s, s.rnd.int(0, 2)))} montre ${que(finding(s, false))}.`,
    (s) => `${cap(inCountry(s))}, beaucoup dépend ${de(pick(s, ['la capacité des communes', 'la stabilité des financements', 'l’attitude des employeurs', 'la durée des procédures', 'la coopération entre services', 'la disponibilité des interprètes']))}, qui ${pick(s, ['varie fortement', 'diffère', `varie depuis ${earlier(s, 2, 8)}`])} d’une ${pick(s, ['région', 'commune'])} à l’autre.`,
  ],
};

function sources(s: Scene): string[] {
  return [
    `${num(count(s.rnd, 12, 80))} entretiens avec des travailleurs sociaux`,
    `une enquête auprès de ${num(count(s.rnd, 200, 4000))} ${group(s).pl}`,
    'les données administratives',
    `dossiers de ${s.rnd.int(3, 40)} communes`,
    `groupes de discussion organisés ${inCity(s, s.rnd.int(0, 2))}`,
    'statistiques d’Eurostat',
  ];
}

function quote(s: Scene): string {
  const m = measureAny(s);
  return pick(s, [
    () => `Nous avons attendu ${s.rnd.int(4, 22)} mois avant ${waitFor(m, 'notre')}`,
    () => `Sans ${pick(s, ['garde d’enfants', 'interprète', 'tuteur', 'mes voisins', 'les bénévoles'])}, j’aurais abandonné`,
    () => `Les ${s.rnd.int(2, 12)} premières semaines décident de tout`,
    () => `Personne ne nous a expliqué comment fonctionnent ${le(m.forms, true)}`,
    () => `Chaque guichet donne une réponse différente sur ${le(m.forms, true)}`,
    () => `Nous perdons de bons candidats parce ${que(`${un(measure(s, 'procedure', 'application', 'document'))} prend ${s.rnd.int(3, 18)} mois`)}`,
  ])();
}

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Résumé', 'Synthèse', 'Principaux constats', 'En bref'],
  introduction: ['Introduction', 'Objet et champ', 'À propos de ce document'],
  context: ['Contexte', 'La situation actuelle', 'Cadre politique'],
  legal: ['Cadre juridique', 'Le cadre légal', 'Droit et politiques publiques'],
  method: ['Méthodologie', 'Données et méthodes', 'Démarche de l’étude'],
  findings: ['Constats', 'Principaux résultats', 'Ce que nous avons observé', 'Résultats'],
  data: ['Faits et chiffres', 'Statistiques', 'Les chiffres'],
  practice: ['Pratiques de terrain', 'Exemples de terrain', 'Études de cas'],
  recommendations: ['Recommandations', 'Ce qui doit changer', 'Propositions'],
  conclusions: ['Conclusions', 'Conclusion', 'Perspectives'],
};

function title(s: Scene): string {
  const subject = topicName(s);
  const inPlace = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
  const y = s.year;
  const options: Record<Scene['kind'], ReadonlyArray<() => string>> = {
    legislation: [() => `Loi relative ${a(subject)}`],
    'policy-document': [() => `Plan d’action national pour ${subject} ${y}-${y + s.rnd.int(3, 6)}`, () => `Stratégie d’intégration de la ville ${de(cityName(s, s.rnd.int(0, 3)))} ${y}-${y + 4}`, () => `Feuille de route pour ${subject} ${inPlace} (${y})`, () => `Orientations ${de(subject)} ${inCountry(s)}, ${y}`],
    report: [() => `Rapport annuel sur ${subject} ${inPlace}, ${y}`, () => `${cap(subject)} ${inPlace} : rapport de suivi ${y}`, () => `Rapport sur ${issue(s)} ${inPlace} (${y})`],
    study: [() => `${pick(s, ['Les obstacles', 'Les parcours d’accès', 'Le rôle des communes face'])} ${a(subject)} : une étude auprès des ${group(s).pl} ${inPlace} (${y})`, () => `Étude sur ${subject} ${inPlace}, ${y}`],
    'impact-assessment': [() => `Analyse d’impact des nouvelles règles relatives ${a(le(measure(s), true))} ${inCountry(s)} (${y})`, () => `Analyse d’impact : ${pick(s, words(s).goals)} ${inCountry(s)}, ${y}`],
    evaluation: [() => `Évaluation ${de(le(measure(s), true))} ${inPlace}, ${y - s.rnd.int(2, 5)}-${y}`, () => `Évaluation à mi-parcours du programme local d’intégration ${de(cityName(s, s.rnd.int(0, 3)))} (${y})`],
    article: [() => `${pick(s, ['Attendre', 'Derrière', 'Repenser'])} ${subject} : ${issue(s)} ${inPlace}`, () => `Comment ${cityName(s, s.rnd.int(0, 3))} ${pick(s, ['a repensé', 'organise', 'finance'])} ${le(measure(s), true)} (${y})`],
    other: [() => `Guide sur ${subject} à l’intention des ${group(s).pl} ${inPlace} (${y})`, () => `${cap(subject)} : boîte à outils pour les professionnels ${inPlace}, ${y}`],
  };
  return pick(s, options[s.kind])();
}

/** What a regulation is called where French is the law's language. */
const REGULATION: Record<string, string> = { BE: 'Arrêté royal', LU: 'Règlement grand-ducal' };

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const m = measure(s, 'document', 'service', 'slot', 'money', 'person');
  if (role === 'scope') {
    return paragraph === 1
      ? `La présente loi fixe les règles relatives ${a(pick(s, w.names))} ${inCountry(s)}${s.rnd.chance(0.6) && transposable(s) ? ` et transpose la ${citation(s)}` : ''}.`
      : `Elle s’applique aux ${group(s).pl} et aux ${group(s).pl} qui résident régulièrement sur le territoire.`;
  }
  if (role === 'definitions') {
    return pick(s, [
      `Au sens de la présente loi, on entend par « ${m.sg} » ${un(m)} ${agree('{accordé} ou {proposé}', m.g, false)} par l’autorité compétente en application de l’article ${s.rnd.int(3, 9)}.`,
      `« Autorité compétente » : ${pick(s, ['l’autorité désignée par le ministre chargé des migrations', 'le service des étrangers de la commune de résidence', 'le bureau régional de l’intégration', `l’autorité mentionnée à l’article ${s.rnd.int(3, 12)}`])}.`,
      `« Membre de la famille » : le conjoint, le partenaire enregistré et les enfants non mariés âgés de moins de ${pick(s, ['18', '21'])} ans ${pick(s, ['du regroupant', 'du demandeur', 'du titulaire du titre'])}.`,
      `« Formation civique » : une formation de langue et d’orientation civique d’au moins ${s.rnd.int(3, 9) * 100} heures.`,
    ]);
  }
  if (role === 'final') {
    return pick(s, [
      `La présente loi entre en vigueur ${pick(s, ['le premier jour du mois qui suit sa publication au Journal officiel', `le ${pick(s, ['dixième', 'vingtième', 'trentième'])} jour suivant sa publication`, `le ${french.date(`${s.year + s.rnd.int(0, 1)}-${String(s.rnd.int(1, 12)).padStart(2, '0')}-01`)}`])}.`,
      `Un arrêté du ministre chargé ${de(pick(s, ['les migrations', 'l’intégration', 'les affaires sociales', 'le travail']))} précise les modalités d’application de la présente loi.`,
      `Les demandes ${deBare(measure(s, 'document', 'application', 'slot', 'money').sg)} déposées avant le ${french.date(`${s.year}-${String(s.rnd.int(1, 12)).padStart(2, '0')}-01`)} restent régies par les dispositions applicables à la date de leur dépôt.`,
    ]);
  }
  const doc = measure(s, 'document', 'slot', 'money');
  const service = measure(s, 'service', 'slot', 'person');
  const charged = measure(s, 'document', 'procedure', 'application', 'service');
  const g = group(s);
  const frames: Array<() => string> = [
    () => `La demande ${deBare(doc.sg)} est déposée auprès de l’autorité compétente ${pick(s, ['par écrit', 'par voie électronique', 'en personne'])} au plus tard ${s.rnd.int(2, 12) * 15} jours ${pick(s, ['après l’arrivée', 'avant l’expiration du titre en cours', 'après l’enregistrement'])}.`,
    () => `L’autorité compétente statue sur la demande dans un délai de ${s.rnd.int(3, 12) * 10} jours à compter de sa réception et notifie sa décision par écrit au demandeur.`,
    () => `${cap(le(doc))} ${agree('{délivré}', doc.g, false)} en application du présent article est ${agree('{valable}', doc.g, false)} ${pick(s, ['un an', 'deux ans', 'trois ans', 'cinq ans'])} et peut être ${agree('{renouvelé}', doc.g, false)} par périodes de ${pick(s, ['un an', 'deux ans', 'trois ans'])}.`,
    () => `Les ${g.pl} ont droit gratuitement ${a(un(service))} ${pick(s, [`pendant les ${s.rnd.int(6, 36)} premiers mois`, 'tant qu’ils résident dans la commune', `dans la limite de ${s.rnd.int(1, 6) * 100} heures`])}.`,
    () => `Le demandeur justifie ${de(pick(s, w.requirements))}.`,
    () => `Une taxe de ${s.rnd.int(2, 40) * 10} euros est perçue pour ${un(charged)} ; les ${g.pl} en sont ${agree('{exonéré}', g.g, true)}.`,
    () => `L’obligation prévue au paragraphe ${Math.max(1, paragraph - 1)} ne s’applique pas ${a(pick(s, ['les personnes âgées de plus de 65 ans', 'les personnes handicapées', 'les mineurs', 'les bénéficiaires d’une protection internationale', 'les titulaires d’une carte bleue européenne']))}.`,
    () => `Lorsque le demandeur est un mineur non accompagné, un administrateur ad hoc est désigné sans délai et au plus tard dans un délai de ${s.rnd.int(3, 15)} jours ouvrables.`,
    () => `Les décisions prises en application du présent article sont motivées et peuvent faire l’objet d’un recours devant le tribunal administratif dans un délai de ${s.rnd.int(2, 6) * 7} jours à compter de leur notification.`,
    () => `Les données à caractère personnel collectées en application du présent article sont conservées pendant ${s.rnd.int(2, 10)} ans au plus.`,
    () => `Les ${g.pl} qui résident légalement et de manière ininterrompue sur le territoire depuis ${s.rnd.int(3, 8)} ans peuvent demander ${un(doc)}.`,
    () => `La commune propose aux ${g.pl} ${un(service)} dans un délai de ${s.rnd.int(2, 12)} semaines à compter de leur inscription.`,
  ];
  if (has(s, 'service')) frames.push(() => `La participation ${a(le(measure(s, 'service')))} est ${pick(s, ['obligatoire', 'facultative'])} pour les ${g.pl} et comprend au moins ${s.rnd.int(2, 9) * 50} heures.`);
  return pick(s, frames)();
}

/** "5a" → "5 bis", "5b" → "5 ter": how French numbers inserted articles. */
const LATIN = ['bis', 'ter', 'quater', 'quinquies'];
const frenchLabel = (label: string) => label.replace(/^(\d+)([a-d])$/, (_, n: string, letter: string) => `${n} ${LATIN[letter.charCodeAt(0) - 97]}`);

export const french: LanguagePack = {
  lang: 'fr',
  date: (iso) => {
    const { y, m, d } = parts(iso);
    return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [finding(s, false), `${pick(s, words(s).goals)} ${where(s)}`, `${le(measure(s), true)} pour les ${group(s).pl}`])}.`),
  title,
  actTitle: (s, kind, number, iso) => {
    const date = french.date(iso);
    const about = pick(s, words(s).names);
    const y = iso.slice(0, 4);
    if (kind === 'act') return `Loi n° ${y}-${number} du ${date} relative ${a(about)}`;
    if (kind === 'decree') return `Décret n° ${y}-${number} du ${date} relatif ${a(le(measure(s), true))}`;
    if (kind === 'bylaw') return `Règlement communal de la ville ${de(cityName(s))} n° ${number}/${y} relatif ${a(le(measure(s), true))}`;
    if (kind === 'circular') return `Circulaire n° ${number}/${y} du ${date} relative ${a(le(measure(s), true))}`;
    return `${REGULATION[s.country] ?? 'Arrêté'} du ${date} relatif ${a(about)}`;
  },
  articleLabel: (label) => `Article ${frenchLabel(label)}`,
  articleHeading: (s, role) =>
    role === 'scope' ? 'Objet et champ d’application' : role === 'definitions' ? 'Définitions' : role === 'final' ? pick(s, ['Entrée en vigueur', 'Dispositions finales', 'Dispositions transitoires']) : pick(s, words(s).articles),
  provision,
  repealed: '(abrogé)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (change: ArticleChange) =>
      change.op === 'inserted' ? `article ${frenchLabel(change.article)} inséré` : change.op === 'repealed' ? `article ${frenchLabel(change.article)} abrogé` : `article ${change.article}, paragraphe ${change.paragraph ?? 1}, modifié`;
    return `${cap(list(changes.map(what), 'et'))} par ${act}, en vigueur à compter du ${french.date(inForceFrom)}.`;
  },
  question: (s) =>
    pick(s, [
      () => `Comment gérez-vous ${issue(s)} ${inCity(s, s.rnd.int(0, 2))} ?`,
      () => `Retours d’expérience sur ${le(measure(s), true)} pour les ${group(s).pl} ?`,
      () => `Cherche exemples : ${pick(s, words(s).goals)} ${inCountry(s)}`,
      () => `${s.rnd.int(3, 18)} mois pour ${waitFor(measureAny(s), null).replace(/^d’|^de /, '')} ${inCountry(s)} : est-ce normal ?`,
      () => `Qui finance ${le(measure(s, 'service', 'slot', 'facility', 'person'), true)} ${inCity(s, s.rnd.int(0, 2))} ?`,
    ])(),
  forum: { wrote: 'a écrit :', answers: ['Merci, {name}.', 'Je rejoins {name}.', 'Même constat que {name}.', 'Pour compléter ce qu’écrit {name} :', '@{name} bonne question.'] },
  pageLabel: (page, of) => `page ${page} sur ${of}`,
  labels: { published: 'Publié le', place: 'Lieu', identifier: 'Identifiant', version: 'Version', inForce: 'en vigueur depuis le' },
};
