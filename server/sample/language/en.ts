// English: report prose, titles and legal drafting. Each sentence is a frame
// whose slots are filled from the topic's words, the country's bodies and
// places, years and figures, with agreement between subject and verb.
import { cite } from '../citations';
import { city, country } from '../places';
import { EN_BODIES, EN_EU_BODIES, FUNDS } from './bodies';
import { EN_TOPICS, type Noun } from './en-words';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { MEASURE_KINDS, type MeasureKind } from '../topics';
import { cap, count, grouped, list, measureOf, parts, type Measure } from './util';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const num = (n: number) => grouped(n, ',', true);
const pct = (n: number) => `${n}%`;
/** "a" or "an" by sound: an EU Blue Card, an hour, a European fund, a one-stop shop, a university. */
function a(phrase: string): string {
  const an = /^(?:EU\b|NGO|HR\b|hour|hon|heir)/.test(phrase) || (/^[aeiou]/i.test(phrase) && !/^(?:one|uni|use|usu|euro|eu)/i.test(phrase));
  return `${an ? 'an' : 'a'} ${phrase}`;
}

interface Actor {
  text: string;
  plural: boolean;
}
const verb = (actor: Actor, [singular, plural]: readonly string[]) => (actor.plural ? plural : singular)!;

const words = (s: Scene) => EN_TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const countryName = (s: Scene) => country('en', s.country).name;
const inCountry = (s: Scene) => country('en', s.country).in;
const cityName = (s: Scene, shift = 0) => city('en', s.country, s.city + shift).name;
const inCity = (s: Scene, shift = 0) => city('en', s.country, s.city + shift).in;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const measureAny = (s: Scene, ...kinds: MeasureKind[]): Measure<Noun> => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const measure = (s: Scene, ...kinds: MeasureKind[]): Noun => measureAny(s, ...kinds).forms;
const has = (s: Scene, kind: MeasureKind) => MEASURE_KINDS[s.topic].includes(kind);

/** What people wait for, by kind: a permit, a decision on their application, the outcome of a test, access to a course… */
function waitFor(m: Measure<Noun>): string {
  switch (m.kind) {
    case 'application': return `a decision on their ${m.forms.sg}`;
    case 'procedure': return `the outcome of their ${m.forms.sg}`;
    case 'service': return `access to ${a(m.forms.sg)}`;
    case 'facility': return `a place in ${a(m.forms.sg)}`;
    case 'money': return `their first ${m.forms.sg}`;
    case 'body': return `an answer from the ${m.forms.sg}`;
    default: return a(m.forms.sg);
  }
}
/** What a group did with a measure, past tense. */
const USED: Record<MeasureKind, readonly string[]> = {
  service: ['took part in', 'completed', 'enrolled in', 'dropped out of'],
  document: ['were granted', 'received', 'applied for'],
  application: ['lodged', 'withdrew'],
  procedure: ['went through', 'completed'],
  slot: ['were allocated', 'were offered', 'were still waiting for'],
  facility: ['were accommodated in', 'moved out of'],
  person: ['were assigned'],
  money: ['received', 'applied for'],
  body: ['turned to'],
};
/** The passive of counting them. */
const COUNTED: Record<MeasureKind, readonly string[]> = {
  service: ['offered', 'organised', 'funded'],
  document: ['granted', 'issued', 'refused'],
  application: ['lodged', 'approved', 'rejected'],
  procedure: ['carried out', 'completed', 'registered'],
  slot: ['created', 'allocated'],
  facility: ['opened', 'closed'],
  person: ['appointed', 'recruited'],
  money: ['paid', 'granted'],
  body: ['consulted'],
};
/** Plausible counts of each kind in one city or country in a year. */
const SCALE: Record<MeasureKind, [number, number]> = {
  service: [12, 2400], document: [60, 25_000], application: [60, 25_000], procedure: [40, 9000], slot: [30, 6000],
  facility: [2, 60], person: [8, 700], money: [50, 12_000], body: [1, 3],
};
/** "rose from 4 to 9" or "fell from 9 to 4": the verb agrees with the numbers. */
function change(s: Scene, min: number, max: number, unit = ''): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'rose' : 'fell'} from ${from}${unit} to ${to}${unit}`;
}
/** A year after the national act the sentence cites was adopted (and not after the text's own year). */
const sinceNational = (s: Scene) => {
  const adopted = s.national ? Number(s.national.date.slice(0, 4)) : s.year - 12;
  return Math.min(s.year, adopted + s.rnd.int(0, 3));
};
const STATES: Record<MeasureKind, readonly string[]> = {
  service: ['oversubscribed', 'underfunded', 'hard to reach', 'too short', 'well attended', 'little known'],
  document: ['slow to obtain', 'expensive', 'issued for short periods', 'hard to renew'],
  application: ['slow', 'overly complex', 'often incomplete', 'decided late'],
  procedure: ['slow', 'overly complex', 'unevenly applied', 'costly'],
  slot: ['scarce', 'unevenly distributed', 'oversubscribed'],
  facility: ['overcrowded', 'remote', 'poorly equipped', 'full'],
  person: ['overstretched', 'hard to find', 'unevenly distributed'],
  money: ['too low', 'little known', 'paid late'],
  body: ['underfunded', 'little known', 'hard to reach'],
};
const group = (s: Scene) => pick(s, words(s).groups);
const issue = (s: Scene) => pick(s, words(s).issues);
const goal = (s: Scene) => pick(s, words(s).goals);
const outcome = (s: Scene) => pick(s, words(s).outcomes);
const topicName = (s: Scene) => pick(s, words(s).names);
const citation = (s: Scene) => cite(s.eu, 'en');
/** Acts named by number or date take no article ("Law 4939/2022"); named acts do ("the Aliens Act"). */
const BARE_ACT = /^(?:Law|Act No|Act II|Act of|Act \(|Government|Organic|Royal|Legislative|Amended)/;
const nationalName = (s: Scene) => {
  if (!s.national) return `the national ${pick(s, ['Aliens Act', 'Integration Act', 'Residence Act'])}`;
  return BARE_ACT.test(s.national.en) ? s.national.en : `the ${s.national.en}`;
};
const bareName = (s: Scene) => topicName(s).replace(/^the /, '');
/** Only directives are transposed; regulations and decisions apply directly. */
const transposable = (s: Scene) => s.eu.kind === 'directive';

function actor(s: Scene): Actor {
  const options: Array<() => Actor> = [
    () => ({ text: pick(s, EN_BODIES[s.country] ?? ['the Ministry of the Interior']), plural: false }),
    () => ({ text: `the city of ${cityName(s, s.rnd.int(0, 2))}`, plural: false }),
    () => ({ text: `local authorities ${inCity(s, s.rnd.int(0, 2))}`, plural: true }),
    () => ({ text: `NGOs ${inCity(s)}`, plural: true }),
    () => ({ text: pick(s, ['migrant associations', 'trade unions', 'employers’ organisations', 'social workers', 'volunteer groups', 'school heads']), plural: true }),
    () => ({ text: `researchers ${inCity(s, s.rnd.int(0, 1))}`, plural: true }),
    () => ({ text: pick(s, EN_EU_BODIES), plural: false }),
    () => ({ text: pick(s, ['the national contact point on integration', 'the ombudsperson', 'the regional government', 'the national statistics office', 'the court of auditors']), plural: false }),
  ];
  return pick(s, options)();
}

const REPORT = [['reports', 'report', 'reported'], ['notes', 'note', 'noted'], ['finds', 'find', 'found'], ['stresses', 'stress', 'stressed'], ['points out', 'point out', 'pointed out'], ['observes', 'observe', 'observed'], ['warns', 'warn', 'warned'], ['estimates', 'estimate', 'estimated'], ['concludes', 'conclude', 'concluded']] as const;
const SOURCES = (s: Scene) => [
  `${num(count(s.rnd, 12, 80))} interviews with caseworkers`,
  `a survey of ${num(count(s.rnd, 200, 4000))} ${group(s)}`,
  'administrative data',
  `case files from ${s.rnd.int(3, 40)} municipalities`,
  `focus groups ${inCity(s, s.rnd.int(0, 2))}`,
  'statistics from Eurostat',
  `${s.rnd.int(4, 30)} expert interviews`,
];

function finding(s: Scene, past: boolean): string {
  const m = measureAny(s);
  const options = [
    () => `${m.forms.pl} ${past ? 'were' : 'are'} ${pick(s, STATES[m.kind])} ${pick(s, ['outside the big cities', 'in rural areas', 'for women with young children', inCity(s), 'for people in work', 'in the first year'])}`,
    () => `${group(s)} often ${past ? 'failed' : 'fail'} to ${outcome(s)[0]} because of ${issue(s)}`,
    () => `cooperation with ${actor(s).text} ${past ? 'had improved' : `has improved since ${earlier(s, 1, 5)}`}`,
    () => `early access to ${a(measure(s, 'service', 'person', 'slot', 'document').sg)} ${past ? 'shortened' : 'shortens'} the time ${group(s)} need to ${outcome(s)[0]}`,
    () => `${pick(s, ['online applications', 'a single contact point', 'mentoring by volunteers', 'outreach in the first language', 'cooperation with employers'])} ${past ? 'reduced' : 'reduces'} ${issue(s)} ${inCity(s, s.rnd.int(0, 2))}`,
    () => `only ${pct(s.rnd.int(8, 45))} of ${group(s)} ${past ? 'knew' : 'know'} about ${measure(s, 'service', 'money', 'document', 'body').pl}`,
  ];
  return pick(s, options)();
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `This ${pick(s, docNouns(s))} ${pick(s, ['examines', 'reviews', 'maps', 'assesses', 'looks at'])} ${topicName(s)} ${inCountry(s)} ${pick(s, [`between ${earlier(s, 4, 8)} and ${s.year}`, `since ${earlier(s, 3, 10)}`, `in ${s.year}`])}, drawing on ${pick(s, SOURCES(s))} and ${pick(s, SOURCES(s))}.`,
    (s) => `Its aim is to ${pick(s, ['understand how', 'document how', 'explain how'])} ${pick(s, ['municipalities', 'public services', 'NGOs', 'regional authorities'])} ${pick(s, ['organise', 'fund', 'deliver', 'monitor'])} ${measure(s, 'service', 'slot', 'facility', 'person').pl} for ${group(s)}.`,
    (s) => `It covers the period from ${earlier(s, 3, 9)} to ${s.year} and focuses on ${group(s)} ${pick(s, [inCity(s), `in ${s.rnd.int(3, 6)} regions`, inCountry(s), 'in small towns'])}.`,
    (s) => `${cap(countryName(s))} registered ${num(count(s.rnd, 800, 90_000))} ${pick(s, ['first-time asylum applications', 'applications for family reunification', 'new residence permits', 'naturalisations', 'work permits for third-country nationals'])} in ${earlier(s, 0, 2)}, ${pick(s, ['the highest figure since', 'the lowest figure since', 'more than in any year since', 'roughly as many as in'])} ${earlier(s, 5, 12)}.`,
    (s) => `The questions it asks are practical: who ${pick(s, ['offers', 'pays for', 'coordinates'])} ${measure(s, 'service', 'slot', 'facility', 'person', 'money').pl}, how long ${group(s)} wait, and what happens when ${pick(s, ['the deadline passes', 'funding ends', 'the rules change', 'a family moves'])}.`,
  ],
  context: [
    (s) => `Since ${earlier(s, 2, 12)}, ${pick(s, EN_BODIES[s.country] ?? ['the Ministry of the Interior'])} ${pick(s, ['has been responsible for', 'has coordinated', 'has funded'])} ${measure(s, 'service', 'slot', 'facility', 'procedure').pl} ${inCountry(s)}.`,
    (s) => `${cap(measure(s, 'service', 'document', 'procedure', 'money').pl)} were introduced ${inCountry(s)} in ${sinceNational(s)} under ${nationalName(s)}.`,
    (s) => `The national integration strategy adopted in ${earlier(s, 1, 6)} names ${issue(s)} as one of its ${pick(s, ['three', 'four', 'five', 'six'])} priorities.`,
    (s) => `Responsibility for ${measure(s).pl} is ${pick(s, ['shared between', 'split between', 'divided between'])} ${actor(s).text} and ${actor(s).text}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, ${measure(s, 'service', 'facility').pl} are ${pick(s, ['run', 'delivered', 'organised'])} by ${pick(s, ['NGOs', 'the Red Cross', 'a network of volunteers', 'adult education centres', 'the public employment service'])} on behalf of the municipality.`,
    (s) => `The ${pick(s, ['number', 'share'])} of ${group(s)} ${inCountry(s)} has ${pick(s, ['doubled', 'grown steadily', 'fallen', 'stabilised'])} since ${earlier(s, 4, 10)}, according to ${pick(s, EN_EU_BODIES)}.`,
  ],
  legal: [
    (s) => `Under ${citation(s)}, ${group(s)} ${pick(s, ['are entitled to', 'may apply for'])} ${a(measure(s, 'document', 'slot', 'money', 'service').sg)} ${pick(s, ['within a reasonable time', 'under the same conditions as nationals', 'once they have resided lawfully for five years', 'subject to the conditions of national law'])}.`,
    (s) => {
      if (!transposable(s)) return `${cap(citation(s))} has applied directly ${inCountry(s)} since ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`;
      const year = Math.min(s.year, s.eu.year + s.rnd.int(1, 3));
      // Only an act that transposes this directive is named as its transposition.
      const national = s.national?.transposes.includes(s.eu.key) ? Number(s.national.date.slice(0, 4)) : undefined;
      if (!national) return `${cap(countryName(s))} transposed ${citation(s)} in ${year}.`;
      return national >= s.eu.year ? `${cap(countryName(s))} transposed ${citation(s)} in ${national} through ${nationalName(s)}.` : `${cap(countryName(s))} transposed ${citation(s)} in ${year} by amending ${nationalName(s)}.`;
    },
    (s) => `In its Action plan on Integration and Inclusion 2021–2027 (COM(2020) 758 final), the European Commission ${pick(s, ['calls on', 'encourages', 'invites'])} Member States to ${pick(s, ['involve migrants in designing', 'fund', 'evaluate', 'open up'])} ${measure(s, 'service', 'slot', 'facility').pl}.`,
    (s) => `${cap(nationalName(s))} ${pick(s, ['requires', 'lays down', 'sets out'])} ${pick(s, words(s).requirements)} for ${group(s)}.`,
    (s) => `Article ${s.rnd.int(3, 24)} of ${citation(s)} ${pick(s, ['allows Member States to require', 'obliges Member States to provide', 'lets Member States make access subject to'])} ${pick(s, words(s).requirements)}.`,
    (s) => `A ruling of the ${pick(s, ['Court of Justice of the European Union', 'constitutional court', 'supreme administrative court', 'regional administrative court'])} in ${earlier(s, 0, 6)} ${pick(s, ['clarified', 'narrowed', 'confirmed', 'widened'])} the conditions for ${measure(s, 'document', 'application', 'money', 'slot').pl}.`,
    (s) => `Since ${pick(s, ['1 January', '1 March', '1 July', '1 September'])} ${earlier(s, 0, 4)}, ${group(s)} ${pick(s, ['no longer need to show', 'must also show', 'may submit a sworn declaration instead of'])} ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => {
      const who = actor(s);
      return `${cap(who.text)} ${verb(who, pick(s, REPORT))} that ${finding(s, false)}.`;
    },
    (s) => {
      const who = actor(s);
      return `In ${earlier(s, 0, 3)}, ${who.text} ${pick(s, REPORT)[2]} that ${finding(s, true)}.`;
    },
    (s) => `${cap(group(s))} ${inCity(s, s.rnd.int(0, 2))} ${pick(s, ['report', 'describe', 'face', 'mention'])} ${issue(s)} ${pick(s, ['more often than any other problem', 'as the main obstacle', 'in almost every interview', 'as a reason to give up'])}.`,
    (s) => `The wait for ${waitFor(measureAny(s)).replace(/their /, '')} ${change(s, 2, 14)} ${pick(s, ['weeks', 'months'])} between ${earlier(s, 3, 6)} and ${earlier(s, 0, 1)}.`,
    (s) => `Only ${pct(s.rnd.int(12, 64))} of those who ${pick(s, ['started', 'completed'])} ${a(measure(s, 'service', 'procedure', 'application').sg)} ${outcome(s)[1]} within ${s.rnd.int(6, 36)} months.`,
    (s) => `${cap(measure(s, 'service', 'person', 'facility').pl)} ${inCity(s, s.rnd.int(0, 2))} worked best where ${pick(s, ['municipalities and NGOs shared one office', 'participants could bring their children', 'employers were involved from the start', 'caseworkers spoke the participants’ languages', 'funding was secured for several years'])}.`,
    (s) => `${cap(pick(s, ['three', 'five', 'seven', 'nine', 'eleven', 'fourteen']))} of the ${s.rnd.int(20, 60)} ${pick(s, ['municipalities', 'schools', 'employers', 'reception centres', 'counselling services'])} surveyed ${pick(s, ['offered', 'planned', 'had stopped offering'])} ${measure(s, 'service', 'slot', 'person').pl}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))}, women were less likely than men to ${outcome(s)[0]}, mainly because of ${pick(s, ['childcare duties', issue(s), 'part-time work', 'the timing of courses'])}.`,
  ],
  data: [
    (s) => {
      const m = measureAny(s, 'service', 'document', 'application', 'procedure', 'slot', 'facility', 'person', 'money');
      return `In ${earlier(s, 0, 3)}, ${num(count(s.rnd, 40, 60_000))} ${group(s)} ${pick(s, USED[m.kind])} ${m.forms.pl} ${where(s)}, ${pick(s, ['up', 'down'])} ${pct(s.rnd.int(2, 40))} on the previous year.`;
    },
    (s) => `The share of ${group(s)} who ${outcome(s)[1]} ${change(s, 5, 80, '%')} between ${earlier(s, 4, 8)} and ${earlier(s, 0, 2)}.`,
    (s) => {
      const who = actor(s);
      return `${cap(who.text)} spent EUR ${num(count(s.rnd, 120, 9000) * 1000)} on ${measure(s, 'service', 'slot', 'facility', 'person', 'money').pl} in ${earlier(s, 0, 3)}, of which ${pct(s.rnd.int(10, 90))} came from ${pick(s, FUNDS)}.`;
    },
    (s) => {
      const m = measureAny(s);
      return `${num(count(s.rnd, ...SCALE[m.kind]))} ${m.forms.pl} were ${pick(s, COUNTED[m.kind])} ${inCity(s, s.rnd.int(0, 2))} in ${earlier(s, 0, 4)}.`;
    },
    (s) => `On average, ${group(s)} waited ${s.rnd.int(3, 60)} ${pick(s, ['days', 'weeks'])} for ${waitFor(measureAny(s))} ${where(s)}.`,
    (s) => `One in ${s.rnd.int(3, 9)} ${pick(s, ['applications', 'participants', 'respondents', 'files'])} ${pick(s, ['concerned', 'came from', 'involved'])} ${group(s)}.`,
  ],
  voice: [
    (s) => `“${quote(s)}”, said ${pick(s, words(s).person)} ${inCity(s, s.rnd.int(0, 2))}.`,
    (s) => `${cap(pick(s, words(s).person))} interviewed ${inCity(s)} described the procedure as “${pick(s, ['slow', 'confusing', 'fair', 'exhausting', 'humiliating', 'quicker than expected'])} but ${pick(s, ['necessary', 'worth it', 'unpredictable', 'expensive', 'well explained'])}”.`,
    (s) => `“${quote(s)}”: ${pick(s, ['this remark from', 'the experience of', 'what was said by'])} ${pick(s, words(s).person)} ${pick(s, ['sums up', 'is typical of', 'echoes'])} many interviews.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['The authors', 'The evaluators', 'Practitioners', 'Experts interviewed for this study'])} ${pick(s, ['recommend', 'call for', 'propose'])} ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'and')}.`,
    (s) => {
      const m = measureAny(s);
      const act = ['procedure', 'application', 'document'].includes(m.kind) ? pick(s, ['simplify', 'speed up', 'evaluate', 'digitalise']) : pick(s, ['fund', 'coordinate', 'evaluate', 'expand']);
      return `${pick(s, ['Authorities', 'Municipalities', 'Regional governments', 'Public services'])} should ${act} ${m.forms.pl} ${pick(s, ['for at least three years at a time', 'together with NGOs', 'in rural areas as well', 'with clear indicators', 'before the next reform'])}.`;
    },
    (s) => `Funding from ${pick(s, FUNDS)} could ${pick(s, ['support', 'expand', 'stabilise'])} ${measure(s, 'service', 'slot', 'facility', 'person').pl} ${pick(s, ['in smaller towns', 'in rural areas', inCity(s, 1), 'for women with children'])}.`,
    (s) => `A follow-up ${pick(s, ['study', 'review', 'evaluation'])} in ${s.year + s.rnd.int(1, 3)} should ${pick(s, ['assess', 'check'])} whether ${finding(s, false)}.`,
  ],
  conclusion: [
    (s) => `Overall, policy on ${bareName(s)} ${inCountry(s)} ${pick(s, ['has improved', 'has remained uneven', 'has become more restrictive', 'has changed little', 'has depended heavily on the municipality'])} since ${earlier(s, 3, 10)}.`,
    (s) => `The experience of ${cityName(s, s.rnd.int(0, 2))} shows that ${finding(s, false)}.`,
    (s) => `Much depends on ${pick(s, ['the capacity of municipalities', 'stable funding', 'the attitude of employers', 'the length of procedures', 'cooperation between services', 'the number of caseworkers', 'the availability of interpreters'])} ${inCountry(s)}, which ${pick(s, ['varies widely', 'differs', 'has varied since ' + earlier(s, 2, 8)])} between ${pick(s, ['regions', 'municipalities', 'cities and rural areas'])}.`,
  ],
};

function quote(s: Scene): string {
  const m = measureAny(s);
  return pick(s, [
    () => `We waited ${s.rnd.int(4, 22)} months for ${waitFor(m).replace('their', 'our')}`,
    () => `Without ${pick(s, ['childcare', 'an interpreter', 'a mentor', 'my neighbours', 'the volunteers'])}, I would have given up`,
    () => `The first ${s.rnd.int(2, 12)} weeks decide everything`,
    () => `Nobody explained to us how ${m.forms.pl} work`,
    () => `Every office gives you a different answer about ${m.forms.pl}`,
    () => `We lose good people because ${a(measure(s, 'procedure', 'application', 'document').sg)} takes ${s.rnd.int(3, 18)} months`,
  ])();
}

function docNouns(s: Scene): string[] {
  const byKind: Record<Scene['kind'], string[]> = {
    legislation: ['act'], 'policy-document': ['plan', 'strategy', 'policy paper'], report: ['report'], study: ['study'],
    'impact-assessment': ['impact assessment'], evaluation: ['evaluation'], article: ['article'], other: ['guide', 'handbook'],
  };
  return byKind[s.kind];
}

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Summary', 'Executive summary', 'Key findings', 'In brief'],
  introduction: ['Introduction', 'Purpose and scope', 'About this document'],
  context: ['Background', 'Context', 'The situation today', 'Policy context'],
  legal: ['Legal framework', 'The legal framework', 'Law and policy'],
  method: ['Method', 'Data and methods', 'How the study was done'],
  findings: ['Findings', 'Main findings', 'What we found', 'Results'],
  data: ['Facts and figures', 'Statistics', 'The numbers'],
  practice: ['Practice on the ground', 'Examples from the field', 'Case studies'],
  recommendations: ['Recommendations', 'What should change', 'Proposals'],
  conclusions: ['Conclusions', 'Conclusion', 'Outlook'],
};

function title(s: Scene): string {
  const subject = cap(topicName(s));
  const place = s.rnd.chance(0.5) ? countryName(s) : cityName(s, s.rnd.int(0, 3));
  const inPlace = place === countryName(s) ? inCountry(s) : `in ${place}`;
  const y = s.year;
  const options: Record<Scene['kind'], ReadonlyArray<() => string>> = {
    legislation: [() => `Act on ${topicName(s)}`],
    'policy-document': [() => `National action plan on ${topicName(s)} ${y}–${y + s.rnd.int(3, 6)}`, () => `Integration strategy of the city of ${cityName(s, s.rnd.int(0, 3))}, ${y}–${y + 4}`, () => `${subject}: policy guidelines for ${cap(countryName(s))} (${y})`, () => `Roadmap for ${topicName(s)} ${inPlace}, ${y}`],
    report: [() => `Annual report on ${topicName(s)} ${inPlace}, ${y}`, () => `${subject} ${inPlace}: monitoring report ${y}`, () => `Report on ${issue(s)} ${inPlace} (${y})`],
    study: [() => `${pick(s, ['Barriers to', 'Pathways into', 'The role of municipalities in', 'Gender and'])} ${bareName(s)}: a study of ${group(s)} ${inPlace} (${y})`, () => `Study on ${topicName(s)} ${inPlace}, ${y}`],
    'impact-assessment': [() => `Impact assessment of new rules on ${measure(s).pl} ${inCountry(s)} (${y})`, () => `Impact assessment: ${goal(s)} ${inCountry(s)}, ${y}`],
    evaluation: [() => `Evaluation of ${measure(s).pl} ${inPlace}, ${y - s.rnd.int(2, 5)}–${y}`, () => `Mid-term evaluation of the ${bareName(s)} programme ${inPlace} (${y})`],
    article: [() => `${pick(s, ['Waiting for', 'Behind', 'Rethinking', 'The price of'])} ${topicName(s)}: ${issue(s)} ${inPlace}`, () => `How ${cityName(s, s.rnd.int(0, 3))} ${pick(s, ['rethought', 'organises', 'finances'])} ${measure(s).pl} (${y})`],
    other: [() => `Guide to ${topicName(s)} for ${group(s)} ${inPlace} (${y})`, () => `${subject}: a toolkit for practitioners ${inPlace}, ${y}`],
  };
  return pick(s, options[s.kind])();
}

const ACT_WORDS: Record<NationalActKind, string> = { act: 'Act', regulation: 'Regulation', decree: 'Decree', bylaw: 'By-law', circular: 'Circular' };

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const m = measure(s, 'document', 'service', 'slot', 'money', 'person');
  if (role === 'scope') {
    return paragraph === 1
      ? `This ${pick(s, ['Act', 'Regulation'])} lays down the rules on ${pick(s, w.names)} ${inCountry(s)}${s.rnd.chance(0.6) ? ` and transposes ${citation(s)}` : ''}.`
      : `It applies to ${group(s)} and to ${pick(s, w.groups)} who reside lawfully in the territory.`;
  }
  if (role === 'definitions') {
    return pick(s, [
      `For the purposes of this Act, ‘${m.sg}’ means ${a(m.sg)} granted or offered by the competent authority under Article ${s.rnd.int(3, 9)}.`,
      `‘Competent authority’ means ${pick(s, ['the authority designated by the Minister responsible for migration', 'the immigration office of the municipality of residence', 'the regional integration office', `the authority referred to in Article ${s.rnd.int(3, 12)}`])}.`,
      `‘Family member’ means the spouse, the registered partner and the unmarried children under the age of ${pick(s, ['18', '21'])} of the ${pick(s, ['sponsor', 'applicant', 'holder of the permit'])}.`,
      `‘${cap(pick(s, words(s).groups).replace(/s$/, ''))}’ means a person who ${pick(s, ['holds a residence permit issued under Article', 'has applied under Article', 'is registered under Article'])} ${s.rnd.int(3, 12)}.`,
      `‘Integration course’ means a course of language tuition and civic orientation comprising at least ${s.rnd.int(3, 9) * 100} hours.`,
    ]);
  }
  if (role === 'final') {
    return pick(s, [
      `This Act shall enter into force on ${pick(s, ['the first day of the month following its publication', `the ${pick(s, ['tenth', 'twentieth', 'thirtieth'])} day following its publication`, `1 ${pick(s, MONTHS)} ${s.year + 1}`, `1 ${pick(s, MONTHS)} ${s.year}`])}.`,
      `The Minister responsible for ${pick(s, ['migration', 'integration', 'social affairs', 'labour'])} shall lay down detailed rules on ${measure(s).pl} by ${pick(s, ['regulation', 'decree'])} within ${s.rnd.int(3, 12)} months.`,
      `Applications for ${measure(s, 'document', 'application', 'slot', 'money').pl} lodged before ${english.date(`${s.year}-${String(s.rnd.int(1, 12)).padStart(2, '0')}-01`)} shall be decided under the rules applicable at the time they were lodged.`,
    ]);
  }
  const doc = measure(s, 'document', 'slot', 'money');
  const service = measure(s, 'service', 'slot', 'person');
  const charged = measure(s, 'document', 'procedure', 'application', 'service');
  const frames: Array<() => string> = [
    () => `An application for ${a(doc.sg)} shall be lodged with the competent authority ${pick(s, ['in writing', 'electronically', 'in person'])} no later than ${s.rnd.int(2, 12) * 15} days ${pick(s, ['after arrival', 'before the expiry of the current permit', 'after registration'])}.`,
    () => `The competent authority shall decide on the application within ${s.rnd.int(3, 12) * 10} days of its receipt and shall notify the applicant in writing.`,
    () => `${cap(a(doc.sg))} issued under this Article shall be valid for ${pick(s, ['one year', 'two years', 'three years', 'five years'])} and may be renewed for periods of ${pick(s, ['one year', 'two years', 'three years'])}.`,
    () => `${cap(group(s))} shall be entitled to ${a(service.sg)} free of charge ${pick(s, [`for the first ${s.rnd.int(1, 6) * 100} hours`, `during the first ${s.rnd.int(6, 36)} months`, 'as long as they reside in the municipality'])}.`,
    () => `The applicant shall provide evidence of ${pick(s, w.requirements)}.`,
    () => `A fee of EUR ${s.rnd.int(2, 40) * 10} shall be charged for ${a(charged.sg)}; ${pick(s, w.groups)} shall be exempt from the fee.`,
    () => `The obligation laid down in paragraph ${Math.max(1, paragraph - 1)} shall not apply to ${pick(s, ['persons over 65', 'persons with a disability', 'minors', 'beneficiaries of international protection', 'holders of an EU Blue Card'])}.`,
    () => `Where the applicant is an unaccompanied minor, a guardian shall be appointed without delay and in any event within ${s.rnd.int(3, 15)} working days.`,
    () => `Decisions taken under this Article shall state the reasons on which they are based and may be challenged before the administrative court within ${s.rnd.int(2, 6) * 7} days of notification.`,
    () => `Personal data collected under this Article shall be kept for no longer than ${s.rnd.int(2, 10)} years.`,
    () => `${cap(group(s))} who have resided legally and continuously in the territory for ${s.rnd.int(3, 8)} years may apply for ${a(doc.sg)}.`,
    () => `The municipality shall offer ${group(s)} ${a(service.sg)} within ${s.rnd.int(2, 12)} weeks of registration.`,
  ];
  if (has(s, 'service')) frames.push(() => `Participation in ${a(measure(s, 'service').sg)} shall be ${pick(s, ['compulsory', 'voluntary'])} for ${group(s)} and shall comprise at least ${s.rnd.int(2, 9) * 50} hours.`);
  return pick(s, frames)();
}

export const english: LanguagePack = {
  lang: 'en',
  date: (iso) => {
    const { y, m, d } = parts(iso);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [finding(s, false), `${goal(s)} ${where(s)}`, `${measure(s).pl} for ${group(s)}`])}.`),
  title,
  actTitle: (s, kind, number, iso) => {
    const date = english.date(iso);
    const about = pick(s, words(s).names);
    if (kind === 'bylaw') return `By-law of the City of ${cityName(s)} No ${number}/${iso.slice(0, 4)} on ${measure(s).pl}`;
    if (kind === 'circular') return `Circular No ${number}/${iso.slice(0, 4)} of ${date} on ${measure(s).pl}`;
    return `${ACT_WORDS[kind]} No ${number}/${iso.slice(0, 4)} of ${date} on ${about}`;
  },
  articleLabel: (label) => `Article ${label}`,
  articleHeading: (s, role) =>
    role === 'scope' ? 'Subject matter and scope' : role === 'definitions' ? 'Definitions' : role === 'final' ? pick(s, ['Entry into force', 'Final provisions', 'Transitional provisions']) : pick(s, words(s).articles),
  provision,
  repealed: '(repealed)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (change: ArticleChange) =>
      change.op === 'inserted' ? `Article ${change.article} inserted` : change.op === 'repealed' ? `Article ${change.article} repealed` : `Article ${change.article}(${change.paragraph ?? 1}) amended`;
    return `${list(changes.map(what), 'and')} by ${act}, in force from ${english.date(inForceFrom)}.`;
  },
  question: (s) =>
    pick(s, [
      () => `How do you deal with ${issue(s)} ${inCity(s, s.rnd.int(0, 2))}?`,
      () => `Experiences with ${measure(s).pl} for ${group(s)}?`,
      () => `${cap(measure(s, 'document', 'application', 'procedure').pl)} under ${citation(s)}: what counts as ${pick(s, words(s).requirements)}?`,
      () => `Looking for examples: ${goal(s)} ${inCountry(s)}`,
      () => `Is a wait of ${s.rnd.int(3, 18)} months for ${waitFor(measureAny(s)).replace(/their /, 'a ')} normal ${inCountry(s)}?`,
      () => `Who funds ${measure(s, 'service', 'slot', 'facility', 'person').pl} ${inCity(s, s.rnd.int(0, 2))}?`,
    ])(),
  forum: { wrote: 'wrote:', answers: ['Thanks, {name}.', 'I agree with {name}.', 'Same experience here as {name}.', 'To add to what {name} wrote:', '@{name} good question.'] },
  pageLabel: (page, of) => `page ${page} of ${of}`,
  labels: { published: 'Published', place: 'Place', identifier: 'Identifier', version: 'Version', inForce: 'in force from' },
};
