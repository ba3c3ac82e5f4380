// Dutch: the documents the Netherlands and Flanders write about themselves:
// de and het words, verb second in main clauses and verb last after "dat"
// and "hoe".
import { cite } from '../citations';
import { city, country } from '../places';
import type { MeasureKind, TopicKey } from '../topics';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts } from './util';

interface Noun {
  sg: string;
  pl: string;
  het: boolean;
}
const de = (sg: string, pl: string): Noun => ({ sg, pl, het: false });
const het = (sg: string, pl: string): Noun => ({ sg, pl, het: true });
interface Words {
  /** Subjects with their article. */
  names: readonly string[];
  measures: readonly Noun[];
  groups: readonly string[];
  /** Problems with their article. */
  issues: readonly string[];
  /** te-infinitive phrases: "de wachttijden te verkorten". */
  goals: readonly string[];
  /** Participle phrases after "had": "een vaste baan gevonden". */
  outcomes: readonly string[];
  articles: readonly string[];
  requirements: readonly string[];
}

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: ['de verblijfsvergunningen', 'het verblijfsrecht van derdelanders'], measures: [de('verblijfsvergunning', 'verblijfsvergunningen'), de('verlenging van de vergunning', 'verlengingen van de vergunning'), de('gecombineerde vergunning', 'gecombineerde vergunningen'), de('vergunning voor langdurig ingezetenen', 'vergunningen voor langdurig ingezetenen'), het('verblijfsdocument', 'verblijfsdocumenten'), de('afspraak bij de IND', 'afspraken bij de IND')], groups: ['derdelanders', 'langdurig ingezetenen', 'internationale studenten'], issues: ['de lange behandeltermijnen', 'de hoge leges', 'het gebrek aan afspraken'], goals: ['de behandeltermijnen te verkorten', 'aanvragen te digitaliseren'], outcomes: ['een vergunning voor onbepaalde tijd gekregen', 'hun vergunning op tijd verlengd'], articles: ['Verblijfsvergunning', 'Verlenging', 'Langdurig ingezetenen'], requirements: ['voldoende middelen van bestaan', 'een zorgverzekering'] },
  family: { names: ['de gezinshereniging', 'het recht op gezinshereniging'], measures: [de('aanvraag voor gezinshereniging', 'aanvragen voor gezinshereniging'), de('afspraak bij de ambassade', 'afspraken bij de ambassade'), de('inkomenstoets', 'inkomenstoetsen'), het('basisexamen inburgering in het buitenland', 'basisexamens inburgering in het buitenland'), de('DNA-test', 'DNA-tests'), het('visum voor gezinshereniging', 'visa voor gezinshereniging')], groups: ['referenten', 'echtgenoten', 'minderjarige kinderen'], issues: ['de lange wachttijden', 'de moeite om gezinsbanden aan te tonen', 'de strenge inkomenseisen'], goals: ['vluchtelingen vrij te stellen van de inkomenseis', 'andere bewijzen van gezinsbanden te aanvaarden'], outcomes: ['hun gezin laten overkomen', 'een visum gekregen'], articles: ['Gezinsleden', 'Voorwaarden voor gezinshereniging', 'Indienen van de aanvraag'], requirements: ['passende huisvesting', 'een duurzaam inkomen'] },
  language: { names: ['de taallessen voor nieuwkomers', 'het taalonderwijs aan volwassen migranten'], measures: [de('taalcursus', 'taalcursussen'), het('inburgeringstraject', 'inburgeringstrajecten'), de('alfabetiseringscursus', 'alfabetiseringscursussen'), het('taalexamen', 'taalexamens'), de('plek in een cursus', 'plekken in cursussen'), de('online cursus', 'online cursussen')], groups: ['cursisten', 'werkende ouders', 'nieuwkomers'], issues: ['de wachtlijsten', 'het gebrek aan kinderopvang tijdens de lessen', 'de hoge uitval'], goals: ['kinderopvang tijdens de lessen te bieden', 'taallessen te combineren met stages'], outcomes: ['het niveau B1 gehaald', 'het eindexamen gehaald'], articles: ['Recht op taalonderwijs', 'Inhoud van de cursus', 'Eindexamen'], requirements: ['kennis van het Nederlands op niveau A2', 'regelmatige deelname aan de cursus'] },
  recognition: { names: ['de erkenning van buitenlandse diploma’s', 'de erkenning van beroepskwalificaties'], measures: [de('erkenningsprocedure', 'erkenningsprocedures'), het('buitenlands diploma', 'buitenlandse diploma’s'), de('aanvullende opleiding', 'aanvullende opleidingen'), de('competentietoets', 'competentietoetsen'), de('aanpassingsstage', 'aanpassingsstages'), de('bekwaamheidsproef', 'bekwaamheidsproeven')], groups: ['in het buitenland opgeleide verpleegkundigen', 'ingenieurs uit derde landen', 'artsen van buiten de EU'], issues: ['de kosten van beëdigde vertalingen', 'het ontbreken van documenten', 'de trage procedures'], goals: ['één loket voor erkenning te openen', 'de procedures te verkorten'], outcomes: ['werk in hun vak gevonden', 'volledige erkenning gekregen'], articles: ['Erkenningsprocedure', 'Compenserende maatregelen', 'Termijnen'], requirements: ['gewaarmerkte kopieën van de diploma’s'] },
  housing: { names: ['de huisvesting van statushouders', 'de toegang tot betaalbare woningen'], measures: [de('sociale huurwoning', 'sociale huurwoningen'), de('huurtoeslag', 'huurtoeslagen'), het('huurcontract', 'huurcontracten'), de('gedeelde woning', 'gedeelde woningen'), het('gemeentelijk huisvestingsprogramma', 'gemeentelijke huisvestingsprogramma’s'), de('huurgarantie', 'huurgaranties')], groups: ['statushouders', 'alleenstaande mannen', 'grote gezinnen'], issues: ['de discriminatie door verhuurders', 'de hoge huren', 'het tekort aan sociale huurwoningen'], goals: ['huurgaranties voor gevluchte huurders te bieden', 'meer sociale huurwoningen te bouwen'], outcomes: ['een eigen woning gevonden', 'een huurcontract getekend'], articles: ['Toewijzing van woningen', 'Huurtoeslag', 'Gelijke behandeling'], requirements: ['een huurcontract'] },
  health: { names: ['de gezondheidszorg voor migranten', 'de geestelijke gezondheid van vluchtelingen'], measures: [de('medische screening', 'medische screenings'), de('zorgpas', 'zorgpassen'), de('tolk', 'tolken'), de('ggz-voorziening', 'ggz-voorzieningen'), de('vaccinatiecampagne', 'vaccinatiecampagnes'), de('zorgconsulent', 'zorgconsulenten')], groups: ['asielzoekers', 'zwangere vrouwen', 'oudere migranten'], issues: ['de taalbarrières', 'de onbehandelde trauma’s', 'het tekort aan tolken'], goals: ['tolken in de zorg te vergoeden', 'de zorgpas bij aankomst te verstrekken'], outcomes: ['binnen een week een huisarts gezien', 'psychische hulp gekregen'], articles: ['Recht op zorg', 'Kwetsbare personen', 'Tolkdiensten'], requirements: ['een medische verklaring'] },
  education: { names: ['het onderwijs aan nieuwkomerskinderen', 'de beroepsopleiding van jonge migranten'], measures: [de('schakelklas', 'schakelklassen'), de('plaats op school', 'plaatsen op school'), de('voorbereidende klas', 'voorbereidende klassen'), de('stageplek', 'stageplekken'), de('schoolmaatschappelijk werker', 'schoolmaatschappelijk werkers'), de('les in de moedertaal', 'lessen in de moedertaal')], groups: ['leerlingen met een migratieachtergrond', 'nieuwkomerskinderen', 'ouders'], issues: ['de segregatie in het onderwijs', 'het vroegtijdig schoolverlaten', 'de overvolle klassen'], goals: ['kinderen binnen een maand in te schrijven', 'leraren op te leiden in Nederlands als tweede taal'], outcomes: ['de overstap naar een reguliere klas gemaakt', 'een diploma behaald'], articles: ['Leerplicht', 'Schakelklassen', 'Taalondersteuning'], requirements: ['een inschrijving in de gemeente'] },
  labour: { names: ['de arbeidsmarktintegratie van vluchtelingen', 'de toegang tot de arbeidsmarkt'], measures: [de('werkervaringsplaats', 'werkervaringsplaatsen'), het('begeleidingstraject naar werk', 'begeleidingstrajecten naar werk'), de('leerwerkplek', 'leerwerkplekken'), de('tewerkstellingsvergunning', 'tewerkstellingsvergunningen'), de('arbeidsovereenkomst', 'arbeidsovereenkomsten'), de('Europese blauwe kaart', 'Europese blauwe kaarten')], groups: ['werkzoekenden', 'migrantenvrouwen', 'seizoenarbeiders'], issues: ['de overkwalificatie', 'het zwartwerk', 'de discriminatie bij werving'], goals: ['op de werkvloer verworven vaardigheden te erkennen', 'vluchtelingen en werkgevers met elkaar in contact te brengen'], outcomes: ['een vaste baan gevonden', 'een baan op hun niveau gevonden'], articles: ['Toegang tot arbeid', 'Wisseling van werkgever', 'Gelijke behandeling'], requirements: ['een arbeidsovereenkomst'] },
  civic: { names: ['de inburgering', 'het inburgeringsbeleid'], measures: [de('module Kennis van de Nederlandse Maatschappij', 'modules Kennis van de Nederlandse Maatschappij'), de('participatieverklaring', 'participatieverklaringen'), de('informatiebijeenkomst', 'informatiebijeenkomsten'), het('inburgeringsprogramma', 'inburgeringsprogramma’s'), het('inburgeringsexamen', 'inburgeringsexamens'), het('persoonlijk plan inburgering en participatie', 'persoonlijke plannen inburgering en participatie')], groups: ['inburgeraars', 'deelnemers', 'vrijwilligers'], issues: ['de geringe opkomst', 'de verschillen tussen gemeenten', 'het gebrek aan vaste financiering'], goals: ['het programma af te stemmen op de deelnemers', 'lessen in de eigen taal aan te bieden'], outcomes: ['het inburgeringsexamen gehaald', 'het programma afgerond'], articles: ['Inburgeringsplicht', 'Persoonlijk plan', 'Rol van de gemeente'], requirements: ['deelname aan de participatieverklaring'] },
  discrimination: { names: ['de bestrijding van discriminatie', 'de gelijke behandeling van migranten'], measures: [de('discriminatiemelding', 'discriminatiemeldingen'), het('meldpunt discriminatie', 'meldpunten discriminatie'), de('bewustwordingscampagne', 'bewustwordingscampagnes'), de('anonieme sollicitatie', 'anonieme sollicitaties'), de('praktijktest', 'praktijktests'), het('diversiteitscharter', 'diversiteitscharters')], groups: ['slachtoffers van discriminatie', 'werkgevers', 'jongeren van Afrikaanse afkomst'], issues: ['de onderrapportage', 'het racistische geweld', 'de online haatzaaierij'], goals: ['gegevens over gelijke behandeling te verzamelen', 'politieagenten te trainen'], outcomes: ['een melding gedaan', 'een schadevergoeding gekregen'], articles: ['Verbod op discriminatie', 'Bewijslast', 'Meldpunt'], requirements: ['feiten die discriminatie kunnen doen vermoeden'] },
  reception: { names: ['de opvang van asielzoekers', 'de opvangvoorzieningen'], measures: [het('asielzoekerscentrum', 'asielzoekerscentra'), de('opvangplek', 'opvangplekken'), de('asielaanvraag', 'asielaanvragen'), het('leefgeld', 'leefgelden'), de('noodopvang', 'noodopvanglocaties'), de('opvanglocatie', 'opvanglocaties')], groups: ['asielzoekers', 'ontheemden uit Oekraïne', 'gezinnen met kinderen'], issues: ['de overvolle opvang', 'de afgelegen locaties', 'de lange asielprocedures'], goals: ['kwetsbaarheid bij aankomst vast te stellen', 'gezinnen in woningen op te vangen'], outcomes: ['het asielzoekerscentrum verlaten', 'een verblijfsvergunning asiel gekregen'], articles: ['Materiële opvangvoorzieningen', 'Opvanglocaties', 'Kwetsbare personen'], requirements: ['de registratie van het verzoek om internationale bescherming'] },
  minors: { names: ['de alleenstaande minderjarige vreemdelingen', 'de voogdij over alleenstaande minderjarigen'], measures: [de('voogd', 'voogden'), het('leeftijdsonderzoek', 'leeftijdsonderzoeken'), het('opvanggezin', 'opvanggezinnen'), de('plek in een kleinschalige woonvoorziening', 'plekken in kleinschalige woonvoorzieningen'), de('jongerenwoning', 'jongerenwoningen'), het('toekomstplan', 'toekomstplannen')], groups: ['alleenstaande minderjarigen', 'jongeren die achttien worden', 'meisjes die alleen reizen'], issues: ['de verdwijningen', 'de vertraging bij het aanstellen van voogden', 'het abrupte einde van de begeleiding op achttien'], goals: ['binnen een week een voogd aan te stellen', 'de begeleiding tot 21 jaar te verlengen'], outcomes: ['hun opleiding afgemaakt', 'een eigen woning gekregen'], articles: ['Voogdij', 'Leeftijdsonderzoek', 'Belang van het kind'], requirements: ['de toestemming van de voogd'] },
  citizenship: { names: ['de naturalisatie', 'de toegang tot het Nederlanderschap'], measures: [het('naturalisatieverzoek', 'naturalisatieverzoeken'), het('inburgeringsdiploma', 'inburgeringsdiploma’s'), de('naturalisatieceremonie', 'naturalisatieceremonies'), het('taalcertificaat', 'taalcertificaten'), de('naturalisatieleges', 'naturalisatieleges'), de('verklaring van verbondenheid', 'verklaringen van verbondenheid')], groups: ['verzoekers om naturalisatie', 'langdurig ingezetenen', 'in Nederland geboren kinderen'], issues: ['de lange beslistermijnen', 'de afstandseis', 'de hoge leges'], goals: ['de afstandseis te versoepelen', 'de beslistermijnen te verkorten'], outcomes: ['het Nederlanderschap verkregen', 'het inburgeringsexamen gehaald'], articles: ['Voorwaarden voor naturalisatie', 'Verblijfsduur', 'Meervoudige nationaliteit'], requirements: ['vijf jaar rechtmatig verblijf', 'een inburgeringsdiploma'] },
};

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const num = (n: number) => grouped(n, '.', true);
const pct = (n: number) => `${n} procent`;
const the = (n: Noun, plural = false) => (plural ? `de ${n.pl}` : `${n.het ? 'het' : 'de'} ${n.sg}`);
const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde'];

const words = (s: Scene) => TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measureAny = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureAny(s, ...kinds).forms;
const group = (s: Scene) => pick(s, words(s).groups);
const countryName = (s: Scene) => country('nl', s.country).name;
const inCountry = (s: Scene) => country('nl', s.country).in;
const inCity = (s: Scene, shift = 0) => city('nl', s.country, s.city + shift).in;
const cityName = (s: Scene, shift = 0) => city('nl', s.country, s.city + shift).name;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const citation = (s: Scene) => cite(s.eu, 'nl');
const national = (s: Scene) => (s.national?.lang === 'nl' ? s.national.forms[0]! : s.country === 'BE' ? 'de Vreemdelingenwet van 15 december 1980' : 'de Vreemdelingenwet 2000');
const BODIES: Record<string, readonly string[]> = {
  NL: ['de Immigratie- en Naturalisatiedienst (IND)', 'het Centraal Orgaan opvang asielzoekers (COA)', 'de Dienst Uitvoering Onderwijs (DUO)', 'VluchtelingenWerk Nederland'],
  BE: ['Fedasil', 'het Agentschap Integratie en Inburgering', 'Unia', 'de Dienst Vreemdelingenzaken'],
};
const bodies = (s: Scene) => BODIES[s.country] ?? BODIES.NL!;
const actor = (s: Scene): [string, boolean] => pick(s, [[pick(s, bodies(s)), false], [`de gemeente ${cityName(s, s.rnd.int(0, 2))}`, false], ['maatschappelijke organisaties', true], ['onderzoekers', true], ['de Europese Commissie', false], ['werkgevers', true]] as const);
const COUNTED: Record<MeasureKind, string> = { service: 'georganiseerd', document: 'verleend', application: 'ingediend', procedure: 'afgerond', slot: 'toegewezen', facility: 'geopend', person: 'aangesteld', money: 'uitgekeerd', body: 'geraadpleegd' };
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'steeg' : 'daalde'} van ${from} naar ${to}`;
}
/** A finding as a clause after "dat", verb last. */
function finding(s: Scene): string {
  const n = measure(s);
  return pick(s, [
    `${the(n, true)} buiten de grote steden ${pick(s, ['onvoldoende beschikbaar', 'traag', 'overvol', 'slecht bekend'])} zijn`,
    `${pick(s, words(s).issues)} ${inCity(s)} het grootste obstakel blijft`,
    `de samenwerking met maatschappelijke organisaties sinds ${earlier(s, 1, 5)} is verbeterd`,
    `slechts ${pct(s.rnd.int(8, 45))} van de ${group(s)} ${the(measure(s), true)} kent`,
  ]);
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Dit rapport', 'Dit onderzoek', 'Deze notitie'])} ${pick(s, ['beschrijft', 'onderzoekt', 'analyseert'])} ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, [`tussen ${earlier(s, 4, 8)} en ${s.year}`, `sinds ${earlier(s, 3, 10)}`, `in ${s.year}`])} op basis van ${pick(s, [`${s.rnd.int(12, 80)} interviews met professionals`, 'registratiegegevens', `een enquête onder ${num(count(s.rnd, 200, 4000))} ${group(s)}`, `dossiers uit ${s.rnd.int(3, 40)} gemeenten`])}.`,
    (s) => `Het doel is te begrijpen hoe ${pick(s, ['gemeenten', 'provincies', 'maatschappelijke organisaties'])} ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} voor ${group(s)} ${pick(s, ['organiseren', 'financieren', 'uitvoeren'])}.`,
  ],
  context: [
    (s) => `Sinds ${earlier(s, 2, 12)} ${pick(s, ['coördineert', 'financiert', 'begeleidt'])} ${pick(s, bodies(s))} ${the(measure(s), true)} ${inCountry(s)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} worden ${the(measure(s, 'service', 'facility'), true)} ${pick(s, ['uitgevoerd', 'georganiseerd'])} door ${pick(s, ['welzijnsorganisaties', 'het Rode Kruis', 'vrijwilligers', 'taalscholen'])}.`,
  ],
  legal: [
    (s) => `Op grond van ${citation(s)} hebben ${group(s)} ${pick(s, ['binnen een redelijke termijn', 'onder dezelfde voorwaarden als eigen onderdanen', 'onder de voorwaarden van het nationale recht'])} recht op ${the(measure(s, 'document', 'slot', 'money', 'service')).replace(/^(de|het) /, 'een ')}.`,
    (s) => (s.eu.kind === 'directive' ? `${cap(countryName(s))} heeft ${citation(s)} in ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} omgezet via een wijziging van ${national(s)}.` : `${cap(citation(s))} is ${inCountry(s)} sinds ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))} rechtstreeks van toepassing.`),
    (s) => `${cap(national(s))} verplicht ${group(s)} om ${pick(s, words(s).requirements)} aan te tonen.`,
  ],
  finding: [
    (s) => {
      const [who, plural] = actor(s);
      return `${cap(who)} ${plural ? pick(s, ['constateren', 'stellen vast', 'signaleren']) : pick(s, ['constateert', 'stelt vast', 'signaleert'])} dat ${finding(s)}.`;
    },
    (s) => `De wachttijd voor ${the(measure(s)).replace(/^(de|het) /, 'een ')} ${change(s, 2, 14)} ${pick(s, ['weken', 'maanden'])} tussen ${earlier(s, 3, 6)} en ${earlier(s, 0, 1)}.`,
    (s) => `Slechts ${pct(s.rnd.int(12, 64))} van de mensen die ${the(measure(s, 'service', 'procedure', 'application')).replace(/^(de|het) /, 'een ')} ${pick(s, ['begonnen', 'afrondden'])}, had binnen ${s.rnd.int(6, 36)} maanden ${pick(s, words(s).outcomes)}.`,
  ],
  data: [
    (s) => {
      const m = measureAny(s);
      return `${cap(inCity(s, s.rnd.int(0, 2)))} werden in ${earlier(s, 0, 4)} ${num(count(s.rnd, 30, 9000))} ${m.forms.pl} ${COUNTED[m.kind]}.`;
    },
    (s) => `In ${earlier(s, 0, 3)} namen ${num(count(s.rnd, 40, 60_000))} ${group(s)} ${where(s)} deel aan ${the(measure(s, 'service'), true)}, een ${pick(s, ['stijging', 'daling'])} van ${pct(s.rnd.int(2, 40))} ten opzichte van het jaar ervoor.`,
    (s) => `Eén op de ${s.rnd.int(3, 9)} dossiers betrof ${group(s)}.`,
  ],
  voice: [
    (s) => `‘${pick(s, [`We hebben ${s.rnd.int(4, 22)} maanden gewacht op ${the(measure(s)).replace(/^(de|het) /, 'een ')}`, `Niemand heeft ons uitgelegd hoe ${the(measure(s), true)} werken`, `De eerste ${s.rnd.int(2, 12)} weken zijn beslissend`, 'Zonder de vrijwilligers was ik gestopt'])}’, zegt ${pick(s, ['een maatschappelijk werker', 'een jonge Eritreeër', 'een Syrische moeder', 'een taalcoach'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['De auteurs', 'De geraadpleegde organisaties', 'Deskundigen'])} bevelen aan om ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'en')}.`,
    (s) => `Middelen uit ${pick(s, ['het Fonds voor asiel, migratie en integratie (AMIF)', 'het Europees Sociaal Fonds Plus (ESF+)'])} kunnen ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} ${pick(s, ['in kleinere gemeenten', 'in krimpregio’s', inCity(s, 1)])} ${pick(s, ['versterken', 'uitbreiden', 'bestendigen'])}.`,
  ],
  conclusion: [
    (s) => `Al met al is het beleid voor ${pick(s, words(s).names).replace(/^(de|het) /, '')} ${inCountry(s)} sinds ${earlier(s, 3, 10)} ${pick(s, ['verbeterd', 'nauwelijks veranderd', 'strenger geworden'])}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} hangt veel af van ${pick(s, ['de capaciteit van de gemeente', 'stabiele financiering', 'de houding van werkgevers', 'de duur van procedures', 'de beschikbaarheid van tolken'])}, ${pick(s, ['net als elders in het land', 'meer dan in andere steden', `vooral sinds ${earlier(s, 2, 8)}`])}.`,
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Samenvatting', 'In het kort'], introduction: ['Inleiding', 'Doel en reikwijdte'], context: ['Achtergrond', 'Context'], legal: ['Juridisch kader', 'Wet- en regelgeving'],
  method: ['Methode', 'Gegevens en methoden'], findings: ['Bevindingen', 'Belangrijkste resultaten'], data: ['Feiten en cijfers', 'Statistieken'], practice: ['Praktijkvoorbeelden', 'Lokale ervaringen'],
  recommendations: ['Aanbevelingen', 'Voorstellen'], conclusions: ['Conclusies', 'Vooruitblik'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const n = measure(s, 'document', 'slot', 'money', 'service');
  const a = the(n).replace(/^(de|het) /, 'een ');
  if (role === 'scope') return paragraph === 1 ? `Deze wet regelt ${pick(s, w.names)} ${inCountry(s)}.` : `Zij is van toepassing op ${group(s)} die rechtmatig in ${countryName(s)} verblijven.`;
  if (role === 'definitions') return pick(s, [`In deze wet wordt verstaan onder ${n.sg}: ${a} die door het bevoegde bestuursorgaan wordt verleend.`, 'In deze wet wordt verstaan onder Onze Minister: Onze Minister van Justitie en Veiligheid.']);
  if (role === 'final') return pick(s, ['Deze wet treedt in werking op een bij koninklijk besluit te bepalen tijdstip.', 'Bij algemene maatregel van bestuur worden nadere regels gesteld ter uitvoering van deze wet.']);
  return pick(s, [
    `De aanvraag voor ${a} wordt binnen ${s.rnd.int(2, 12) * 15} dagen ${pick(s, ['na aankomst', 'voor het verstrijken van de geldende vergunning'])} bij het bevoegde bestuursorgaan ingediend.`,
    `Het bevoegde bestuursorgaan beslist binnen ${s.rnd.int(3, 12) * 10} dagen na ontvangst van de aanvraag.`,
    `${cap(the(n))} is ${pick(s, ['een jaar', 'twee jaar', 'vijf jaar'])} geldig en kan worden verlengd.`,
    `De aanvrager toont ${pick(s, w.requirements)} aan.`,
    `Voor ${a} is een bedrag van € ${s.rnd.int(2, 40) * 10} aan leges verschuldigd.`,
    `Het ${ORDINALS[Math.max(0, paragraph - 2)]} lid is niet van toepassing op ${pick(s, ['minderjarigen', 'personen met een handicap', 'houders van een verblijfsvergunning asiel'])}.`,
    `Tegen een besluit op grond van dit artikel kan binnen ${s.rnd.int(2, 6)} weken beroep worden ingesteld bij de rechtbank.`,
    `${cap(group(s))} die ten minste ${s.rnd.int(3, 8)} jaar rechtmatig in ${countryName(s)} verblijven, kunnen ${a} aanvragen.`,
  ]);
}

export const dutch: LanguagePack = {
  lang: 'nl',
  date: (iso) => {
    const { y, m, d } = parts(iso);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [...words(s).issues, ...words(s).names])} ${where(s)}.`),
  title: (s) => {
    const subject = pick(s, words(s).names);
    const bare = subject.replace(/^(de|het) /, '');
    const place = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
    const options: Record<Scene['kind'], string[]> = {
      legislation: [`Wet op ${subject}`], 'policy-document': [`Actieplan ${bare} ${s.year}-${s.year + 3}`, `Integratiebeleid van de gemeente ${cityName(s, s.rnd.int(0, 3))} ${s.year}-${s.year + 3}`],
      report: [`Jaarrapport over ${subject} ${place}, ${s.year}`, `${cap(pick(s, words(s).issues))} ${place}: monitor ${s.year}`], study: [`Onderzoek naar ${subject} ${place} (${s.year})`],
      'impact-assessment': [`Effectbeoordeling van nieuwe regels voor ${the(measure(s), true)} (${s.year})`], evaluation: [`Evaluatie van ${the(measure(s), true)} ${place}, ${s.year - s.rnd.int(2, 5)}-${s.year}`],
      article: [`${cap(pick(s, words(s).issues))}: ${bare} ${place}`], other: [`Handreiking ${bare} voor ${group(s)} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => {
    const date = dutch.date(iso);
    const subject = pick(s, words(s).names);
    const titles: Record<NationalActKind, string> = {
      act: `Wet van ${date}, houdende regels over ${subject} (Stb. ${iso.slice(0, 4)}, ${number})`,
      regulation: `Besluit van ${date}, houdende regels over ${the(measure(s), true)} (Stb. ${iso.slice(0, 4)}, ${number})`,
      decree: `Regeling van de Minister van Sociale Zaken en Werkgelegenheid van ${date}, nr. ${number}, over ${the(measure(s), true)}`,
      bylaw: `Verordening ${the(measure(s), true).replace(/^de /, '')} gemeente ${cityName(s)} ${iso.slice(0, 4)} (nr. ${number})`,
      circular: `Circulaire nr. ${number}/${iso.slice(0, 4)} van ${date} over ${the(measure(s), true)}`,
    };
    return titles[kind];
  },
  articleLabel: (label) => `Artikel ${label}`,
  articleHeading: (s, role) => (role === 'scope' ? 'Onderwerp en toepassingsgebied' : role === 'definitions' ? 'Begripsbepalingen' : role === 'final' ? 'Inwerkingtreding' : pick(s, words(s).articles)),
  provision,
  repealed: '[Vervallen]',
  changeNote: (changes, act, inForceFrom) => {
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `artikel ${c.article} ingevoegd` : c.op === 'repealed' ? `artikel ${c.article} vervallen` : `artikel ${c.article}, ${ORDINALS[(c.paragraph ?? 1) - 1] ?? 'eerste'} lid, gewijzigd`);
    return `${cap(list(changes.map(what), 'en'))} bij ${act}, in werking getreden op ${dutch.date(inForceFrom)}.`;
  },
  pageLabel: (page, of) => `pagina ${page} van ${of}`,
  labels: { published: 'Gepubliceerd', place: 'Plaats', identifier: 'Kenmerk', version: 'Versie', inForce: 'in werking sinds' },
};
