// Polish: the documents Poland writes about itself. Sentences are built so
// that every noun stands in a case given here (nominative, genitive,
// accusative; plural nominative and genitive), and counts take the form the
// numeral governs (1 wniosek, 3 wnioski, 5 wniosków).
import { cite } from '../citations';
import { city, country } from '../places';
import type { MeasureKind, TopicKey } from '../topics';
import type { ArticleChange, LanguagePack, NationalActKind, ProseKind, Scene, SectionKind } from './types';
import { cap, count, grouped, list, measureOf, parts } from './util';

type Gender = 'm' | 'f' | 'n';
interface Noun {
  g: Gender;
  nom: string;
  gen: string;
  acc: string;
  nomPl: string;
  genPl: string;
  /** Accusative plural: the nominative, except for masculine persons, whose accusative is the genitive. */
  accPl: string;
}
/** Masculine inanimate and neuter nouns have an accusative equal to the nominative. */
const m = (nom: string, gen: string, nomPl: string, genPl: string): Noun => ({ g: 'm', nom, gen, acc: nom, nomPl, genPl, accPl: nomPl });
/** A masculine person (kurator, tłumacz): accusative like the genitive, singular and plural. */
const mp = (nom: string, gen: string, nomPl: string, genPl: string): Noun => ({ g: 'm', nom, gen, acc: gen, nomPl, genPl, accPl: genPl });
const n = (nom: string, gen: string, nomPl: string, genPl: string): Noun => ({ g: 'n', nom, gen, acc: nom, nomPl, genPl, accPl: nomPl });
const f = (nom: string, gen: string, acc: string, nomPl: string, genPl: string): Noun => ({ g: 'f', nom, gen, acc, nomPl, genPl, accPl: nomPl });
interface Words {
  /** The subject in the genitive ("w zakresie …", "dotyczy …"). */
  names: readonly string[];
  measures: readonly Noun[];
  /** [nominative plural, genitive plural]. */
  groups: ReadonlyArray<readonly [string, string]>;
  /** [nominative, plural?]. */
  issues: ReadonlyArray<readonly [string, boolean]>;
  /** Verbal nouns in the accusative: "skrócenie czasu oczekiwania". */
  goals: readonly string[];
  articles: readonly string[];
  /** After "wykazać posiadanie": genitive. */
  requirements: readonly string[];
}

const TOPICS: Record<TopicKey, Words> = {
  residence: { names: ['zezwoleń na pobyt', 'pobytu rezydenta długoterminowego UE'], measures: [n('zezwolenie na pobyt czasowy', 'zezwolenia na pobyt czasowy', 'zezwolenia na pobyt czasowy', 'zezwoleń na pobyt czasowy'), n('przedłużenie zezwolenia', 'przedłużenia zezwolenia', 'przedłużenia zezwoleń', 'przedłużeń zezwoleń'), n('jednolite zezwolenie', 'jednolitego zezwolenia', 'jednolite zezwolenia', 'jednolitych zezwoleń'), n('zezwolenie na pobyt rezydenta długoterminowego UE', 'zezwolenia na pobyt rezydenta długoterminowego UE', 'zezwolenia na pobyt rezydenta długoterminowego UE', 'zezwoleń na pobyt rezydenta długoterminowego UE'), f('karta pobytu', 'karty pobytu', 'kartę pobytu', 'karty pobytu', 'kart pobytu'), f('wizyta w urzędzie wojewódzkim', 'wizyty w urzędzie wojewódzkim', 'wizytę w urzędzie wojewódzkim', 'wizyty w urzędzie wojewódzkim', 'wizyt w urzędzie wojewódzkim')], groups: [['cudzoziemcy', 'cudzoziemców'], ['rezydenci długoterminowi', 'rezydentów długoterminowych'], ['studenci zagraniczni', 'studentów zagranicznych']], issues: [['długi czas rozpatrywania wniosków', false], ['przeciążenie urzędów wojewódzkich', false], ['wysokie opłaty', true]], goals: ['skrócenie czasu rozpatrywania wniosków', 'cyfryzację postępowań'], articles: ['Zezwolenie na pobyt czasowy', 'Przedłużenie zezwolenia', 'Rezydent długoterminowy UE'], requirements: ['stabilnego i regularnego źródła dochodu', 'ubezpieczenia zdrowotnego'] },
  family: { names: ['łączenia rodzin', 'prawa do łączenia rodzin'], measures: [m('wniosek o łączenie rodzin', 'wniosku o łączenie rodzin', 'wnioski o łączenie rodzin', 'wniosków o łączenie rodzin'), f('wizyta w konsulacie', 'wizyty w konsulacie', 'wizytę w konsulacie', 'wizyty w konsulacie', 'wizyt w konsulacie'), n('sprawdzenie dochodów', 'sprawdzenia dochodów', 'sprawdzenia dochodów', 'sprawdzeń dochodów'), m('test językowy przed wyjazdem', 'testu językowego przed wyjazdem', 'testy językowe przed wyjazdem', 'testów językowych przed wyjazdem'), m('test DNA', 'testu DNA', 'testy DNA', 'testów DNA'), f('wiza w celu łączenia rodzin', 'wizy w celu łączenia rodzin', 'wizę w celu łączenia rodzin', 'wizy w celu łączenia rodzin', 'wiz w celu łączenia rodzin')], groups: [['członkowie rodzin', 'członków rodzin'], ['małżonkowie', 'małżonków'], ['małoletnie dzieci', 'małoletnich dzieci']], issues: [['długi czas oczekiwania', false], ['trudność w udowodnieniu więzi rodzinnych', false], ['wymogi mieszkaniowe', true]], goals: ['zwolnienie uchodźców z wymogu dochodowego', 'uznawanie innych dowodów pokrewieństwa'], articles: ['Członkowie rodziny', 'Warunki łączenia rodzin', 'Złożenie wniosku'], requirements: ['odpowiedniego lokalu mieszkalnego', 'stabilnego źródła dochodu wystarczającego na utrzymanie rodziny'] },
  language: { names: ['nauki języka polskiego', 'kursów językowych dla cudzoziemców'], measures: [m('kurs języka polskiego', 'kursu języka polskiego', 'kursy języka polskiego', 'kursów języka polskiego'), m('program integracyjny', 'programu integracyjnego', 'programy integracyjne', 'programów integracyjnych'), m('kurs alfabetyzacji', 'kursu alfabetyzacji', 'kursy alfabetyzacji', 'kursów alfabetyzacji'), m('egzamin z języka polskiego', 'egzaminu z języka polskiego', 'egzaminy z języka polskiego', 'egzaminów z języka polskiego'), n('miejsce na kursie', 'miejsca na kursie', 'miejsca na kursach', 'miejsc na kursach'), m('kurs online', 'kursu online', 'kursy online', 'kursów online')], groups: [['uczestnicy kursów', 'uczestników kursów'], ['pracujące matki', 'pracujących matek'], ['nowo przybyli', 'nowo przybyłych']], issues: [['brak opieki nad dziećmi w czasie zajęć', false], ['długie listy oczekujących', true], ['wysoki odsetek osób rezygnujących', false]], goals: ['zapewnienie opieki nad dziećmi w czasie zajęć', 'łączenie nauki języka z praktykami'], articles: ['Prawo do nauki języka', 'Program kursu', 'Egzamin końcowy'], requirements: ['znajomości języka polskiego na poziomie B1'] },
  recognition: { names: ['uznawania zagranicznych dyplomów', 'uznawania kwalifikacji zawodowych'], measures: [n('postępowanie nostryfikacyjne', 'postępowania nostryfikacyjnego', 'postępowania nostryfikacyjne', 'postępowań nostryfikacyjnych'), m('dyplom zagraniczny', 'dyplomu zagranicznego', 'dyplomy zagraniczne', 'dyplomów zagranicznych'), n('szkolenie uzupełniające', 'szkolenia uzupełniającego', 'szkolenia uzupełniające', 'szkoleń uzupełniających'), f('ocena kompetencji', 'oceny kompetencji', 'ocenę kompetencji', 'oceny kompetencji', 'ocen kompetencji'), m('staż adaptacyjny', 'stażu adaptacyjnego', 'staże adaptacyjne', 'staży adaptacyjnych'), m('test umiejętności', 'testu umiejętności', 'testy umiejętności', 'testów umiejętności')], groups: [['pielęgniarki wykształcone za granicą', 'pielęgniarek wykształconych za granicą'], ['inżynierowie z państw trzecich', 'inżynierów z państw trzecich'], ['lekarze spoza UE', 'lekarzy spoza UE']], issues: [['koszt tłumaczeń przysięgłych', false], ['brak dokumentów', false], ['przewlekłość postępowań', false]], goals: ['utworzenie jednego punktu obsługi', 'skrócenie postępowań'], articles: ['Postępowanie nostryfikacyjne', 'Środki wyrównawcze', 'Terminy'], requirements: ['uwierzytelnionych kopii dyplomów'] },
  housing: { names: ['dostępu do mieszkań', 'mieszkalnictwa dla uchodźców'], measures: [n('mieszkanie komunalne', 'mieszkania komunalnego', 'mieszkania komunalne', 'mieszkań komunalnych'), m('dodatek mieszkaniowy', 'dodatku mieszkaniowego', 'dodatki mieszkaniowe', 'dodatków mieszkaniowych'), f('umowa najmu', 'umowy najmu', 'umowę najmu', 'umowy najmu', 'umów najmu'), n('mieszkanie wspólne', 'mieszkania wspólnego', 'mieszkania wspólne', 'mieszkań wspólnych'), m('gminny program mieszkaniowy', 'gminnego programu mieszkaniowego', 'gminne programy mieszkaniowe', 'gminnych programów mieszkaniowych'), n('poręczenie najmu', 'poręczenia najmu', 'poręczenia najmu', 'poręczeń najmu')], groups: [['rodziny uchodźców', 'rodzin uchodźców'], ['samotni mężczyźni', 'samotnych mężczyzn'], ['rodziny wielodzietne', 'rodzin wielodzietnych']], issues: [['dyskryminacja ze strony wynajmujących', false], ['wysokie czynsze', true], ['brak mieszkań komunalnych', false]], goals: ['poręczanie umów najmu przez gminy', 'budowę nowych mieszkań komunalnych'], articles: ['Przydział mieszkań', 'Dodatek mieszkaniowy', 'Równe traktowanie'], requirements: ['tytułu prawnego do lokalu'] },
  health: { names: ['opieki zdrowotnej dla migrantów', 'zdrowia psychicznego uchodźców'], measures: [n('badanie lekarskie', 'badania lekarskiego', 'badania lekarskie', 'badań lekarskich'), n('ubezpieczenie zdrowotne', 'ubezpieczenia zdrowotnego', 'ubezpieczenia zdrowotne', 'ubezpieczeń zdrowotnych'), mp('tłumacz', 'tłumacza', 'tłumacze', 'tłumaczy'), f('poradnia zdrowia psychicznego', 'poradni zdrowia psychicznego', 'poradnię zdrowia psychicznego', 'poradnie zdrowia psychicznego', 'poradni zdrowia psychicznego'), f('kampania szczepień', 'kampanii szczepień', 'kampanię szczepień', 'kampanie szczepień', 'kampanii szczepień'), mp('asystent zdrowotny', 'asystenta zdrowotnego', 'asystenci zdrowotni', 'asystentów zdrowotnych')], groups: [['osoby ubiegające się o ochronę', 'osób ubiegających się o ochronę'], ['kobiety w ciąży', 'kobiet w ciąży'], ['starsi migranci', 'starszych migrantów']], issues: [['bariera językowa', false], ['nieleczone traumy', true], ['brak tłumaczy', false]], goals: ['finansowanie tłumaczy w przychodniach', 'objęcie wszystkich badaniem lekarskim po przyjeździe'], articles: ['Prawo do świadczeń zdrowotnych', 'Osoby szczególnie wrażliwe', 'Pomoc tłumacza'], requirements: ['zaświadczenia lekarskiego'] },
  education: { names: ['edukacji dzieci cudzoziemców', 'kształcenia zawodowego młodych migrantów'], measures: [m('oddział przygotowawczy', 'oddziału przygotowawczego', 'oddziały przygotowawcze', 'oddziałów przygotowawczych'), n('miejsce w szkole', 'miejsca w szkole', 'miejsca w szkołach', 'miejsc w szkołach'), f('lekcja wyrównawcza', 'lekcji wyrównawczej', 'lekcję wyrównawczą', 'lekcje wyrównawcze', 'lekcji wyrównawczych'), n('miejsce w szkole branżowej', 'miejsca w szkole branżowej', 'miejsca w szkołach branżowych', 'miejsc w szkołach branżowych'), mp('asystent międzykulturowy', 'asystenta międzykulturowego', 'asystenci międzykulturowi', 'asystentów międzykulturowych'), f('lekcja języka ojczystego', 'lekcji języka ojczystego', 'lekcję języka ojczystego', 'lekcje języka ojczystego', 'lekcji języka ojczystego')], groups: [['uczniowie z doświadczeniem migracji', 'uczniów z doświadczeniem migracji'], ['dzieci z Ukrainy', 'dzieci z Ukrainy'], ['rodzice', 'rodziców']], issues: [['segregacja w szkołach', false], ['przedwczesne kończenie nauki', false], ['przepełnione klasy', true]], goals: ['zapisywanie dzieci do szkoły w ciągu miesiąca', 'szkolenie nauczycieli w nauczaniu polskiego jako drugiego języka'], articles: ['Obowiązek szkolny', 'Oddziały przygotowawcze', 'Wsparcie językowe'], requirements: ['zameldowania w gminie'] },
  labour: { names: ['integracji cudzoziemców na rynku pracy', 'dostępu do rynku pracy'], measures: [m('staż zawodowy', 'stażu zawodowego', 'staże zawodowe', 'staży zawodowych'), m('program aktywizacji zawodowej', 'programu aktywizacji zawodowej', 'programy aktywizacji zawodowej', 'programów aktywizacji zawodowej'), f('umowa o naukę zawodu', 'umowy o naukę zawodu', 'umowę o naukę zawodu', 'umowy o naukę zawodu', 'umów o naukę zawodu'), n('zezwolenie na pracę', 'zezwolenia na pracę', 'zezwolenia na pracę', 'zezwoleń na pracę'), f('umowa o pracę', 'umowy o pracę', 'umowę o pracę', 'umowy o pracę', 'umów o pracę'), f('Niebieska Karta UE', 'Niebieskiej Karty UE', 'Niebieską Kartę UE', 'Niebieskie Karty UE', 'Niebieskich Kart UE')], groups: [['bezrobotni cudzoziemcy', 'bezrobotnych cudzoziemców'], ['migrantki', 'migrantek'], ['pracownicy sezonowi', 'pracowników sezonowych']], issues: [['praca poniżej kwalifikacji', false], ['praca nierejestrowana', false], ['dyskryminacja przy rekrutacji', false]], goals: ['uproszczenie procedury wydawania zezwoleń na pracę', 'uznawanie kompetencji zdobytych w pracy'], articles: ['Dostęp do rynku pracy', 'Zmiana pracodawcy', 'Równe traktowanie'], requirements: ['oferty pracy'] },
  civic: { names: ['integracji cudzoziemców', 'programów integracyjnych'], measures: [m('kurs wiedzy o Polsce', 'kursu wiedzy o Polsce', 'kursy wiedzy o Polsce', 'kursów wiedzy o Polsce'), m('indywidualny program integracji', 'indywidualnego programu integracji', 'indywidualne programy integracji', 'indywidualnych programów integracji'), n('spotkanie informacyjne', 'spotkania informacyjnego', 'spotkania informacyjne', 'spotkań informacyjnych'), m('program integracyjny', 'programu integracyjnego', 'programy integracyjne', 'programów integracyjnych'), m('egzamin z wiedzy o Polsce', 'egzaminu z wiedzy o Polsce', 'egzaminy z wiedzy o Polsce', 'egzaminów z wiedzy o Polsce'), m('plan integracji', 'planu integracji', 'plany integracji', 'planów integracji')], groups: [['nowo przybyli', 'nowo przybyłych'], ['uczestnicy', 'uczestników'], ['wolontariusze', 'wolontariuszy']], issues: [['niska frekwencja', false], ['różnice między gminami', true], ['brak stabilnego finansowania', false]], goals: ['dostosowanie kursów do potrzeb uczestników', 'prowadzenie zajęć w języku ojczystym'], articles: ['Indywidualny program integracji', 'Obowiązki cudzoziemca', 'Zadania gminy'], requirements: ['zaświadczenia o ukończeniu kursu'] },
  discrimination: { names: ['przeciwdziałania dyskryminacji', 'równego traktowania cudzoziemców'], measures: [f('skarga na dyskryminację', 'skargi na dyskryminację', 'skargę na dyskryminację', 'skargi na dyskryminację', 'skarg na dyskryminację'), m('organ do spraw równego traktowania', 'organu do spraw równego traktowania', 'organy do spraw równego traktowania', 'organów do spraw równego traktowania'), f('kampania społeczna', 'kampanii społecznej', 'kampanię społeczną', 'kampanie społeczne', 'kampanii społecznych'), f('anonimowa rekrutacja', 'anonimowej rekrutacji', 'anonimową rekrutację', 'anonimowe rekrutacje', 'anonimowych rekrutacji'), m('test dyskryminacji', 'testu dyskryminacji', 'testy dyskryminacji', 'testów dyskryminacji'), f('karta różnorodności', 'karty różnorodności', 'kartę różnorodności', 'karty różnorodności', 'kart różnorodności')], groups: [['ofiary dyskryminacji', 'ofiar dyskryminacji'], ['pracodawcy', 'pracodawców'], ['młodzi ludzie pochodzenia afrykańskiego', 'młodych ludzi pochodzenia afrykańskiego']], issues: [['niezgłaszanie przypadków', false], ['przestępstwa z nienawiści', true], ['mowa nienawiści w internecie', false]], goals: ['gromadzenie danych o równym traktowaniu', 'szkolenie funkcjonariuszy policji'], articles: ['Zakaz dyskryminacji', 'Ciężar dowodu', 'Organ do spraw równego traktowania'], requirements: ['uprawdopodobnienia naruszenia zasady równego traktowania'] },
  reception: { names: ['przyjmowania osób ubiegających się o ochronę', 'warunków przyjmowania'], measures: [m('ośrodek dla cudzoziemców', 'ośrodka dla cudzoziemców', 'ośrodki dla cudzoziemców', 'ośrodków dla cudzoziemców'), n('miejsce w ośrodku', 'miejsca w ośrodku', 'miejsca w ośrodkach', 'miejsc w ośrodkach'), m('wniosek o ochronę międzynarodową', 'wniosku o ochronę międzynarodową', 'wnioski o ochronę międzynarodową', 'wniosków o ochronę międzynarodową'), n('świadczenie pieniężne', 'świadczenia pieniężnego', 'świadczenia pieniężne', 'świadczeń pieniężnych'), n('miejsce zbiorowego zakwaterowania', 'miejsca zbiorowego zakwaterowania', 'miejsca zbiorowego zakwaterowania', 'miejsc zbiorowego zakwaterowania'), m('punkt recepcyjny', 'punktu recepcyjnego', 'punkty recepcyjne', 'punktów recepcyjnych')], groups: [['osoby ubiegające się o ochronę', 'osób ubiegających się o ochronę'], ['uchodźcy z Ukrainy', 'uchodźców z Ukrainy'], ['rodziny z dziećmi', 'rodzin z dziećmi']], issues: [['przepełnienie ośrodków', false], ['oddalenie ośrodków od miast', false], ['przewlekłość postępowań', false]], goals: ['identyfikację osób szczególnie wrażliwych po przyjeździe', 'zakwaterowanie rodzin w mieszkaniach'], articles: ['Pomoc socjalna', 'Ośrodki dla cudzoziemców', 'Osoby szczególnie wrażliwe'], requirements: ['złożonego wniosku o udzielenie ochrony międzynarodowej'] },
  minors: { names: ['małoletnich bez opieki', 'opieki nad małoletnimi bez opieki'], measures: [mp('kurator', 'kuratora', 'kuratorzy', 'kuratorów'), n('badanie wieku', 'badania wieku', 'badania wieku', 'badań wieku'), f('rodzina zastępcza', 'rodziny zastępczej', 'rodzinę zastępczą', 'rodziny zastępcze', 'rodzin zastępczych'), n('miejsce w placówce opiekuńczej', 'miejsca w placówce opiekuńczej', 'miejsca w placówkach opiekuńczych', 'miejsc w placówkach opiekuńczych'), n('mieszkanie treningowe', 'mieszkania treningowego', 'mieszkania treningowe', 'mieszkań treningowych'), m('plan usamodzielnienia', 'planu usamodzielnienia', 'plany usamodzielnienia', 'planów usamodzielnienia')], groups: [['małoletni bez opieki', 'małoletnich bez opieki'], ['osoby usamodzielniane', 'osób usamodzielnianych'], ['dziewczęta podróżujące same', 'dziewcząt podróżujących samotnie']], issues: [['znikanie dzieci z placówek', false], ['opóźnienia w ustanawianiu kuratorów', true], ['nagłe zakończenie wsparcia w wieku 18 lat', false]], goals: ['ustanawianie kuratora w ciągu tygodnia', 'przedłużenie wsparcia do 21 roku życia'], articles: ['Kurator', 'Badanie wieku', 'Dobro dziecka'], requirements: ['zgody kuratora'] },
  citizenship: { names: ['obywatelstwa polskiego', 'nabywania obywatelstwa'], measures: [m('wniosek o uznanie za obywatela', 'wniosku o uznanie za obywatela', 'wnioski o uznanie za obywatela', 'wniosków o uznanie za obywatela'), m('egzamin z języka polskiego', 'egzaminu z języka polskiego', 'egzaminy z języka polskiego', 'egzaminów z języka polskiego'), f('uroczystość wręczenia dokumentów', 'uroczystości wręczenia dokumentów', 'uroczystość wręczenia dokumentów', 'uroczystości wręczenia dokumentów', 'uroczystości wręczenia dokumentów'), m('certyfikat językowy', 'certyfikatu językowego', 'certyfikaty językowe', 'certyfikatów językowych'), f('opłata skarbowa', 'opłaty skarbowej', 'opłatę skarbową', 'opłaty skarbowe', 'opłat skarbowych'), n('oświadczenie o lojalności', 'oświadczenia o lojalności', 'oświadczenia o lojalności', 'oświadczeń o lojalności')], groups: [['wnioskodawcy', 'wnioskodawców'], ['rezydenci długoterminowi', 'rezydentów długoterminowych'], ['dzieci urodzone w Polsce', 'dzieci urodzonych w Polsce']], issues: [['długi czas oczekiwania na decyzję', false], ['wymóg znajomości języka', false], ['skomplikowane procedury', true]], goals: ['skrócenie czasu wydawania decyzji', 'publikację przykładowych pytań'], articles: ['Warunki uznania za obywatela', 'Pobyt legalny', 'Podwójne obywatelstwo'], requirements: ['certyfikatu znajomości języka polskiego na poziomie B1'] },
};

const MONTHS = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];
const num = (x: number) => grouped(x, ' ', false);
const pct = (x: number) => `${x}%`;
/** The noun form a count governs: 1 → nominative singular, 2–4 (not 12–14) → nominative plural, else genitive plural. */
function counted(x: number, noun: Noun): string {
  if (x === 1) return noun.nom;
  const last = x % 10;
  const lastTwo = x % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? noun.nomPl : noun.genPl;
}
/** Adjectives and participles that agree with a noun: valid, issued, extended. */
const ADJ: Record<Gender, [string, string, string]> = { m: ['ważny', 'wydawany', 'przedłużony'], f: ['ważna', 'wydawana', 'przedłużona'], n: ['ważne', 'wydawane', 'przedłużone'] };

const words = (s: Scene) => TOPICS[s.topic];
const pick = <T>(s: Scene, items: readonly T[]): T => s.rnd.pick(items);
const measure = (s: Scene, ...kinds: MeasureKind[]) => measureOf(s.rnd, s.topic, words(s).measures, kinds.length ? kinds : undefined).forms;
const group = (s: Scene) => pick(s, words(s).groups);
const inCountry = (s: Scene) => country('pl', s.country).in;
const inCity = (s: Scene, shift = 0) => city('pl', s.country, s.city + shift).in;
const where = (s: Scene) => (s.rnd.chance(0.55) ? inCity(s, s.rnd.int(0, 2)) : inCountry(s));
const earlier = (s: Scene, from: number, to: number) => s.year - s.rnd.int(from, to);
const nationalGen = (s: Scene) => (s.national?.lang === 'pl' ? s.national.forms[1]! : 'ustawy o cudzoziemcach');
const nationalNom = (s: Scene) => (s.national?.lang === 'pl' ? s.national.forms[0]! : 'ustawa o cudzoziemcach');
const BODIES: ReadonlyArray<readonly [string, boolean]> = [['Urząd do Spraw Cudzoziemców', false], ['Rzecznik Praw Obywatelskich', false], ['urzędy wojewódzkie', true], ['powiatowe urzędy pracy', true], ['organizacje pozarządowe', true], ['Komisja Europejska', false]];
const round10 = (x: number) => Math.max(10, Math.round(x / 10) * 10);
function change(s: Scene, min: number, max: number): string {
  const from = s.rnd.int(min, max);
  let to = s.rnd.int(min, max);
  if (to === from) to = from === max ? from - 1 : from + 1;
  return `${to > from ? 'wydłużył się' : 'skrócił się'} z ${from} do ${to}`;
}

const FRAMES: Record<ProseKind, ReadonlyArray<(s: Scene) => string>> = {
  intro: [
    (s) => `${pick(s, ['Niniejszy raport', 'Niniejsze opracowanie', 'Niniejszy dokument'])} dotyczy ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, [`w latach ${earlier(s, 4, 8)}–${s.year}`, `od ${earlier(s, 3, 10)} r.`, `w ${s.year} r.`])} i opiera się na ${pick(s, ['danych administracyjnych', `wywiadach z ${s.rnd.int(12, 80)} pracownikami socjalnymi`, `ankiecie przeprowadzonej wśród ${num(round10(count(s.rnd, 200, 4000)))} osób`, `aktach spraw z ${s.rnd.int(5, 40)} gmin`])}.`,
    (s) => `Celem jest zrozumienie, jak ${pick(s, ['gminy', 'organizacje pozarządowe', 'urzędy wojewódzkie'])} ${pick(s, ['organizują', 'finansują', 'prowadzą'])} ${measure(s, 'service', 'slot', 'facility', 'person').accPl} dla ${group(s)[1]}.`,
  ],
  context: [
    (s) => {
      const [who, plural] = pick(s, BODIES);
      return `Od ${earlier(s, 2, 12)} r. ${who} ${plural ? pick(s, ['koordynują', 'finansują']) : pick(s, ['koordynuje', 'finansuje'])} ${measure(s).accPl} ${inCountry(s)}.`;
    },
    (s) => `${cap(inCity(s, s.rnd.int(0, 2)))} ${measure(s, 'service', 'facility').accPl} prowadzą ${pick(s, ['organizacje pozarządowe', 'Polski Czerwony Krzyż', 'wolontariusze', 'centra integracji cudzoziemców'])}.`,
  ],
  legal: [
    (s) => `Na podstawie ${cite(s.eu, 'pl', true)} ${group(s)[0]} mają ${pick(s, ['w rozsądnym terminie', 'na takich samych warunkach jak obywatele', 'na warunkach określonych w prawie krajowym'])} prawo do ${measure(s, 'document', 'slot', 'money', 'service').gen}.`,
    (s) => (s.eu.kind === 'directive' ? `Przepisy ${cite(s.eu, 'pl', true)} zostały wdrożone do polskiego prawa w ${Math.min(s.year, s.eu.year + s.rnd.int(1, 3))} r. w drodze nowelizacji ${nationalGen(s)}.` : `Przepisy ${cite(s.eu, 'pl', true)} stosuje się w Polsce bezpośrednio od ${Math.min(s.year, s.eu.year + s.rnd.int(0, 2))} r.`),
    (s) => `${cap(nationalNom(s))} wymaga od ${group(s)[1]} wykazania posiadania ${pick(s, words(s).requirements)}.`,
  ],
  finding: [
    (s) => {
      const [who, plural] = pick(s, BODIES);
      const [issue, issuePlural] = pick(s, words(s).issues);
      const clause = pick(s, [
        `${measure(s).nomPl} są ${pick(s, ['niewystarczające', 'zbyt rzadko dostępne', 'przepełnione'])} poza dużymi miastami`,
        `${issue} ${issuePlural ? 'pozostają' : 'pozostaje'} głównym problemem ${inCity(s)}`,
        `współpraca z organizacjami pozarządowymi poprawiła się od ${earlier(s, 1, 5)} r.`,
      ]);
      return `${cap(who)} ${plural ? 'zwracają' : 'zwraca'} uwagę, że ${clause}.`;
    },
    (s) => `Czas oczekiwania na ${measure(s).acc} ${change(s, 2, 14)} ${pick(s, ['tygodni', 'miesięcy'])} w latach ${earlier(s, 3, 6)}–${earlier(s, 0, 1)}.`,
    (s) => `Jedynie ${pct(s.rnd.int(12, 64))} ${group(s)[1]} skorzystało z ${measure(s, 'service', 'slot', 'person').gen} w ciągu pierwszego roku pobytu.`,
  ],
  data: [
    (s) => {
      const noun = measure(s);
      const total = round10(count(s.rnd, 30, 9000));
      return `${cap(inCity(s, s.rnd.int(0, 2)))} w ${earlier(s, 0, 4)} r. ${pick(s, ['zarejestrowano', 'odnotowano', 'rozpatrzono'])} ${num(total)} ${counted(total, noun)}.`;
    },
    (s) => `W ${earlier(s, 0, 3)} r. z ${measure(s, 'service', 'slot', 'money').genPl} ${where(s)} skorzystało ${num(round10(count(s.rnd, 40, 60_000)))} ${group(s)[1]}, o ${pct(s.rnd.int(2, 40))} ${pick(s, ['więcej', 'mniej'])} niż rok wcześniej.`,
    (s) => `Co ${pick(s, ['trzeci', 'czwarty', 'piąty', 'szósty'])} wniosek dotyczył ${group(s)[1]}.`,
  ],
  voice: [
    (s) => `„${pick(s, [`Czekaliśmy ${s.rnd.int(5, 22)} miesięcy na ${measure(s).acc}`, `Nikt nam nie wyjaśnił, jak działają ${measure(s).nomPl}`, `Pierwsze ${s.rnd.int(2, 4)} tygodnie decydują o wszystkim`, 'Bez pomocy wolontariuszy dawno bym się poddała'])}” – mówi ${pick(s, ['pracowniczka socjalna', 'młody Białorusin', 'matka z Ukrainy', 'asystent międzykulturowy'])} ${inCity(s, s.rnd.int(0, 2))}.`,
  ],
  recommendation: [
    (s) => `${pick(s, ['Autorzy raportu', 'Organizacje pozarządowe', 'Eksperci'])} rekomendują ${list(s.rnd.pickSome(words(s).goals, 2, 2), 'oraz')}.`,
    (s) => `Środki z ${pick(s, ['Funduszu Azylu, Migracji i Integracji (FAMI)', 'Europejskiego Funduszu Społecznego Plus (EFS+)'])} mogłyby wzmocnić ${measure(s, 'service', 'slot', 'facility', 'person').accPl} ${pick(s, ['w mniejszych gminach', 'na terenach wiejskich', inCity(s, 1)])}.`,
  ],
  conclusion: [
    (s) => `Ogólnie rzecz biorąc, polityka w zakresie ${pick(s, words(s).names)} ${inCountry(s)} ${pick(s, ['poprawiła się', 'niewiele się zmieniła', 'stała się bardziej restrykcyjna'])} od ${earlier(s, 3, 10)} r.`,
    (s) => {
      // The relative pronoun and adjective agree with the factor's gender.
      const [factor, which, hard] = pick(s, [['potencjału gmin', 'który', 'trudny'], ['stabilnego finansowania', 'które', 'trudne'], ['postawy pracodawców', 'która', 'trudna'], ['czasu trwania procedur', 'który', 'trudny']] as const);
      return `${cap(inCity(s, s.rnd.int(0, 2)))} wiele zależy od ${factor}, ${which} ${pick(s, ['różni się w poszczególnych województwach', `zmienia się od ${earlier(s, 2, 8)} r.`, `jest ${hard} do przewidzenia`])}.`;
    },
  ],
};

const HEADINGS: Record<SectionKind, readonly string[]> = {
  summary: ['Streszczenie', 'Najważniejsze wnioski'], introduction: ['Wprowadzenie', 'Cel i zakres'], context: ['Kontekst', 'Tło'], legal: ['Ramy prawne', 'Otoczenie prawne'],
  method: ['Metodologia', 'Dane i metody'], findings: ['Wyniki', 'Główne ustalenia'], data: ['Fakty i liczby', 'Statystyki'], practice: ['Dobre praktyki', 'Doświadczenia lokalne'],
  recommendations: ['Rekomendacje', 'Propozycje'], conclusions: ['Wnioski', 'Perspektywy'],
};

function provision(s: Scene, role: 'scope' | 'definitions' | 'topic' | 'final', paragraph: number): string {
  const w = words(s);
  const noun = measure(s, 'document', 'slot', 'money', 'service');
  if (role === 'scope') return paragraph === 1 ? `Ustawa określa zasady w zakresie ${pick(s, w.names)}.` : 'Ustawę stosuje się do cudzoziemców przebywających legalnie na terytorium Rzeczypospolitej Polskiej.';
  if (role === 'definitions') return pick(s, [`Użyte w ustawie określenie „${noun.nom}” oznacza ${noun.acc} ${ADJ[noun.g][1]} przez właściwy organ.`, 'Właściwym organem jest wojewoda właściwy ze względu na miejsce pobytu cudzoziemca.']);
  if (role === 'final') return pick(s, ['Ustawa wchodzi w życie po upływie 14 dni od dnia ogłoszenia.', 'Minister właściwy do spraw wewnętrznych określi, w drodze rozporządzenia, szczegółowe zasady stosowania ustawy.']);
  return pick(s, [
    `Wniosek o wydanie ${noun.gen} składa się do właściwego organu w terminie ${s.rnd.int(2, 12) * 15} dni od ${pick(s, ['dnia przyjazdu', 'dnia upływu ważności dotychczasowego dokumentu'])}.`,
    `Właściwy organ wydaje decyzję w terminie ${s.rnd.int(3, 12) * 10} dni od dnia złożenia wniosku.`,
    `${cap(noun.nom)} jest ${ADJ[noun.g][0]} przez okres ${pick(s, ['roku', 'dwóch lat', 'pięciu lat'])} i może zostać ${ADJ[noun.g][2]}.`,
    `Wnioskodawca jest obowiązany wykazać posiadanie ${pick(s, w.requirements)}.`,
    `Za wydanie ${noun.gen} pobiera się opłatę w wysokości ${s.rnd.int(2, 40) * 10} zł.`,
    `Przepisu ust. ${Math.max(1, paragraph - 1)} nie stosuje się do ${pick(s, ['małoletnich', 'osób z niepełnosprawnościami', 'cudzoziemców objętych ochroną międzynarodową'])}.`,
    `Od decyzji wydanej na podstawie niniejszego artykułu przysługuje odwołanie w terminie ${pick(s, ['7', '14'])} dni od dnia jej doręczenia.`,
    `Cudzoziemiec przebywający legalnie w Polsce nieprzerwanie od co najmniej ${s.rnd.int(5, 8)} lat może ubiegać się o ${noun.acc}.`,
  ]);
}

export const polish: LanguagePack = {
  lang: 'pl',
  date: (iso) => {
    const { y, m: month, d } = parts(iso);
    return `${d} ${MONTHS[month - 1]} ${y} r.`;
  },
  month: (year, month) => `${['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'][month - 1]} ${year}`,
  number: num,
  percent: pct,
  sentence: (kind, s) => s.rnd.pick(FRAMES[kind])(s),
  heading: (kind, s) => s.rnd.pick(HEADINGS[kind]),
  item: (s) => cap(`${pick(s, words(s).issues)[0]} ${where(s)}.`),
  title: (s) => {
    const subject = pick(s, words(s).names);
    const place = s.rnd.chance(0.5) ? inCountry(s) : inCity(s, s.rnd.int(0, 3));
    const options: Record<Scene['kind'], string[]> = {
      legislation: [`Ustawa w sprawie ${subject}`], 'policy-document': [`Strategia w zakresie ${subject} na lata ${s.year}–${s.year + 4}`, `Program integracji cudzoziemców ${inCity(s, s.rnd.int(0, 3))} na lata ${s.year}–${s.year + 3}`],
      report: [`Raport roczny na temat ${subject} ${place}, ${s.year}`, `${cap(pick(s, words(s).issues)[0])} ${place}: raport ${s.year}`], study: [`Badanie dotyczące ${subject} ${place} (${s.year})`],
      'impact-assessment': [`Ocena skutków regulacji w zakresie ${subject} (${s.year})`], evaluation: [`Ewaluacja ${measure(s).genPl} ${place} w latach ${s.year - s.rnd.int(2, 5)}–${s.year}`],
      article: [`${cap(pick(s, words(s).issues)[0])}: problemy ${subject} ${place}`], other: [`Poradnik na temat ${subject} dla ${group(s)[1]} ${place} (${s.year})`],
    };
    return pick(s, options[s.kind]);
  },
  actTitle: (s, kind, number, iso) => {
    const date = polish.date(iso);
    const titles: Record<NationalActKind, string> = {
      act: `Ustawa z dnia ${date} o zmianie ${nationalGen(s)} oraz niektórych innych ustaw (Dz.U. ${iso.slice(0, 4)} poz. ${number})`,
      regulation: `Rozporządzenie Ministra Spraw Wewnętrznych i Administracji z dnia ${date} w sprawie ${measure(s).genPl} (Dz.U. ${iso.slice(0, 4)} poz. ${number})`,
      decree: `Rozporządzenie Rady Ministrów z dnia ${date} w sprawie ${measure(s).genPl} (Dz.U. ${iso.slice(0, 4)} poz. ${number})`,
      bylaw: `Uchwała nr ${number}/${iso.slice(0, 4)} Rady Miejskiej ${inCity(s)} z dnia ${date} w sprawie ${measure(s).genPl}`,
      circular: `Komunikat nr ${number}/${iso.slice(0, 4)} z dnia ${date} w sprawie ${measure(s).genPl}`,
    };
    return titles[kind];
  },
  articleLabel: (label) => `Art. ${label}`,
  articleHeading: (s, role) => (role === 'scope' ? 'Przedmiot i zakres ustawy' : role === 'definitions' ? 'Definicje' : role === 'final' ? 'Wejście w życie' : pick(s, words(s).articles)),
  provision,
  repealed: '(uchylony)',
  changeNote: (changes, act, inForceFrom) => {
    const what = (c: ArticleChange) => (c.op === 'inserted' ? `dodano art. ${c.article}` : c.op === 'repealed' ? `uchylono art. ${c.article}` : `zmieniono art. ${c.article} ust. ${c.paragraph ?? 1}`);
    return `${cap(list(changes.map(what), 'i'))} – podstawa: ${act}; obowiązuje od ${polish.date(inForceFrom)}`;
  },
  pageLabel: (page, of) => `strona ${page} z ${of}`,
  labels: { published: 'Opublikowano', place: 'Miejsce', identifier: 'Identyfikator', version: 'Wersja', inForce: 'obowiązuje od' },
};
