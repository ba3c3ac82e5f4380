// Swedish: the documents Sweden and Swedish-speaking Finland write about
// themselves, with en and ett words, definite suffixes and verb second.
import { cite } from '../citations';
import { city, country } from '../places';
import type { MeasureKind, TopicKey } from '../topics';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts } from './util';

interface Noun {
  /** Indefinite singular with its article: "ett uppehållstillstånd". */
  a: string;
  sg: string;
  /** Definite plural: "uppehållstillstånden". */
  thePl: string;
  pl: string;
}
const en = (sg: string, pl: string, thePl: string): Noun => ({ a: `en ${sg}`, sg, pl, thePl });
const ett = (sg: string, pl: string, thePl: string): Noun => ({ a: `ett ${sg}`, sg, pl, thePl });
interface Words {
  names: readonly string[];
  measures: readonly Noun[];
  groups: readonly string[];
  issues: readonly string[];
  /** Passive clauses after "att": "väntetiderna kortas". */
  goals: readonly string[];
  /** Supine phrases after "hade": "fått ett fast arbete". */
  outcomes: readonly string[];
  articles: readonly string[];
  requirements: readonly string[];
}

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: ['uppehållstillstånd', 'permanent uppehållstillstånd'], measures: [ett('uppehållstillstånd', 'uppehållstillstånd', 'uppehållstillstånden'), en('förlängning av tillståndet', 'förlängningar av tillståndet', 'förlängningarna av tillståndet'), ett('kombinerat tillstånd', 'kombinerade tillstånd', 'de kombinerade tillstånden'), ett('permanent uppehållstillstånd', 'permanenta uppehållstillstånd', 'de permanenta uppehållstillstånden'), ett('uppehållstillståndskort', 'uppehållstillståndskort', 'uppehållstillståndskorten'), en('besökstid hos myndigheten', 'besökstider hos myndigheten', 'besökstiderna hos myndigheten')], groups: ['tredjelandsmedborgare', 'varaktigt bosatta', 'internationella studenter'], issues: ['de långa handläggningstiderna', 'de höga avgifterna', 'bristen på besökstider'], goals: ['handläggningstiderna kortas', 'ansökningarna digitaliseras'], outcomes: ['fått permanent uppehållstillstånd', 'förlängt sitt tillstånd i tid'], articles: ['Uppehållstillstånd', 'Förlängning', 'Varaktigt bosatta'], requirements: ['att försörjningen är tryggad', 'en sjukförsäkring'] },
  family: { names: ['familjeåterförening', 'rätten till familjeåterförening'], measures: [en('ansökan om familjeåterförening', 'ansökningar om familjeåterförening', 'ansökningarna om familjeåterförening'), en('intervju på ambassaden', 'intervjuer på ambassaden', 'intervjuerna på ambassaden'), en('försörjningsprövning', 'försörjningsprövningar', 'försörjningsprövningarna'), ett('språkprov före inresan', 'språkprov före inresan', 'språkproven före inresan'), ett('DNA-test', 'DNA-test', 'DNA-testerna'), ett('visum för familjeåterförening', 'visum för familjeåterförening', 'visumen för familjeåterförening')], groups: ['anknytningspersoner', 'makar', 'minderåriga barn'], issues: ['de långa väntetiderna', 'svårigheten att styrka släktskapen', 'försörjningskravet'], goals: ['flyktingar undantas från försörjningskravet', 'fler sätt att styrka släktskap godtas'], outcomes: ['fått hit sin familj', 'återförenats med sina barn'], articles: ['Familjemedlemmar', 'Villkor för familjeåterförening', 'Ansökan'], requirements: ['en bostad av tillräcklig storlek', 'att försörjningen är tryggad'] },
  language: { names: ['svenskundervisning för invandrare', 'språkinlärning för nyanlända'], measures: [en('kurs i svenska för invandrare', 'kurser i svenska för invandrare', 'kurserna i svenska för invandrare'), ett('etableringsprogram', 'etableringsprogram', 'etableringsprogrammen'), en('alfabetiseringskurs', 'alfabetiseringskurser', 'alfabetiseringskurserna'), ett('nationellt prov', 'nationella prov', 'de nationella proven'), en('kursplats', 'kursplatser', 'kursplatserna'), en('distanskurs', 'distanskurser', 'distanskurserna')], groups: ['elever inom sfi', 'föräldrar som arbetar', 'nyanlända'], issues: ['köerna', 'bristen på barnomsorg under lektionerna', 'de många avhoppen'], goals: ['barnomsorg erbjuds under lektionerna', 'språkundervisning kombineras med praktik'], outcomes: ['nått nivå B1', 'klarat det nationella provet'], articles: ['Rätt till utbildning', 'Kursens innehåll', 'Prov'], requirements: ['kunskaper i svenska på nivå A2'] },
  recognition: { names: ['validering av utländsk utbildning', 'erkännande av yrkeskvalifikationer'], measures: [en('bedömning av utländsk utbildning', 'bedömningar av utländsk utbildning', 'bedömningarna av utländsk utbildning'), en('utländsk examen', 'utländska examina', 'de utländska examina'), en('kompletterande utbildning', 'kompletterande utbildningar', 'de kompletterande utbildningarna'), en('kompetenskartläggning', 'kompetenskartläggningar', 'kompetenskartläggningarna'), en('anpassningsperiod', 'anpassningsperioder', 'anpassningsperioderna'), ett('lämplighetsprov', 'lämplighetsprov', 'lämplighetsproven')], groups: ['sjuksköterskor utbildade utomlands', 'ingenjörer från tredjeland', 'läkare från länder utanför EU'], issues: ['kostnaden för auktoriserade översättningar', 'saknade handlingar', 'de långsamma processerna'], goals: ['en samlad ingång för validering inrättas', 'processerna förkortas'], outcomes: ['fått arbete inom sitt yrke', 'fått full behörighet'], articles: ['Bedömning', 'Kompensationsåtgärder', 'Tidsfrister'], requirements: ['bestyrkta kopior av examensbevisen'] },
  housing: { names: ['bosättning för nyanlända', 'tillgång till bostäder'], measures: [en('hyresrätt', 'hyresrätter', 'hyresrätterna'), ett('bostadsbidrag', 'bostadsbidrag', 'bostadsbidragen'), ett('hyreskontrakt', 'hyreskontrakt', 'hyreskontrakten'), ett('delat boende', 'delade boenden', 'de delade boendena'), ett('kommunalt bostadsprogram', 'kommunala bostadsprogram', 'de kommunala bostadsprogrammen'), en('hyresgaranti', 'hyresgarantier', 'hyresgarantierna')], groups: ['nyanlända familjer', 'ensamstående män', 'stora familjer'], issues: ['diskrimineringen från hyresvärdar', 'de höga hyrorna', 'bristen på hyresrätter'], goals: ['kommunen ställer hyresgarantier', 'fler hyresrätter byggs'], outcomes: ['fått en egen bostad', 'skrivit ett hyreskontrakt'], articles: ['Anvisning till kommun', 'Bostadsbidrag', 'Likabehandling'], requirements: ['ett hyreskontrakt'] },
  health: { names: ['hälso- och sjukvård för migranter', 'psykisk hälsa hos flyktingar'], measures: [en('hälsoundersökning', 'hälsoundersökningar', 'hälsoundersökningarna'), ett('LMA-kort', 'LMA-kort', 'LMA-korten'), en('tolk', 'tolkar', 'tolkarna'), en('psykiatrisk mottagning', 'psykiatriska mottagningar', 'de psykiatriska mottagningarna'), en('vaccinationskampanj', 'vaccinationskampanjer', 'vaccinationskampanjerna'), en('hälsokommunikatör', 'hälsokommunikatörer', 'hälsokommunikatörerna')], groups: ['asylsökande', 'gravida kvinnor', 'äldre migranter'], issues: ['språkbarriärerna', 'obehandlade trauman', 'bristen på tolkar'], goals: ['tolkar finansieras i vården', 'alla erbjuds en hälsoundersökning vid ankomsten'], outcomes: ['träffat en läkare inom en vecka', 'fått psykologiskt stöd'], articles: ['Rätt till vård', 'Sårbara personer', 'Tolk'], requirements: ['ett läkarintyg'] },
  education: { names: ['skolgång för nyanlända barn', 'yrkesutbildning för unga migranter'], measures: [en('förberedelseklass', 'förberedelseklasser', 'förberedelseklasserna'), en('skolplats', 'skolplatser', 'skolplatserna'), ett('språkintroduktionsprogram', 'språkintroduktionsprogram', 'språkintroduktionsprogrammen'), en('lärlingsplats', 'lärlingsplatser', 'lärlingsplatserna'), en('studiehandledare', 'studiehandledare', 'studiehandledarna'), en('modersmålslektion', 'modersmålslektioner', 'modersmålslektionerna')], groups: ['elever med utländsk bakgrund', 'nyanlända barn', 'föräldrar'], issues: ['segregationen i skolan', 'de tidiga skolavhoppen', 'de stora klasserna'], goals: ['barn skrivs in i skolan inom en månad', 'lärare fortbildas i svenska som andraspråk'], outcomes: ['gått över till en ordinarie klass', 'tagit gymnasieexamen'], articles: ['Skolplikt', 'Förberedelseklass', 'Studiehandledning'], requirements: ['folkbokföring i kommunen'] },
  labour: { names: ['etablering på arbetsmarknaden', 'nyanländas väg till arbete'], measures: [en('praktikplats', 'praktikplatser', 'praktikplatserna'), ett('introduktionsjobb', 'introduktionsjobb', 'introduktionsjobben'), en('lärlingsanställning', 'lärlingsanställningar', 'lärlingsanställningarna'), ett('arbetstillstånd', 'arbetstillstånd', 'arbetstillstånden'), ett('anställningsavtal', 'anställningsavtal', 'anställningsavtalen'), ett('EU-blåkort', 'EU-blåkort', 'EU-blåkorten')], groups: ['arbetssökande', 'utrikes födda kvinnor', 'säsongsarbetare'], issues: ['överkvalificeringen', 'det svarta arbetet', 'diskrimineringen vid rekrytering'], goals: ['kompetens från arbetslivet valideras', 'nyanlända matchas mot arbetsgivare'], outcomes: ['fått ett fast arbete', 'fått ett arbete som motsvarar deras utbildning'], articles: ['Tillträde till arbetsmarknaden', 'Byte av arbetsgivare', 'Likabehandling'], requirements: ['ett anställningserbjudande'] },
  civic: { names: ['samhällsorientering', 'etablering av nyanlända'], measures: [en('kurs i samhällsorientering', 'kurser i samhällsorientering', 'kurserna i samhällsorientering'), en('etableringsplan', 'etableringsplaner', 'etableringsplanerna'), ett('informationsmöte', 'informationsmöten', 'informationsmötena'), ett('introduktionsprogram', 'introduktionsprogram', 'introduktionsprogrammen'), ett('kunskapsprov', 'kunskapsprov', 'kunskapsproven'), en('individuell handlingsplan', 'individuella handlingsplaner', 'de individuella handlingsplanerna')], groups: ['nyanlända', 'deltagare', 'volontärer'], issues: ['det låga deltagandet', 'skillnaderna mellan kommuner', 'den osäkra finansieringen'], goals: ['kurserna anpassas efter deltagarna', 'undervisning ges på modersmålet'], outcomes: ['genomfört programmet', 'klarat kunskapsprovet'], articles: ['Samhällsorientering', 'Handlingsplan', 'Kommunens ansvar'], requirements: ['deltagande i samhällsorienteringen'] },
  discrimination: { names: ['arbetet mot diskriminering', 'likabehandling av migranter'], measures: [en('anmälan om diskriminering', 'anmälningar om diskriminering', 'anmälningarna om diskriminering'), en('antidiskrimineringsbyrå', 'antidiskrimineringsbyråer', 'antidiskrimineringsbyråerna'), en('informationskampanj', 'informationskampanjer', 'informationskampanjerna'), en('anonym ansökan', 'anonyma ansökningar', 'de anonyma ansökningarna'), en('situationstestning', 'situationstestningar', 'situationstestningarna'), en('mångfaldsplan', 'mångfaldsplaner', 'mångfaldsplanerna')], groups: ['personer som utsatts för diskriminering', 'arbetsgivare', 'unga afrosvenskar'], issues: ['underrapporteringen', 'hatbrotten', 'näthatet'], goals: ['data om likabehandling samlas in', 'polisen utbildas'], outcomes: ['gjort en anmälan', 'fått diskrimineringsersättning'], articles: ['Förbud mot diskriminering', 'Bevisbörda', 'Tillsyn'], requirements: ['omständigheter som ger anledning att anta diskriminering'] },
  reception: { names: ['mottagandet av asylsökande', 'mottagningsvillkoren'], measures: [ett('anläggningsboende', 'anläggningsboenden', 'anläggningsboendena'), en('boendeplats', 'boendeplatser', 'boendeplatserna'), en('asylansökan', 'asylansökningar', 'asylansökningarna'), en('dagersättning', 'dagersättningar', 'dagersättningarna'), ett('tillfälligt boende', 'tillfälliga boenden', 'de tillfälliga boendena'), en('mottagningsenhet', 'mottagningsenheter', 'mottagningsenheterna')], groups: ['asylsökande', 'skyddsbehövande från Ukraina', 'barnfamiljer'], issues: ['trångboddheten', 'de avlägsna boendena', 'de långa asylprocesserna'], goals: ['sårbarhet identifieras vid ankomsten', 'barnfamiljer bor i lägenheter'], outcomes: ['lämnat anläggningsboendet', 'beviljats internationellt skydd'], articles: ['Bistånd', 'Boende', 'Sårbara personer'], requirements: ['att ansökan om internationellt skydd har registrerats'] },
  minors: { names: ['ensamkommande barn', 'god man för ensamkommande'], measures: [en('god man', 'gode män', 'de gode männen'), en('åldersbedömning', 'åldersbedömningar', 'åldersbedömningarna'), ett('familjehem', 'familjehem', 'familjehemmen'), en('plats på HVB-hem', 'platser på HVB-hem', 'platserna på HVB-hem'), ett('stödboende', 'stödboenden', 'stödboendena'), en('utslussningsplan', 'utslussningsplaner', 'utslussningsplanerna')], groups: ['ensamkommande barn', 'unga som fyller arton', 'flickor som reser ensamma'], issues: ['försvinnandena', 'förseningarna när gode män utses', 'det abrupta slutet på stödet vid arton'], goals: ['en god man utses inom en vecka', 'stödet förlängs till 21 år'], outcomes: ['gått ut gymnasiet', 'fått en egen bostad'], articles: ['God man', 'Åldersbedömning', 'Barnets bästa'], requirements: ['samtycke från den gode mannen'] },
  citizenship: { names: ['medborgarskap', 'naturalisation'], measures: [en('ansökan om medborgarskap', 'ansökningar om medborgarskap', 'ansökningarna om medborgarskap'), ett('medborgarskapsprov', 'medborgarskapsprov', 'medborgarskapsproven'), en('medborgarskapsceremoni', 'medborgarskapsceremonier', 'medborgarskapsceremonierna'), ett('språkintyg', 'språkintyg', 'språkintygen'), en('ansökningsavgift', 'ansökningsavgifter', 'ansökningsavgifterna'), en('lojalitetsförklaring', 'lojalitetsförklaringar', 'lojalitetsförklaringarna')], groups: ['sökande', 'varaktigt bosatta', 'barn födda i landet'], issues: ['de långa handläggningstiderna', 'kravet på hemvist', 'kunskapskraven'], goals: ['handläggningen går snabbare', 'exempel på provfrågor publiceras'], outcomes: ['blivit medborgare', 'klarat medborgarskapsprovet'], articles: ['Förutsättningar', 'Hemvist', 'Dubbelt medborgarskap'], requirements: ['fem års hemvist', 'ett ordnat levnadssätt'] },
};

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const num = (n: number) => grouped(n, ' ', false);
const pct = (n: number) => `${n} procent`;
const ORDINALS = ['första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte'];

const words = (s: Scene) => TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measureAny = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureAny(s, ...kinds).forms;
const group = (s: Scene) => pick(s, words(s).groups);
const countryName = (s: Scene) => country('sv', s.country).name;
const inCountry = (s: Scene) => country('sv', s.country).in;
const inCity = (s: Scene, shift = 0) => city('sv', s.country, s.city + shift).in;
const cityName = (s: Scene, shift = 0) => city('sv', s.country, s.city + shift).name;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const citation = (s: Scene) => cite(s.eu, 'sv');
const national = (s: Scene) => (s.national?.lang === 'sv' ? s.national.forms[0]! : 'utlänningslagen');
const BODIES: Record<string, readonly string[]> = {
  SE: ['Migrationsverket', 'Arbetsförmedlingen', 'Diskrimineringsombudsmannen', 'länsstyrelsen'],
  FI: ['Migrationsverket', 'arbets- och näringsbyrån', 'diskrimineringsombudsmannen', 'NTM-centralen'],
};
const bodies = (s: Scene) => BODIES[s.country] ?? BODIES.SE!;
const currency = (s: Scene) => (s.country === 'FI' ? 'euro' : 'kronor');
const COUNTED: Record<MeasureKind, string> = { service: 'anordnades', document: 'beviljades', application: 'lämnades in', procedure: 'genomfördes', slot: 'fördelades', facility: 'öppnades', person: 'utsågs', money: 'betalades ut', body: 'kontaktades' };
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'ökade' : 'minskade'} från ${from} till ${to}`;
}
/** A finding as a clause after "att" (no verb second in subordinate clauses: "att X fortfarande är"). */
function finding(s: Scene): string {
  return pick(s, [
    `${measure(s).thePl} är ${pick(s, ['otillräckliga', 'långsamma', 'överbelastade', 'dåligt kända'])} utanför storstäderna`,
    `${pick(s, words(s).issues)} fortfarande är det största hindret ${inCity(s)}`,
    `samarbetet med civilsamhället har förbättrats sedan ${earlier(s, 1, 5)}`,
    `bara ${pct(s.rnd.int(8, 45))} av ${group(s)} känner till ${measure(s).thePl}`,
  ]);
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Denna rapport', 'Denna studie', 'Denna promemoria'])} ${pick(s, ['beskriver', 'undersöker', 'analyserar'])} ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, [`mellan ${earlier(s, 4, 8)} och ${s.year}`, `sedan ${earlier(s, 3, 10)}`, `år ${s.year}`])} utifrån ${pick(s, [`${s.rnd.int(12, 80)} intervjuer med handläggare`, 'registerdata', `en enkät till ${num(count(s.rnd, 200, 4000))} ${group(s)}`, `ärenden från ${s.rnd.int(3, 40)} kommuner`])}.`,
    (s) => `Syftet är att förstå hur ${pick(s, ['kommuner', 'regioner', 'ideella organisationer'])} ${pick(s, ['organiserar', 'finansierar', 'genomför'])} ${measure(s, 'service', 'slot', 'facility', 'person').thePl} för ${group(s)}.`,
  ],
  context: [
    (s) => `Sedan ${earlier(s, 2, 12)} ${pick(s, ['samordnar', 'finansierar', 'följer upp'])} ${pick(s, bodies(s))} ${measure(s).thePl} ${inCountry(s)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} drivs ${measure(s, 'service', 'facility').thePl} av ${pick(s, ['ideella organisationer', 'Röda korset', 'studieförbund', 'frivilliga'])}.`,
  ],
  legal: [
    (s) => `Enligt ${citation(s)} har ${group(s)} ${pick(s, ['inom rimlig tid', 'på samma villkor som landets egna medborgare', 'på de villkor som anges i nationell rätt'])} rätt till ${measure(s, 'document', 'slot', 'money', 'service').a}.`,
    (s) => (s.eu.kind === 'directive' ? `${cap(countryName(s))} genomförde ${citation(s)} år ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} genom ändringar i ${national(s)}.` : `${cap(citation(s))} är direkt tillämplig ${inCountry(s)} sedan ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`),
    (s) => `${cap(national(s))} kräver att ${group(s)} kan visa ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => `${cap(pick(s, [...bodies(s), `${cityName(s)}${/s$/.test(cityName(s)) ? '' : 's'} kommun`, 'forskarna', 'de ideella organisationerna']))} ${pick(s, ['konstaterar', 'påpekar', 'bedömer'])} att ${finding(s)}.`,
    (s) => `Väntetiden på ${measure(s).a} ${change(s, 2, 14)} ${pick(s, ['veckor', 'månader'])} mellan ${earlier(s, 3, 6)} och ${earlier(s, 0, 1)}.`,
    (s) => `Endast ${pct(s.rnd.int(12, 64))} av dem som ${pick(s, ['påbörjade', 'avslutade'])} ${measure(s, 'service', 'procedure', 'application').a} hade ${pick(s, words(s).outcomes)} inom ${s.rnd.int(6, 36)} månader.`,
  ],
  data: [
    (s) => {
      const m = measureAny(s);
      return `${cap(inCity(s, s.rnd.int(0, 2)))} ${COUNTED[m.kind].replace(/ in$/, '')} ${num(count(s.rnd, 30, 9000))} ${m.forms.pl}${COUNTED[m.kind].endsWith(' in') ? ' in' : ''} år ${earlier(s, 0, 4)}.`;
    },
    (s) => `År ${earlier(s, 0, 3)} deltog ${num(count(s.rnd, 40, 60_000))} ${group(s)} i ${measure(s, 'service').thePl} ${where(s)}, en ${pick(s, ['ökning', 'minskning'])} med ${pct(s.rnd.int(2, 40))} jämfört med året innan.`,
    (s) => `Vart ${pick(s, ['tredje', 'fjärde', 'femte', 'sjätte'])} ärende gällde ${group(s)}.`,
  ],
  voice: [
    (s) => `”${pick(s, [`Vi väntade i ${s.rnd.int(4, 22)} månader på ${measure(s).a}`, `Ingen förklarade för oss hur ${measure(s).thePl} fungerar`, `De första ${s.rnd.int(2, 12)} veckorna avgör allt`, 'Utan volontärerna hade jag gett upp'])}”, säger ${pick(s, ['en socialsekreterare', 'en ung man från Afghanistan', 'en mamma från Syrien', 'en sfi-lärare'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Författarna', 'De tillfrågade organisationerna', 'Experterna'])} rekommenderar att ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'och att')}.`,
    (s) => `Medel från ${pick(s, ['Asyl-, migrations- och integrationsfonden (Amif)', 'Europeiska socialfonden+ (ESF+)'])} skulle kunna ${pick(s, ['stärka', 'bygga ut', 'permanenta'])} ${measure(s, 'service', 'slot', 'facility', 'person').thePl} ${pick(s, ['i mindre kommuner', 'på landsbygden', inCity(s, 1)])}.`,
  ],
  conclusion: [
    (s) => `Sammantaget har politiken för ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, ['förbättrats', 'knappt förändrats', 'skärpts'])} sedan ${earlier(s, 3, 10)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} beror mycket på ${pick(s, ['kommunens kapacitet', 'en stabil finansiering', 'arbetsgivarnas attityder', 'handläggningstiderna', 'tillgången till tolkar'])}, ${pick(s, ['precis som i resten av landet', 'mer än på andra håll', `särskilt sedan ${earlier(s, 2, 8)}`])}.`,
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Sammanfattning', 'I korthet'], introduction: ['Inledning', 'Syfte och avgränsning'], context: ['Bakgrund', 'Nuläge'], legal: ['Rättsliga ramar', 'Regelverket'],
  method: ['Metod', 'Data och metod'], findings: ['Resultat', 'Viktigaste iakttagelser'], data: ['Fakta och siffror', 'Statistik'], practice: ['Exempel från praktiken', 'Lokala erfarenheter'],
  recommendations: ['Rekommendationer', 'Förslag'], conclusions: ['Slutsatser', 'Framåtblick'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const n = measure(s, 'document', 'slot', 'money', 'service');
  if (role === 'scope') return paragraph === 1 ? `Denna lag innehåller bestämmelser om ${pick(s, w.names)} ${inCountry(s)}.` : `Lagen gäller ${group(s)} som vistas lagligt ${inCountry(s)}.`;
  if (role === 'definitions') return pick(s, [`I denna lag avses med ${n.sg} ${n.a} som beviljas av den behöriga myndigheten.`, 'Med behörig myndighet avses i denna lag den myndighet som regeringen bestämmer.']);
  if (role === 'final') return pick(s, [`Denna lag träder i kraft den 1 ${pick(s, ['januari', 'juli'])} ${s.year + 1}.`, 'Regeringen meddelar ytterligare föreskrifter om verkställigheten av denna lag.']);
  return pick(s, [
    `En ansökan om ${n.sg} ska lämnas in till den behöriga myndigheten inom ${s.rnd.int(2, 12) * 15} dagar ${pick(s, ['efter ankomsten', 'före utgången av det nuvarande tillståndet'])}.`,
    `Den behöriga myndigheten ska fatta beslut inom ${s.rnd.int(3, 12) * 10} dagar från det att ansökan kom in.`,
    `${cap(n.a)} gäller i ${pick(s, ['ett år', 'två år', 'fem år'])} och får förlängas.`,
    `Sökanden ska visa ${pick(s, w.requirements)}.`,
    `För ${n.a} tas en avgift på ${s.rnd.int(2, 40) * 100} ${currency(s)} ut.`,
    `Bestämmelserna i ${ORDINALS[Math.max(0, paragraph - 2)]} stycket gäller inte ${pick(s, ['minderåriga', 'personer med funktionsnedsättning', 'personer som beviljats internationellt skydd'])}.`,
    `Beslut enligt denna paragraf får överklagas till förvaltningsrätten inom ${s.rnd.int(2, 6)} veckor.`,
    `${cap(group(s))} som har vistats lagligt ${inCountry(s)} i minst ${s.rnd.int(3, 8)} år får ansöka om ${n.sg}.`,
  ]);
}

export const swedish: LanguagePack = {
  lang: 'sv',
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
    const place = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
    const options: Record<Scene['kind'], string[]> = {
      legislation: [`Lag om ${subject}`], 'policy-document': [`Handlingsplan för ${subject} ${s.year}–${s.year + 3}`, `Integrationsprogram för ${cityName(s, s.rnd.int(0, 3))} ${s.year}–${s.year + 3}`],
      report: [`Årsrapport om ${subject} ${place} ${s.year}`, `${cap(pick(s, words(s).issues))} ${place}: uppföljning ${s.year}`], study: [`Studie om ${subject} ${place} (${s.year})`],
      'impact-assessment': [`Konsekvensanalys av nya regler för ${measure(s).thePl} (${s.year})`], evaluation: [`Utvärdering av ${measure(s).thePl} ${place} ${s.year - s.rnd.int(2, 5)}–${s.year}`],
      article: [`${cap(pick(s, words(s).issues))}: ${subject} ${place}`], other: [`Vägledning om ${subject} för ${group(s)} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => {
    const y = iso.slice(0, 4);
    // Sweden numbers its statutes year:number (SFS), Finland number/year.
    const ref = s.country === 'FI' ? `${number}/${y}` : `${y}:${number}`;
    const titles: Record<NationalActKind, string> = {
      act: `Lag (${ref}) om ${pick(s, words(s).names)}`,
      regulation: `Förordning (${ref}) om ${measure(s).pl}`,
      decree: `Föreskrifter (${ref}) om ${measure(s).pl}`,
      bylaw: `Riktlinjer för ${measure(s).pl} i ${cityName(s)}${/s$/.test(cityName(s)) ? '' : 's'} kommun (${ref})`,
      circular: `Rättsligt ställningstagande ${ref} om ${measure(s).pl}`,
    };
    return titles[kind];
  },
  articleLabel: (label) => `${label.replace(/^(\d+)([a-d])$/, '$1 $2')} §`,
  articleHeading: (s, role) => (role === 'scope' ? 'Lagens innehåll och tillämpningsområde' : role === 'definitions' ? 'Definitioner' : role === 'final' ? 'Ikraftträdande' : pick(s, words(s).articles)),
  provision,
  repealed: '(upphävd)',
  changeNote: (changes, act, inForceFrom) => {
    const label = (article: string) => `${article.replace(/^(\d+)([a-d])$/, '$1 $2')} §`;
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `${label(c.article)} införd` : c.op === 'repealed' ? `${label(c.article)} upphävd` : `${label(c.article)} ${ORDINALS[(c.paragraph ?? 1) - 1] ?? 'första'} stycket ändrad`);
    return `${cap(list(changes.map(what), 'och'))} genom ${act}, i kraft den ${swedish.date(inForceFrom)}.`;
  },
  pageLabel: (page, of) => `sida ${page} av ${of}`,
  labels: { published: 'Publicerad', place: 'Ort', identifier: 'Beteckning', version: 'Version', inForce: 'i kraft från' },
};
