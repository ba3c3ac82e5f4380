// Italian: the documents Italy writes about itself, with the articles chosen
// by the next sound (il, lo, l’, la, i, gli, le) and articulated prepositions
// (del, dello, dell’, nei, agli…).
import { cite } from '../citations';
import { city, country } from '../places';
import type { MeasureKind, TopicKey } from '../topics';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts } from './util';

interface Noun {
  sg: string;
  pl: string;
  f: boolean;
  /** A mass noun, used in the singular ("il sovraffollamento"). */
  mass?: boolean;
}
const m = (sg: string, pl: string): Noun => ({ sg, pl, f: false });
const f = (sg: string, pl: string): Noun => ({ sg, pl, f: true });
interface Words {
  names: readonly Noun[];
  measures: readonly Noun[];
  groups: readonly Noun[];
  issues: readonly Noun[];
  goals: readonly string[];
  outcomes: ReadonlyArray<readonly [string, string]>;
  articles: readonly string[];
  requirements: readonly string[];
}
/** Groups and issues are used in the plural; their singular is not needed. */
const gm = (pl: string): Noun => m(pl, pl);
const gf = (pl: string): Noun => f(pl, pl);
const ms = (sg: string): Noun => ({ ...m(sg, sg), mass: true });
const fs = (sg: string): Noun => ({ ...f(sg, sg), mass: true });

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: [m('permesso di soggiorno', 'permessi di soggiorno'), m('soggiorno di lungo periodo', 'soggiorni di lungo periodo')], measures: [m('permesso di soggiorno', 'permessi di soggiorno'), m('rinnovo del permesso', 'rinnovi del permesso'), m('permesso unico', 'permessi unici'), m('permesso UE per soggiornanti di lungo periodo', 'permessi UE per soggiornanti di lungo periodo'), m('permesso elettronico', 'permessi elettronici'), m('appuntamento in questura', 'appuntamenti in questura')], groups: [gm('cittadini di paesi terzi'), gm('soggiornanti di lungo periodo'), gm('studenti internazionali')], issues: [gm('ritardi nel rilascio'), gm('costi elevati delle pratiche'), gf('code in questura')], goals: ['ridurre i tempi di rilascio', 'digitalizzare le domande'], outcomes: [['ottenere il permesso di lungo periodo', 'ottenuto il permesso di lungo periodo'], ['rinnovare il permesso in tempo', 'rinnovato il permesso in tempo']], articles: ['Permesso di soggiorno', 'Rinnovo', 'Soggiorno di lungo periodo'], requirements: ['un reddito minimo annuo', 'un alloggio idoneo'] },
  family: { names: [m('ricongiungimento familiare', 'ricongiungimenti familiari'), m('diritto al ricongiungimento familiare', 'diritti al ricongiungimento familiare')], measures: [f('domanda di ricongiungimento', 'domande di ricongiungimento'), m('appuntamento al consolato', 'appuntamenti al consolato'), f('verifica del reddito', 'verifiche del reddito'), m('test di lingua prima della partenza', 'test di lingua prima della partenza'), m('test del DNA', 'test del DNA'), m('visto per ricongiungimento', 'visti per ricongiungimento')], groups: [gm('richiedenti il ricongiungimento'), gm('coniugi'), gm('figli minori')], issues: [gm('lunghi tempi di attesa'), gf('difficoltà nel provare i legami familiari'), gm('requisiti di alloggio')], goals: ['esentare i rifugiati dal requisito di reddito', 'accettare altre prove dei legami familiari'], outcomes: [['riunirsi con la famiglia', 'potuto riunirsi con la famiglia'], ['ottenere il visto', 'ottenuto il visto']], articles: ['Familiari ricongiungibili', 'Requisiti', 'Presentazione della domanda'], requirements: ['un alloggio idoneo', 'un reddito sufficiente per il nucleo familiare'] },
  language: { names: [m('insegnamento dell’italiano agli adulti stranieri', 'insegnamenti dell’italiano agli adulti stranieri'), m('corso di lingua per nuovi arrivati', 'corsi di lingua per nuovi arrivati')], measures: [m('corso di italiano', 'corsi di italiano'), m('percorso di integrazione', 'percorsi di integrazione'), m('corso di alfabetizzazione', 'corsi di alfabetizzazione'), m('test di lingua', 'test di lingua'), m('posto in un corso', 'posti nei corsi'), m('corso online', 'corsi online')], groups: [gm('studenti adulti'), gf('madri lavoratrici'), gm('nuovi arrivati')], issues: [gf('liste d’attesa'), gm('abbandoni frequenti'), gf('mancanza di servizi per l’infanzia durante i corsi')], goals: ['offrire assistenza ai bambini durante i corsi', 'collegare i corsi di lingua ai tirocini'], outcomes: [['raggiungere il livello A2', 'raggiunto il livello A2'], ['superare il test finale', 'superato il test finale']], articles: ['Diritto alla formazione linguistica', 'Contenuti dei corsi', 'Test finale'], requirements: ['una conoscenza della lingua italiana di livello A2', 'la frequenza regolare del corso'] },
  recognition: { names: [m('riconoscimento dei titoli esteri', 'riconoscimenti dei titoli esteri'), m('riconoscimento delle qualifiche professionali', 'riconoscimenti delle qualifiche professionali')], measures: [f('procedura di riconoscimento', 'procedure di riconoscimento'), m('titolo estero', 'titoli esteri'), m('corso integrativo', 'corsi integrativi'), m('bilancio delle competenze', 'bilanci delle competenze'), m('tirocinio di adattamento', 'tirocini di adattamento'), f('prova attitudinale', 'prove attitudinali')], groups: [gm('infermieri formati all’estero'), gm('ingegneri di paesi terzi'), gm('medici extracomunitari')], issues: [gm('costi delle traduzioni giurate'), gm('documenti mancanti'), gf('lentezza delle pratiche')], goals: ['creare uno sportello unico per il riconoscimento', 'abbreviare le procedure'], outcomes: [['esercitare la propria professione', 'esercitato la propria professione'], ['trovare un lavoro adeguato', 'trovato un lavoro adeguato']], articles: ['Procedura di riconoscimento', 'Misure compensative', 'Termini'], requirements: ['copie autenticate dei titoli', 'una descrizione della formazione ricevuta'] },
  housing: { names: [m('accesso all’abitazione', 'accessi all’abitazione'), f('accoglienza abitativa dei rifugiati', 'accoglienze abitative dei rifugiati')], measures: [m('alloggio popolare', 'alloggi popolari'), m('contributo per l’affitto', 'contributi per l’affitto'), m('contratto di locazione', 'contratti di locazione'), m('appartamento condiviso', 'appartamenti condivisi'), m('programma comunale per la casa', 'programmi comunali per la casa'), f('garanzia per l’affitto', 'garanzie per l’affitto')], groups: [gf('famiglie rifugiate'), gm('uomini soli'), gf('famiglie numerose')], issues: [gf('discriminazioni da parte dei proprietari'), gm('affitti elevati'), gf('carenza di alloggi popolari')], goals: ['garantire gli affitti degli inquilini rifugiati', 'costruire più alloggi popolari'], outcomes: [['trovare una casa propria', 'trovato una casa propria'], ['firmare un contratto di locazione', 'firmato un contratto di locazione']], articles: ['Assegnazione degli alloggi', 'Contributo per l’affitto', 'Parità di trattamento'], requirements: ['un contratto di locazione registrato'] },
  health: { names: [f('assistenza sanitaria ai migranti', 'assistenze sanitarie ai migranti'), f('salute mentale dei rifugiati', 'salute mentale dei rifugiati')], measures: [f('visita medica', 'visite mediche'), f('tessera sanitaria', 'tessere sanitarie'), m('mediatore linguistico', 'mediatori linguistici'), m('servizio di salute mentale', 'servizi di salute mentale'), f('campagna vaccinale', 'campagne vaccinali'), m('mediatore sanitario', 'mediatori sanitari')], groups: [gm('richiedenti asilo'), gf('donne in gravidanza'), gm('migranti anziani')], issues: [gf('barriere linguistiche'), gm('traumi non curati'), gf('carenza di mediatori')], goals: ['finanziare i mediatori nei servizi sanitari', 'rilasciare la tessera sanitaria all’arrivo'], outcomes: [['vedere un medico entro una settimana', 'visto un medico entro una settimana'], ['ricevere sostegno psicologico', 'ricevuto sostegno psicologico']], articles: ['Diritto all’assistenza sanitaria', 'Persone vulnerabili', 'Mediazione linguistica'], requirements: ['un certificato medico'] },
  education: { names: [m('inserimento scolastico degli alunni stranieri', 'inserimenti scolastici degli alunni stranieri'), f('formazione professionale dei giovani migranti', 'formazioni professionali dei giovani migranti')], measures: [m('laboratorio di italiano L2', 'laboratori di italiano L2'), m('posto a scuola', 'posti a scuola'), m('corso di recupero', 'corsi di recupero'), m('posto di apprendistato', 'posti di apprendistato'), m('mediatore scolastico', 'mediatori scolastici'), m('corso di lingua d’origine', 'corsi di lingua d’origine')], groups: [gm('alunni con background migratorio'), gm('bambini neoarrivati'), gm('genitori')], issues: [gf('segregazione scolastica'), m('abbandono scolastico precoce', 'abbandoni scolastici precoci'), gf('classi sovraffollate')], goals: ['iscrivere i bambini entro un mese dall’arrivo', 'formare gli insegnanti all’italiano come seconda lingua'], outcomes: [['passare a una classe ordinaria', 'potuto passare a una classe ordinaria'], ['conseguire il diploma', 'conseguito il diploma']], articles: ['Obbligo scolastico', 'Laboratori linguistici', 'Sostegno linguistico'], requirements: ['la residenza nel comune'] },
  labour: { names: [m('inserimento lavorativo dei migranti', 'inserimenti lavorativi dei migranti'), m('accesso al mercato del lavoro', 'accessi al mercato del lavoro')], measures: [m('tirocinio in azienda', 'tirocini in azienda'), m('programma di orientamento al lavoro', 'programmi di orientamento al lavoro'), m('contratto di apprendistato', 'contratti di apprendistato'), m('nulla osta al lavoro', 'nulla osta al lavoro'), m('contratto di lavoro', 'contratti di lavoro'), f('Carta blu UE', 'Carte blu UE')], groups: [gm('disoccupati'), gf('donne migranti'), gm('lavoratori stagionali')], issues: [ms('lavoro irregolare'), gf('discriminazioni nelle assunzioni'), ms('sottoinquadramento')], goals: ['semplificare il decreto flussi', 'riconoscere le competenze acquisite sul lavoro'], outcomes: [['trovare un lavoro stabile', 'trovato un lavoro stabile'], ['vivere del proprio lavoro', 'vissuto del proprio lavoro']], articles: ['Accesso al lavoro', 'Cambio di datore di lavoro', 'Parità di trattamento'], requirements: ['un contratto di soggiorno per lavoro'] },
  civic: { names: [m('accordo di integrazione', 'accordi di integrazione'), m('percorso di integrazione civica', 'percorsi di integrazione civica')], measures: [m('corso di educazione civica', 'corsi di educazione civica'), m('accordo di integrazione', 'accordi di integrazione'), f('sessione informativa', 'sessioni informative'), m('programma di integrazione', 'programmi di integrazione'), m('test di cultura civica', 'test di cultura civica'), m('piano individuale di integrazione', 'piani individuali di integrazione')], groups: [gm('nuovi arrivati'), gm('partecipanti'), gm('volontari')], issues: [gf('scarsa partecipazione'), gf('differenze tra regioni'), gf('mancanza di fondi stabili')], goals: ['adattare i corsi ai bisogni dei partecipanti', 'offrire i corsi nella lingua d’origine'], outcomes: [['superare il test di cultura civica', 'superato il test di cultura civica'], ['completare il percorso', 'completato il percorso']], articles: ['Accordo di integrazione', 'Crediti', 'Ruolo dei comuni'], requirements: ['la sottoscrizione dell’accordo di integrazione'] },
  discrimination: { names: [m('contrasto alle discriminazioni', 'contrasti alle discriminazioni'), f('lotta al razzismo nei luoghi di lavoro', 'lotte al razzismo nei luoghi di lavoro')], measures: [f('segnalazione di discriminazione', 'segnalazioni di discriminazione'), m('organismo di parità', 'organismi di parità'), f('campagna di sensibilizzazione', 'campagne di sensibilizzazione'), m('curriculum anonimo', 'curriculum anonimi'), m('test di discriminazione', 'test di discriminazione'), f('carta per la diversità', 'carte per la diversità')], groups: [gf('vittime di discriminazione'), gm('datori di lavoro'), gm('giovani di origine africana')], issues: [fs('sottosegnalazione'), gm('episodi di razzismo'), ms('discorso d’odio online')], goals: ['raccogliere dati sulla parità', 'formare le forze dell’ordine'], outcomes: [['presentare una segnalazione', 'presentato una segnalazione'], ['ottenere un risarcimento', 'ottenuto un risarcimento']], articles: ['Divieto di discriminazione', 'Onere della prova', 'Organismo di parità'], requirements: ['elementi di fatto idonei a fondare la presunzione di discriminazione'] },
  reception: { names: [f('accoglienza dei richiedenti asilo', 'accoglienze dei richiedenti asilo'), m('sistema di accoglienza e integrazione', 'sistemi di accoglienza e integrazione')], measures: [m('centro di accoglienza', 'centri di accoglienza'), m('posto in accoglienza', 'posti in accoglienza'), f('domanda di protezione internazionale', 'domande di protezione internazionale'), m('pocket money', 'pocket money'), m('centro di emergenza', 'centri di emergenza'), m('centro di accoglienza straordinaria', 'centri di accoglienza straordinaria')], groups: [gm('richiedenti asilo'), gf('persone sfollate dall’Ucraina'), gf('famiglie con bambini')], issues: [ms('sovraffollamento'), gm('lunghi tempi delle procedure'), ms('isolamento dei centri')], goals: ['individuare le vulnerabilità all’arrivo', 'ospitare le famiglie in appartamenti'], outcomes: [['lasciare il centro di accoglienza', 'lasciato il centro di accoglienza'], ['ottenere la protezione internazionale', 'ottenuto la protezione internazionale']], articles: ['Condizioni materiali di accoglienza', 'Centri di accoglienza', 'Persone vulnerabili'], requirements: ['la formalizzazione della domanda di protezione internazionale'] },
  minors: { names: [m('minore straniero non accompagnato', 'minori stranieri non accompagnati'), f('tutela volontaria dei minori', 'tutele volontarie dei minori')], measures: [m('tutore volontario', 'tutori volontari'), m('accertamento dell’età', 'accertamenti dell’età'), f('famiglia affidataria', 'famiglie affidatarie'), m('posto in comunità', 'posti in comunità'), f('comunità per minori', 'comunità per minori'), m('prosieguo amministrativo', 'prosiegui amministrativi')], groups: [gm('minori non accompagnati'), gm('neomaggiorenni'), gf('ragazze sole')], issues: [gf('sparizioni'), gm('ritardi nella nomina dei tutori'), fs('fine improvvisa del sostegno a 18 anni')], goals: ['nominare un tutore entro una settimana', 'prolungare il sostegno fino a 21 anni'], outcomes: [['terminare gli studi', 'terminato gli studi'], ['trovare un alloggio autonomo', 'trovato un alloggio autonomo']], articles: ['Tutela', 'Accertamento dell’età', 'Superiore interesse del minore'], requirements: ['il consenso del tutore'] },
  citizenship: { names: [f('cittadinanza per residenza', 'cittadinanze per residenza'), m('accesso alla cittadinanza', 'accessi alla cittadinanza')], measures: [f('domanda di cittadinanza', 'domande di cittadinanza'), m('test di lingua B1', 'test di lingua B1'), m('giuramento', 'giuramenti'), f('certificazione linguistica', 'certificazioni linguistiche'), m('contributo per la cittadinanza', 'contributi per la cittadinanza'), f('dichiarazione di fedeltà', 'dichiarazioni di fedeltà')], groups: [gm('richiedenti la cittadinanza'), gm('residenti di lungo periodo'), gm('figli nati in Italia')], issues: [gm('lunghi tempi di decisione'), m('requisito di reddito', 'requisiti di reddito'), gf('difficoltà burocratiche')], goals: ['ridurre i tempi di decisione', 'pubblicare esempi di domande'], outcomes: [['ottenere la cittadinanza', 'ottenuto la cittadinanza'], ['superare il test di lingua', 'superato il test di lingua']], articles: ['Requisiti per la cittadinanza', 'Residenza legale', 'Doppia cittadinanza'], requirements: ['dieci anni di residenza legale', 'una conoscenza della lingua italiana di livello B1'] },
};

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const num = (n: number) => grouped(n, '.', true);
const pct = (n: number) => `${n}%`;
const VOWEL = /^[aeiouàèéìòù]/i;
const LO = /^(?:s[^aeiou]|z|gn|ps|x|y)/i;
/** The definite article, by gender, number and the next sound. */
function the(n: Noun, plural: boolean): string {
  const word = plural ? n.pl : n.sg;
  if (n.f) return plural ? `le ${word}` : VOWEL.test(word) ? `l’${word}` : `la ${word}`;
  if (plural) return `${VOWEL.test(word) || LO.test(word) ? 'gli' : 'i'} ${word}`;
  return VOWEL.test(word) ? `l’${word}` : `${LO.test(word) ? 'lo' : 'il'} ${word}`;
}
const uno = (n: Noun) => (n.f ? (VOWEL.test(n.sg) ? `un’${n.sg}` : `una ${n.sg}`) : `${LO.test(n.sg) ? 'uno' : 'un'} ${n.sg}`);
/** di, a, in, su before an article: del, allo, nell’, sugli… */
function prep(word: 'di' | 'a' | 'in' | 'su' | 'da', phrase: string): string {
  const stems = { di: 'de', a: 'a', in: 'ne', su: 'su', da: 'da' };
  const match = /^(il|lo|la|i|gli|le|l’)\s?(.*)$/.exec(phrase);
  if (!match) return `${word} ${phrase}`;
  const [, article, rest] = match;
  const stem = stems[word];
  const joined: Record<string, string> = { il: `${stem}l`, lo: `${stem}llo`, la: `${stem}lla`, i: `${stem}i`, gli: `${stem}gli`, le: `${stem}lle`, 'l’': `${stem}ll’` };
  const contracted = joined[article!]!;
  return article === 'l’' ? `${contracted}${rest}` : `${contracted} ${rest}`;
}
const agree = (word: string, n: Noun, plural: boolean) => `${word.slice(0, -1)}${n.f ? (plural ? 'e' : 'a') : plural ? 'i' : 'o'}`;

const words = (s: Scene) => TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined).forms;
const group = (s: Scene) => the(pick(s, words(s).groups), true);
const issueOf = (s: Scene) => pick(s, words(s).issues);
const issue = (s: Scene) => {
  const n = issueOf(s);
  return the(n, !n.mass);
};
const name = (s: Scene) => the(pick(s, words(s).names), false);
const inCountry = (s: Scene) => country('it', s.country).in;
const inCity = (s: Scene, shift = 0) => city('it', s.country, s.city + shift).in;
const cityName = (s: Scene, shift = 0) => city('it', s.country, s.city + shift).name;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const theCitation = (s: Scene) => `${s.eu.kind === 'regulation' ? 'il' : 'la'} ${cite(s.eu, 'it')}`;
const national = (s: Scene) => (s.national?.lang === 'it' ? s.national.forms[0]! : 'il Testo unico sull’immigrazione');
const BODIES = ['il Ministero dell’Interno', 'il Ministero del Lavoro e delle Politiche Sociali', 'la prefettura', 'l’UNAR'];
const actor = (s: Scene): [string, boolean] => pick(s, [[pick(s, BODIES), false], [`il Comune di ${cityName(s, s.rnd.int(0, 2))}`, false], ['le associazioni del terzo settore', true], ['le regioni', true], ['la Caritas', false], ['i sindacati', true], ['la Commissione europea', false]] as const);
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'è salito' : 'è sceso'} da ${from} a ${to}`;
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Questo rapporto', 'Questo studio', 'Questo documento'])} ${pick(s, ['analizza', 'esamina', 'descrive'])} ${name(s)} ${inCountry(s)} ${pick(s, [`tra il ${earlier(s, 4, 8)} e il ${s.year}`, `dal ${earlier(s, 3, 10)}`, `nel ${s.year}`])} sulla base di ${pick(s, [`${s.rnd.int(12, 80)} interviste a operatori`, 'dati amministrativi', `un’indagine su ${num(count(s.rnd, 200, 4000))} ${pick(s, words(s).groups).pl}`, `fascicoli di ${s.rnd.int(3, 40)} comuni`])}.`,
    (s) => `L’obiettivo è capire come ${pick(s, ['i comuni', 'le regioni', 'gli enti del terzo settore'])} ${pick(s, ['organizzano', 'finanziano', 'gestiscono'])} ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} per ${group(s)}.`,
  ],
  context: [
    (s) => `Dal ${earlier(s, 2, 12)} ${pick(s, BODIES)} ${pick(s, ['coordina', 'finanzia', 'supervisiona'])} ${the(measure(s), true)} ${inCountry(s)}.`,
    (s) => {
      const n = measure(s, 'service', 'facility');
      return `${cap(inCity(s, s.rnd.int(0, 2)))} ${the(n, true)} sono ${agree('gestito', n, true)} da ${pick(s, ['cooperative sociali', 'la Croce Rossa', 'una rete di volontari', 'centri provinciali per l’istruzione degli adulti'])}.`;
    },
  ],
  legal: [
    (s) => `Ai sensi ${prep('di', theCitation(s))}, ${group(s)} ${pick(s, ['hanno diritto a', 'possono chiedere'])} ${uno(measure(s, 'document', 'slot', 'money', 'service'))} ${pick(s, ['entro un termine ragionevole', 'alle stesse condizioni dei cittadini', 'alle condizioni previste dalla legge'])}.`,
    (s) => (s.eu.kind === 'directive' ? `L’Italia ha recepito ${theCitation(s)} nel ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} modificando ${national(s)}.` : `${cap(theCitation(s))} si applica direttamente in Italia dal ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))}.`),
    (s) => `${cap(national(s))} richiede ${prep('a', group(s))} di dimostrare ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => {
      const [who, plural] = actor(s);
      const n = measure(s);
      const clause = pick(s, [(() => {
        const n = issueOf(s);
        return `${the(n, !n.mass)} ${n.mass ? 'resta' : 'restano'} il principale ostacolo ${inCity(s)}`;
      })(), `${the(n, true)} sono ${pick(s, ['insufficienti', agree('lento', n, true), agree('saturo', n, true)])} fuori dalle grandi città`, `la collaborazione con le associazioni è migliorata dal ${earlier(s, 1, 5)}`]);
      return `${cap(who)} ${plural ? pick(s, ['segnalano', 'osservano', 'rilevano']) : pick(s, ['segnala', 'osserva', 'rileva'])} che ${clause}.`;
    },
    (s) => `Il tempo di attesa per ${uno(measure(s))} ${change(s, 2, 14)} ${pick(s, ['settimane', 'mesi'])} tra il ${earlier(s, 3, 6)} e il ${earlier(s, 0, 1)}.`,
    (s) => `Solo il ${pct(s.rnd.int(12, 64))} di chi ha ${pick(s, ['iniziato', 'concluso'])} ${uno(measure(s, 'service', 'procedure', 'application'))} ha ${pick(s, words(s).outcomes)[1]} entro ${s.rnd.int(6, 36)} mesi.`,
  ],
  data: [
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} nel ${earlier(s, 0, 4)} sono stati ${pick(s, ['registrati', 'trattati', 'conclusi'])} ${num(count(s.rnd, 30, 9000))} ${pick(s, ['fascicoli', 'casi', 'procedimenti'])} relativi ${prep('a', the(measure(s), true))}.`,
    (s) => {
      const [verb, preposition] = pick(s, [['partecipato', 'a'], ['avuto accesso', 'a'], ['fatto domanda', 'per']] as const);
      return `Nel ${earlier(s, 0, 3)} ${num(count(s.rnd, 40, 60_000))} ${pick(s, words(s).groups).pl} hanno ${verb} ${preposition} ${uno(measure(s))} ${where(s)}, il ${pct(s.rnd.int(2, 40))} in ${pick(s, ['più', 'meno'])} rispetto all’anno precedente.`;
    },
    (s) => `Una pratica su ${s.rnd.int(3, 9)} riguardava ${group(s)}.`,
  ],
  voice: [
    (s) => `«${pick(s, [`Abbiamo aspettato ${s.rnd.int(4, 22)} mesi per ${uno(measure(s))}`, `Nessuno ci ha spiegato come funzionano ${the(measure(s), true)}`, `Le prime ${s.rnd.int(2, 12)} settimane decidono tutto`, 'Senza i volontari avrei rinunciato'])}», racconta ${pick(s, ['un’operatrice sociale', 'un giovane gambiano', 'una madre ucraina', 'un mediatore culturale'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Gli autori', 'Le associazioni consultate', 'Gli esperti'])} ${pick(s, ['raccomandano di', 'propongono di'])} ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'e')}.`,
    (s) => `I fondi ${pick(s, ['del Fondo Asilo, Migrazione e Integrazione (FAMI)', 'del Fondo sociale europeo Plus (FSE+)'])} potrebbero ${pick(s, ['rafforzare', 'stabilizzare', 'ampliare'])} ${the(measure(s, 'service', 'slot', 'facility', 'person'), true)} ${pick(s, ['nei piccoli comuni', 'nelle aree interne', inCity(s, 1)])}.`,
  ],
  conclusion: [
    (s) => `Nel complesso, la politica relativa ${prep('a', name(s))} ${inCountry(s)} ${pick(s, ['è migliorata', 'è rimasta disomogenea', 'è cambiata poco'])} dal ${earlier(s, 3, 10)}.`,
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} molto dipende ${prep('da', pick(s, ['la capacità del comune', 'la stabilità dei finanziamenti', 'l’atteggiamento dei datori di lavoro', 'la durata delle procedure', 'la disponibilità di mediatori']))}, ${pick(s, ['come nel resto del paese', 'più che altrove', `soprattutto dal ${earlier(s, 2, 8)}`])}.`,
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Sintesi', 'In breve'], introduction: ['Introduzione', 'Obiettivi e ambito'], context: ['Contesto', 'Quadro generale'], legal: ['Quadro normativo', 'Il quadro giuridico'],
  method: ['Metodologia', 'Dati e metodi'], findings: ['Risultati', 'Principali evidenze'], data: ['Dati e cifre', 'Statistiche'], practice: ['Buone pratiche', 'Esperienze locali'],
  recommendations: ['Raccomandazioni', 'Proposte'], conclusions: ['Conclusioni', 'Prospettive'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const n = measure(s, 'document', 'slot', 'money', 'service');
  if (role === 'scope') return paragraph === 1 ? `La presente legge disciplina ${name(s)} ${inCountry(s)}.` : `Essa si applica ${prep('a', group(s))} regolarmente soggiornanti nel territorio dello Stato.`;
  if (role === 'definitions') return pick(s, [`Ai fini della presente legge, per «${n.sg}» si intende ${uno(n)} ${agree('rilasciato', n, false)} dall’autorità competente.`, 'Per «autorità competente» si intende l’autorità designata dal Ministro dell’Interno.']);
  if (role === 'final') return pick(s, ['La presente legge entra in vigore il giorno successivo a quello della sua pubblicazione nella Gazzetta Ufficiale.', 'Con decreto del Ministro dell’Interno sono stabilite le modalità di attuazione della presente legge.']);
  return pick(s, [
    `La domanda di ${n.sg} è presentata all’autorità competente entro ${s.rnd.int(2, 12) * 15} giorni ${pick(s, ['dall’ingresso', 'dalla scadenza del titolo in corso'])}.`,
    `L’autorità competente decide entro ${s.rnd.int(3, 12) * 10} giorni dal ricevimento della domanda.`,
    `${cap(the(n, false))} ha una validità di ${pick(s, ['un anno', 'due anni', 'cinque anni'])} ed è rinnovabile.`,
    `Il richiedente deve dimostrare ${pick(s, w.requirements)}.`,
    `Per il rilascio di ${uno(n)} è dovuto un contributo di ${s.rnd.int(2, 40) * 10} euro.`,
    `Le disposizioni del comma ${Math.max(1, paragraph - 1)} non si applicano ${prep('a', pick(s, ['i minori', 'le persone con disabilità', 'i titolari di protezione internazionale']))}.`,
    `Avverso i provvedimenti adottati ai sensi del presente articolo è ammesso ricorso al tribunale entro ${s.rnd.int(2, 6) * 10} giorni.`,
    `${cap(group(s))} regolarmente soggiornanti da almeno ${s.rnd.int(3, 8)} anni possono chiedere ${uno(n)}.`,
  ]);
}

const ACT: Record<NationalActKind, string> = { act: 'Legge', regulation: 'Decreto del Presidente della Repubblica', decree: 'Decreto ministeriale', bylaw: 'Regolamento comunale', circular: 'Circolare' };

export const italian: LanguagePack = {
  lang: 'it',
  date: (iso) => {
    const { y, m: month, d } = parts(iso);
    return `${d === 1 ? '1º' : d} ${MONTHS[month - 1]} ${y}`;
  },
  month: (year, month) => `${MONTHS[month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, [pick(s, words(s).goals), issue(s)])} ${where(s)}.`),
  title: (s) => {
    const subject = name(s);
    const place = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
    const options: Record<Scene['kind'], string[]> = {
      legislation: [`Legge ${prep('su', subject)}`], 'policy-document': [`Piano nazionale per ${subject} ${s.year}-${s.year + 3}`, `Piano per l’inclusione del Comune di ${cityName(s, s.rnd.int(0, 3))} ${s.year}-${s.year + 3}`],
      report: [`Rapporto annuale ${prep('su', subject)} ${place}, ${s.year}`, `${cap(issue(s))} ${place}: rapporto ${s.year}`], study: [`Studio ${prep('su', subject)} ${place} (${s.year})`],
      'impact-assessment': [`Valutazione d’impatto delle nuove norme ${prep('su', the(measure(s), true))} (${s.year})`], evaluation: [`Valutazione ${prep('di', the(measure(s), true))} ${place}, ${s.year - s.rnd.int(2, 5)}-${s.year}`],
      article: [`${cap(issue(s))}: ${subject} ${place}`], other: [`Guida ${prep('su', subject)} per ${group(s)} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => `${ACT[kind]}${kind === 'bylaw' ? ` di ${cityName(s)}` : ''} ${italian.date(iso)}, n. ${number} – Disposizioni in materia di ${pick(s, words(s).names).sg}`,
  articleLabel: (label) => `Articolo ${label.replace(/^(\d+)([a-d])$/, (_, n: string, l: string) => `${n}-${['bis', 'ter', 'quater', 'quinquies'][l.charCodeAt(0) - 97]}`)}`,
  articleHeading: (s, role) => (role === 'scope' ? 'Oggetto e ambito di applicazione' : role === 'definitions' ? 'Definizioni' : role === 'final' ? 'Entrata in vigore' : pick(s, words(s).articles)),
  provision,
  repealed: '(abrogato)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `inserito l’articolo ${c.article}` : c.op === 'repealed' ? `abrogato l’articolo ${c.article}` : `modificato il comma ${c.paragraph ?? 1} dell’articolo ${c.article}`);
    return `${cap(list(changes.map(what), 'e'))} da ${act}, in vigore dal ${italian.date(inForceFrom)}.`;
  },
  pageLabel: (page, of) => `pagina ${page} di ${of}`,
  labels: { published: 'Pubblicato', place: 'Luogo', identifier: 'Identificativo', version: 'Versione', inForce: 'in vigore dal' },
};
