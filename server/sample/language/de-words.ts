// German words of integration policy, by topic, with gender and the case
// forms the sentences need: genitive singular and dative plural of nouns,
// dative of groups and problems, the separable and perfect forms of outcomes.
import type { TopicKey } from '../topics';

export type DeGender = 'm' | 'f' | 'n';
export interface DeNoun {
  g: DeGender;
  sg: string;
  gen: string;
  pl: string;
  plDat: string;
}
/** Words after which a noun phrase's head is complete: "Antrag auf …", "Termin bei …", "Karte EU". */
const AFTER_HEAD = new Set(['auf', 'bei', 'des', 'der', 'zum', 'zur', 'vor', 'für', 'in', 'von', 'aus', 'zu', 'im', 'mit', 'am', 'EU', 'einem']);
/** Applies `change` to the head noun of a phrase (adjectives marked "~" decline elsewhere and are left alone). */
export function onHead(phrase: string, change: (word: string) => string): string {
  const words = phrase.split(' ');
  const after = words.findIndex((word, i) => i > 0 && AFTER_HEAD.has(word));
  const head = after === -1 ? words.length - 1 : after - 1;
  if (!words[head]!.endsWith('~')) words[head] = change(words[head]!);
  return words.join(' ');
}
/**
 * A noun phrase. Adjectives (and adjectival nouns) end in "~" and take their
 * ending from the article and case; the head noun takes genitive -s/-es
 * (masculine and neuter) and dative plural -n (unless it ends in -n or -s).
 */
function noun(g: DeGender, sg: string, pl: string, gen?: string): DeNoun {
  const genitive = gen ?? (g === 'f' ? sg : onHead(sg, (word) => (/[sßxz]$/.test(word) ? `${word}es` : `${word}s`)));
  return { g, sg, gen: genitive, pl, plDat: onHead(pl, (word) => (/[ns]$/.test(word) ? word : `${word}n`)) };
}
const m = (sg: string, pl: string, gen?: string) => noun('m', sg, pl, gen);
const f = (sg: string, pl: string) => noun('f', sg, pl);
const n = (sg: string, pl: string, gen?: string) => noun('n', sg, pl, gen);

/** A group of people: plural without article, and its dative. */
export type DeGroup = readonly [nominative: string, dative: string];
/** A problem: [nominative/accusative, dative]. */
export type DeIssue = readonly [string, string];
export interface DeOutcome {
  /** After a modal verb: "eine feste Stelle finden". */
  inf: string;
  /** "eine feste Stelle zu finden". */
  zu: string;
  /** "eine feste Stelle gefunden" with its auxiliary. */
  perfect: string;
  aux: 'haben' | 'sind';
}
const o = (inf: string, zu: string, perfect: string, aux: 'haben' | 'sind' = 'haben'): DeOutcome => ({ inf, zu, perfect, aux });

export interface DeTopic {
  names: readonly DeNoun[];
  measures: readonly DeNoun[];
  groups: readonly DeGroup[];
  person: readonly string[];
  issues: readonly DeIssue[];
  /** zu-infinitive phrases: "die Wartezeiten zu verkürzen". */
  goals: readonly string[];
  outcomes: readonly DeOutcome[];
  articles: readonly string[];
  /** What an applicant must show (accusative). */
  requirements: readonly string[];
}

export const DE_TOPICS: Record<TopicKey, DeTopic> = {
  residence: {
    names: [n('Aufenthaltsrecht', 'Aufenthaltsrechte'), f('Verlängerung von Aufenthaltstiteln', 'Verlängerungen von Aufenthaltstiteln'), m('Daueraufenthalt', 'Daueraufenthalte'), f('Erteilung von Aufenthaltstiteln', 'Erteilungen von Aufenthaltstiteln')],
    measures: [m('Aufenthaltstitel', 'Aufenthaltstitel'), f('Verlängerung des Aufenthaltstitels', 'Verlängerungen des Aufenthaltstitels'), f('kombiniert~ Erlaubnis', 'kombiniert~ Erlaubnisse'), f('Niederlassungserlaubnis', 'Niederlassungserlaubnisse'), m('elektronisch~ Aufenthaltstitel', 'elektronisch~ Aufenthaltstitel'), m('Termin bei der Ausländerbehörde', 'Termine bei der Ausländerbehörde', 'Termins bei der Ausländerbehörde')],
    groups: [['Drittstaatsangehörige', 'Drittstaatsangehörigen'], ['langfristig Aufenthaltsberechtigte', 'langfristig Aufenthaltsberechtigten'], ['Inhaberinnen und Inhaber eines Aufenthaltstitels', 'Inhaberinnen und Inhabern eines Aufenthaltstitels'], ['internationale Studierende', 'internationalen Studierenden'], ['Saisonbeschäftigte', 'Saisonbeschäftigten'], ['Selbstständige aus Drittstaaten', 'Selbstständigen aus Drittstaaten']],
    person: ['eine Pflegekraft von den Philippinen', 'ein Student aus Indien', 'eine Sachbearbeiterin der Ausländerbehörde', 'ein Arbeiter aus Marokko'],
    issues: [['lange Bearbeitungszeiten', 'langen Bearbeitungszeiten'], ['die Überlastung der Ausländerbehörden', 'der Überlastung der Ausländerbehörden'], ['hohe Gebühren', 'hohen Gebühren'], ['kurze Geltungsdauern', 'kurzen Geltungsdauern'], ['häufige Rechtsänderungen', 'häufigen Rechtsänderungen'], ['fehlende Online-Termine', 'fehlenden Online-Terminen']],
    goals: ['die Bearbeitungszeiten zu verkürzen', 'Aufenthaltstitel für längere Zeiträume zu erteilen', 'Anträge zu digitalisieren', 'klare Hinweise zur Verlängerung zu veröffentlichen'],
    outcomes: [o('eine Niederlassungserlaubnis erhalten', 'eine Niederlassungserlaubnis zu erhalten', 'eine Niederlassungserlaubnis erhalten'), o('ihren Titel rechtzeitig verlängern', 'ihren Titel rechtzeitig zu verlängern', 'ihren Titel rechtzeitig verlängert'), o('den Arbeitgeber wechseln', 'den Arbeitgeber zu wechseln', 'den Arbeitgeber gewechselt')],
    articles: ['Aufenthaltstitel', 'Geltungsdauer', 'Verlängerung', 'Daueraufenthalt', 'Widerruf', 'Zweckwechsel'],
    requirements: ['einen gesicherten Lebensunterhalt', 'einen ausreichenden Krankenversicherungsschutz', 'einen gültigen Pass', 'eine gemeldete Wohnung'],
  },
  family: {
    names: [m('Familiennachzug', 'Familiennachzüge'), n('Recht auf Familienzusammenführung', 'Rechte auf Familienzusammenführung', 'Rechts auf Familienzusammenführung'), f('Familienzusammenführung', 'Familienzusammenführungen'), m('Familiennachzug zu Geflüchteten', 'Familiennachzüge zu Geflüchteten', 'Familiennachzugs zu Geflüchteten')],
    measures: [m('Antrag auf Familiennachzug', 'Anträge auf Familiennachzug', 'Antrags auf Familiennachzug'), m('Visumstermin', 'Visumstermine'), f('Prüfung des Lebensunterhalts', 'Prüfungen des Lebensunterhalts'), m('Sprachnachweis vor der Einreise', 'Sprachnachweise vor der Einreise', 'Sprachnachweises vor der Einreise'), m('DNA-Test', 'DNA-Tests'), n('Visum zum Familiennachzug', 'Visa zum Familiennachzug', 'Visums zum Familiennachzug')],
    groups: [['Stammberechtigte', 'Stammberechtigten'], ['Ehegatten', 'Ehegatten'], ['nachziehende Kinder', 'nachziehenden Kindern'], ['Familienangehörige in den Herkunftsländern', 'Familienangehörigen in den Herkunftsländern'], ['subsidiär Schutzberechtigte', 'subsidiär Schutzberechtigten'], ['anerkannte Flüchtlinge', 'anerkannten Flüchtlingen']],
    person: ['ein syrischer Vater von drei Kindern', 'eine Eritreerin, die auf ihren Mann wartet', 'eine Anwältin einer Flüchtlingsberatungsstelle', 'ein Stammberechtigter aus Afghanistan'],
    issues: [['lange Wartezeiten', 'langen Wartezeiten'], ['die Dreimonatsfrist für Flüchtlinge', 'der Dreimonatsfrist für Flüchtlinge'], ['Schwierigkeiten beim Nachweis der Verwandtschaft', 'Schwierigkeiten beim Nachweis der Verwandtschaft'], ['strenge Wohnraumanforderungen', 'strengen Wohnraumanforderungen'], ['Wartezeiten an den Botschaften', 'Wartezeiten an den Botschaften'], ['die Reisekosten zur Botschaft', 'den Reisekosten zur Botschaft']],
    goals: ['bei Flüchtlingen auf die Lebensunterhaltssicherung zu verzichten', 'andere Nachweise der Verwandtschaft anzuerkennen', 'die Dreimonatsfrist zu verlängern', 'Stammberechtigte besser zu beraten'],
    outcomes: [o('ihre Familie nachholen', 'ihre Familie nachzuholen', 'ihre Familie nachgeholt'), o('innerhalb eines Jahres einen Visumstermin erhalten', 'innerhalb eines Jahres einen Visumstermin zu erhalten', 'innerhalb eines Jahres einen Visumstermin erhalten'), o('mit ihren Kindern zusammenleben', 'mit ihren Kindern zusammenzuleben', 'mit ihren Kindern zusammengelebt')],
    articles: ['Familienangehörige', 'Voraussetzungen des Familiennachzugs', 'Antragstellung', 'Wartezeit', 'Familiennachzug zu Flüchtlingen', 'Eigenständiges Aufenthaltsrecht'],
    requirements: ['ausreichenden Wohnraum', 'einen Krankenversicherungsschutz für die Familienangehörigen', 'einen gesicherten Lebensunterhalt der Familie', 'einfache Deutschkenntnisse'],
  },
  language: {
    names: [f('Sprachförderung für Zugewanderte', 'Sprachförderungen für Zugewanderte'), m('Spracherwerb erwachsener Zugewanderter', 'Spracherwerbe erwachsener Zugewanderter', 'Spracherwerbs erwachsener Zugewanderter'), m('Integrationskurs', 'Integrationskurse'), m('Deutschunterricht für Geflüchtete', 'Deutschunterrichte für Geflüchtete', 'Deutschunterrichts für Geflüchtete')],
    measures: [m('Sprachkurs', 'Sprachkurse'), m('Integrationskurs', 'Integrationskurse'), m('Alphabetisierungskurs', 'Alphabetisierungskurse'), m('Sprachtest', 'Sprachtests'), m('Kursplatz', 'Kursplätze'), m('Online-Sprachkurs', 'Online-Sprachkurse')],
    groups: [['Kursteilnehmende', 'Kursteilnehmenden'], ['Lernende mit wenig Schulbildung', 'Lernenden mit wenig Schulbildung'], ['berufstätige Eltern', 'berufstätigen Eltern'], ['Neuzugewanderte', 'Neuzugewanderten'], ['geflüchtete Frauen', 'geflüchteten Frauen'], ['ältere Lernende', 'älteren Lernenden']],
    person: ['eine Teilnehmerin aus Afghanistan', 'eine Deutschlehrerin', 'eine Mutter von zwei Kindern aus Somalia', 'ein Kursträger'],
    issues: [['Wartelisten', 'Wartelisten'], ['fehlende Kinderbetreuung während der Kurse', 'fehlender Kinderbetreuung während der Kurse'], ['hohe Abbruchquoten', 'hohen Abbruchquoten'], ['der Mangel an Lehrkräften', 'dem Mangel an Lehrkräften'], ['ungünstige Kurszeiten', 'ungünstigen Kurszeiten'], ['lange Anfahrtswege', 'langen Anfahrtswegen']],
    goals: ['während der Kurse Kinderbetreuung anzubieten', 'Sprachunterricht mit Praktika zu verbinden', 'mehr Lehrkräfte zu gewinnen', 'Abend- und Wochenendkurse anzubieten'],
    outcomes: [o('das Niveau B1 erreichen', 'das Niveau B1 zu erreichen', 'das Niveau B1 erreicht'), o('den Abschlusstest bestehen', 'den Abschlusstest zu bestehen', 'den Abschlusstest bestanden'), o('den Kurs abschließen', 'den Kurs abzuschließen', 'den Kurs abgeschlossen')],
    articles: ['Anspruch auf Teilnahme', 'Verpflichtung zur Teilnahme', 'Kursinhalt', 'Abschlusstest', 'Kostenbeitrag', 'Kursträger'],
    requirements: ['Deutschkenntnisse auf dem Niveau A2 des Gemeinsamen Europäischen Referenzrahmens für Sprachen', 'die ordnungsgemäße Teilnahme am Integrationskurs', 'ein Zertifikat über den Abschlusstest'],
  },
  recognition: {
    names: [f('Anerkennung von Berufsabschlüssen aus Drittstaaten', 'Anerkennungen von Berufsabschlüssen aus Drittstaaten'), f('Anerkennung von Berufsqualifikationen', 'Anerkennungen von Berufsqualifikationen'), f('Kompetenzfeststellung', 'Kompetenzfeststellungen'), m('Zugang zu reglementierten Berufen', 'Zugänge zu reglementierten Berufen', 'Zugangs zu reglementierten Berufen')],
    measures: [n('Anerkennungsverfahren', 'Anerkennungsverfahren'), m('Abschluss aus einem Drittstaat', 'Abschlüsse aus Drittstaaten'), f('Anpassungsqualifizierung', 'Anpassungsqualifizierungen'), f('Kompetenzfeststellung', 'Kompetenzfeststellungen'), m('Anpassungslehrgang', 'Anpassungslehrgänge'), f('Kenntnisprüfung', 'Kenntnisprüfungen')],
    groups: [['im Ausland ausgebildete Pflegekräfte', 'im Ausland ausgebildeten Pflegekräften'], ['Ingenieurinnen und Ingenieure aus Drittstaaten', 'Ingenieurinnen und Ingenieuren aus Drittstaaten'], ['Lehrkräfte mit Abschluss aus einem Drittstaat', 'Lehrkräften mit Abschluss aus einem Drittstaat'], ['Ärztinnen und Ärzte aus Drittstaaten', 'Ärztinnen und Ärzten aus Drittstaaten'], ['Fachkräfte', 'Fachkräften'], ['Geflüchtete ohne Unterlagen', 'Geflüchteten ohne Unterlagen']],
    person: ['eine in der Ukraine ausgebildete Pflegekraft', 'ein Ingenieur aus Syrien', 'eine Anerkennungsberaterin', 'ein Arzt aus dem Iran'],
    issues: [['die Kosten beglaubigter Übersetzungen', 'den Kosten beglaubigter Übersetzungen'], ['fehlende Unterlagen', 'fehlenden Unterlagen'], ['zersplitterte Zuständigkeiten', 'zersplitterten Zuständigkeiten'], ['lange Anpassungsqualifizierungen', 'langen Anpassungsqualifizierungen'], ['hohe Verfahrensgebühren', 'hohen Verfahrensgebühren'], ['wenige Plätze in Anpassungslehrgängen', 'wenigen Plätzen in Anpassungslehrgängen']],
    goals: ['eine zentrale Anlaufstelle für die Anerkennung zu schaffen', 'Kompetenzfeststellungen anstelle fehlender Unterlagen zuzulassen', 'Anpassungsqualifizierungen zu finanzieren', 'die Anerkennungsverfahren zu beschleunigen'],
    outcomes: [o('in ihrem Beruf arbeiten', 'in ihrem Beruf zu arbeiten', 'in ihrem Beruf gearbeitet'), o('die volle Gleichwertigkeit erhalten', 'die volle Gleichwertigkeit zu erhalten', 'die volle Gleichwertigkeit erhalten'), o('eine qualifikationsgerechte Stelle finden', 'eine qualifikationsgerechte Stelle zu finden', 'eine qualifikationsgerechte Stelle gefunden')],
    articles: ['Anerkennungsverfahren', 'Gleichwertigkeit', 'Ausgleichsmaßnahmen', 'Fristen', 'Fehlende Unterlagen', 'Gebühren'],
    requirements: ['beglaubigte Kopien der Abschlüsse', 'eine Beschreibung der absolvierten Ausbildung', 'einschlägige Berufserfahrung'],
  },
  housing: {
    names: [m('Zugang zu Wohnraum', 'Zugänge zu Wohnraum', 'Zugangs zu Wohnraum'), f('Unterbringung von Geflüchteten', 'Unterbringungen von Geflüchteten'), m('bezahlbar~ Wohnraum', 'bezahlbar~ Wohnräume'), m('Auszug aus Gemeinschaftsunterkünften', 'Auszüge aus Gemeinschaftsunterkünften', 'Auszugs aus Gemeinschaftsunterkünften')],
    measures: [f('Sozialwohnung', 'Sozialwohnungen'), n('Wohngeld', 'Wohngelder', 'Wohngelds'), m('Mietvertrag', 'Mietverträge'), f('Wohngemeinschaft', 'Wohngemeinschaften'), n('kommunal~ Wohnprogramm', 'kommunal~ Wohnprogramme'), f('Mietbürgschaft', 'Mietbürgschaften')],
    groups: [['geflüchtete Familien', 'geflüchteten Familien'], ['alleinstehende Männer', 'alleinstehenden Männern'], ['kinderreiche Familien', 'kinderreichen Familien'], ['Mieterinnen und Mieter mit Migrationsgeschichte', 'Mieterinnen und Mietern mit Migrationsgeschichte'], ['Careleaver', 'Careleavern'], ['Schutzberechtigte', 'Schutzberechtigten']],
    person: ['eine Mitarbeiterin des Wohnungsamts', 'ein Vater von fünf Kindern aus dem Irak', 'ein Vermieter', 'ein junger Geflüchteter aus Guinea'],
    issues: [['Diskriminierung durch Vermieter', 'Diskriminierung durch Vermieter'], ['beengte Wohnverhältnisse', 'beengten Wohnverhältnissen'], ['Wohnungslosigkeit nach dem Auszug', 'Wohnungslosigkeit nach dem Auszug'], ['hohe Mieten', 'hohen Mieten'], ['der Mangel an Sozialwohnungen', 'dem Mangel an Sozialwohnungen'], ['die Wohnsitzauflage', 'der Wohnsitzauflage']],
    goals: ['Mietbürgschaften für geflüchtete Mieter zu übernehmen', 'mehr Sozialwohnungen zu bauen', 'zwischen Vermietern und Mietern zu vermitteln', 'Geflüchtete in Orte mit freiem Wohnraum zu vermitteln'],
    outcomes: [o('eine eigene Wohnung finden', 'eine eigene Wohnung zu finden', 'eine eigene Wohnung gefunden'), o('aus der Gemeinschaftsunterkunft ausziehen', 'aus der Gemeinschaftsunterkunft auszuziehen', 'aus der Gemeinschaftsunterkunft ausgezogen', 'sind'), o('einen Mietvertrag unterschreiben', 'einen Mietvertrag zu unterschreiben', 'einen Mietvertrag unterschrieben')],
    articles: ['Zuweisung von Wohnraum', 'Wohngeld', 'Wohnsitzregelung', 'Vorübergehende Unterbringung', 'Gleichbehandlung beim Wohnen'],
    requirements: ['einen Mietvertrag über ausreichenden Wohnraum', 'ein Einkommen, das die Miete deckt'],
  },
  health: {
    names: [f('Gesundheitsversorgung von Zugewanderten', 'Gesundheitsversorgungen von Zugewanderten'), f('psychisch~ Gesundheit Geflüchteter', 'psychisch~ Gesundheiten Geflüchteter'), m('Zugang zur Gesundheitsversorgung', 'Zugänge zur Gesundheitsversorgung', 'Zugangs zur Gesundheitsversorgung'), f('Gesundheit von Asylsuchenden', 'Gesundheiten von Asylsuchenden')],
    measures: [f('Erstuntersuchung', 'Erstuntersuchungen'), f('Gesundheitskarte', 'Gesundheitskarten'), f('Sprachmittlerin', 'Sprachmittlerinnen'), m('psychosozial~ Dienst', 'psychosozial~ Dienste'), f('Impfkampagne', 'Impfkampagnen'), m('Gesundheitslotse', 'Gesundheitslotsen', 'Gesundheitslotsen')],
    groups: [['Asylsuchende', 'Asylsuchenden'], ['schwangere Frauen', 'schwangeren Frauen'], ['Überlebende von Folter', 'Überlebenden von Folter'], ['ältere Zugewanderte', 'älteren Zugewanderten'], ['Menschen ohne Papiere', 'Menschen ohne Papiere'], ['Kinder in Unterkünften', 'Kindern in Unterkünften']],
    person: ['eine Hausärztin', 'eine Sprachmittlerin', 'ein Psychologe, der mit Geflüchteten arbeitet', 'eine Mutter aus Nigeria'],
    issues: [['Sprachbarrieren', 'Sprachbarrieren'], ['unbehandelte Traumata', 'unbehandelten Traumata'], ['eingeschränkte Leistungsansprüche', 'eingeschränkten Leistungsansprüchen'], ['weite Wege zu Fachärzten', 'weiten Wegen zu Fachärzten'], ['der Mangel an Dolmetschenden', 'dem Mangel an Dolmetschenden'], ['unbezahlte Krankenhausrechnungen', 'unbezahlten Krankenhausrechnungen']],
    goals: ['Sprachmittlung in Praxen zu finanzieren', 'Ärztinnen und Ärzte in Traumaversorgung zu schulen', 'die Gesundheitskarte bei Ankunft auszugeben', 'psychosoziale Dienste für Asylsuchende zu öffnen'],
    outcomes: [o('innerhalb einer Woche einen Arzt sehen', 'innerhalb einer Woche einen Arzt zu sehen', 'innerhalb einer Woche einen Arzt gesehen'), o('psychologische Unterstützung erhalten', 'psychologische Unterstützung zu erhalten', 'psychologische Unterstützung erhalten'), o('eine Hausarztpraxis finden', 'eine Hausarztpraxis zu finden', 'eine Hausarztpraxis gefunden')],
    articles: ['Anspruch auf Gesundheitsleistungen', 'Gesundheitsuntersuchung', 'Besonders schutzbedürftige Personen', 'Sprachmittlung', 'Kostenübernahme'],
    requirements: ['ein ärztliches Attest', 'einen Nachweis über die Krankenversicherung'],
  },
  education: {
    names: [f('Schulbildung zugewanderter Kinder', 'Schulbildungen zugewanderter Kinder'), f('Beschulung neu zugewanderter Schülerinnen und Schüler', 'Beschulungen neu zugewanderter Schülerinnen und Schüler'), f('Berufsausbildung junger Zugewanderter', 'Berufsausbildungen junger Zugewanderter'), f('inklusiv~ Bildung', 'inklusiv~ Bildungen')],
    measures: [f('Willkommensklasse', 'Willkommensklassen'), m('Schulplatz', 'Schulplätze'), f('Vorbereitungsklasse', 'Vorbereitungsklassen'), m('Ausbildungsplatz', 'Ausbildungsplätze'), f('Schulmediatorin', 'Schulmediatorinnen'), n('herkunftssprachlich~ Unterrichtsangebot', 'herkunftssprachlich~ Unterrichtsangebote')],
    groups: [['Schülerinnen und Schüler mit Migrationsgeschichte', 'Schülerinnen und Schülern mit Migrationsgeschichte'], ['neu zugewanderte Kinder', 'neu zugewanderten Kindern'], ['junge Erwachsene', 'jungen Erwachsenen'], ['Eltern', 'Eltern'], ['Lehrkräfte', 'Lehrkräften'], ['Auszubildende', 'Auszubildenden']],
    person: ['eine Lehrerin einer Willkommensklasse', 'ein Schulleiter', 'eine Schülerin aus der Ukraine', 'ein Vater aus Eritrea'],
    issues: [['Segregation an Schulen', 'Segregation an Schulen'], ['frühe Schulabbrüche', 'frühen Schulabbrüchen'], ['verspätete Einschulungen', 'verspäteten Einschulungen'], ['das Fehlen herkunftssprachlichen Unterrichts', 'dem Fehlen herkunftssprachlichen Unterrichts'], ['große Klassen', 'großen Klassen'], ['niedrige Erwartungen der Lehrkräfte', 'niedrigen Erwartungen der Lehrkräfte']],
    goals: ['Kinder innerhalb eines Monats nach Ankunft einzuschulen', 'Lehrkräfte in Deutsch als Zweitsprache fortzubilden', 'Eltern in das Schulleben einzubeziehen', 'getrennte Klassen auf ein Jahr zu begrenzen'],
    outcomes: [o('in eine Regelklasse wechseln', 'in eine Regelklasse zu wechseln', 'in eine Regelklasse gewechselt', 'sind'), o('einen Schulabschluss erwerben', 'einen Schulabschluss zu erwerben', 'einen Schulabschluss erworben'), o('eine Ausbildung beginnen', 'eine Ausbildung zu beginnen', 'eine Ausbildung begonnen')],
    articles: ['Schulpflicht', 'Vorbereitungsklassen', 'Sprachförderung', 'Zugang zur Berufsausbildung', 'Zusammenarbeit mit den Eltern'],
    requirements: ['einen Wohnsitz im Schulbezirk', 'den Impfnachweis des Kindes'],
  },
  labour: {
    names: [f('Arbeitsmarktintegration', 'Arbeitsmarktintegrationen'), f('Beschäftigung von Geflüchteten', 'Beschäftigungen von Geflüchteten'), m('Zugang zum Arbeitsmarkt', 'Zugänge zum Arbeitsmarkt', 'Zugangs zum Arbeitsmarkt'), f('Fachkräfteeinwanderung', 'Fachkräfteeinwanderungen')],
    measures: [n('Betriebspraktikum', 'Betriebspraktika', 'Betriebspraktikums'), n('Jobcoaching', 'Jobcoachings'), f('Ausbildung', 'Ausbildungen'), f('Beschäftigungserlaubnis', 'Beschäftigungserlaubnisse'), m('Arbeitsvertrag', 'Arbeitsverträge'), f('Blau~ Karte EU', 'Blau~ Karten EU')],
    groups: [['Arbeitsuchende', 'Arbeitsuchenden'], ['Geflüchtete', 'Geflüchteten'], ['zugewanderte Frauen', 'zugewanderten Frauen'], ['hoch qualifizierte Fachkräfte', 'hoch qualifizierten Fachkräften'], ['Inhaberinnen und Inhaber der Blauen Karte EU', 'Inhaberinnen und Inhabern der Blauen Karte EU'], ['Saisonarbeitskräfte', 'Saisonarbeitskräften']],
    person: ['eine Arbeitgeberin aus der Pflege', 'ein Jobcoach', 'ein Geflüchteter aus Syrien', 'eine Ingenieurin aus Indien'],
    issues: [['Beschäftigung unter Qualifikation', 'Beschäftigung unter Qualifikation'], ['Schwarzarbeit', 'Schwarzarbeit'], ['die Vorrangprüfung', 'der Vorrangprüfung'], ['Diskriminierung bei der Einstellung', 'Diskriminierung bei der Einstellung'], ['niedrige Löhne im ersten Job', 'niedrigen Löhnen im ersten Job'], ['hohe Gehaltsschwellen', 'hohen Gehaltsschwellen']],
    goals: ['die Gehaltsschwelle für Engpassberufe zu senken', 'Geflüchtete und Arbeitgeber zusammenzubringen', 'im Beruf erworbene Kompetenzen anzuerkennen', 'Asylsuchenden nach drei Monaten die Arbeit zu erlauben'],
    outcomes: [o('eine feste Stelle finden', 'eine feste Stelle zu finden', 'eine feste Stelle gefunden'), o('von ihrer Arbeit leben', 'von ihrer Arbeit zu leben', 'von ihrer Arbeit gelebt'), o('eine qualifizierte Tätigkeit aufnehmen', 'eine qualifizierte Tätigkeit aufzunehmen', 'eine qualifizierte Tätigkeit aufgenommen')],
    articles: ['Zugang zur Beschäftigung', 'Gehaltsschwelle', 'Arbeitgeberwechsel', 'Gleichbehandlung', 'Vorrangprüfung', 'Selbstständige Tätigkeit'],
    requirements: ['ein verbindliches Arbeitsplatzangebot', 'ein Gehalt mindestens in Höhe der Schwelle', 'einen anerkannten Hochschulabschluss'],
  },
  civic: {
    names: [f('Orientierung in der Gesellschaft', 'Orientierungen in der Gesellschaft'), f('Integration Neuzugewanderter', 'Integrationen Neuzugewanderter'), n('Integrationsprogramm', 'Integrationsprogramme'), m('Orientierungskurs', 'Orientierungskurse')],
    measures: [m('Orientierungskurs', 'Orientierungskurse'), f('Integrationsvereinbarung', 'Integrationsvereinbarungen'), f('Informationsveranstaltung', 'Informationsveranstaltungen'), n('Integrationsprogramm', 'Integrationsprogramme'), f('Integrationsprüfung', 'Integrationsprüfungen'), m('individuell~ Integrationsplan', 'individuell~ Integrationspläne')],
    groups: [['Neuzugewanderte', 'Neuzugewanderten'], ['Teilnehmende', 'Teilnehmenden'], ['Kommunen', 'Kommunen'], ['Ehrenamtliche', 'Ehrenamtlichen'], ['Integrationsberaterinnen und -berater', 'Integrationsberaterinnen und -beratern'], ['nachgezogene Familienangehörige', 'nachgezogenen Familienangehörigen']],
    person: ['eine Integrationsberaterin', 'ein Teilnehmer aus Eritrea', 'ein Mitarbeiter der Stadtverwaltung', 'eine ehrenamtliche Mentorin'],
    issues: [['geringe Teilnahme', 'geringer Teilnahme'], ['Sanktionen bei Fehlzeiten', 'Sanktionen bei Fehlzeiten'], ['veraltete Kursinhalte', 'veralteten Kursinhalten'], ['regionale Unterschiede', 'regionalen Unterschieden'], ['die Betonung von Pflichten statt Rechten', 'der Betonung von Pflichten statt Rechten'], ['Bußgelder bei nicht bestandener Prüfung', 'Bußgeldern bei nicht bestandener Prüfung']],
    goals: ['die Kurse an den Bedarf der Teilnehmenden anzupassen', 'Kurse in der Herkunftssprache anzubieten', 'Orientierung und Spracherwerb zu verbinden', 'Bußgelder durch Beratung zu ersetzen'],
    outcomes: [o('die Integrationsprüfung bestehen', 'die Integrationsprüfung zu bestehen', 'die Integrationsprüfung bestanden'), o('das Programm in drei Jahren abschließen', 'das Programm in drei Jahren abzuschließen', 'das Programm in drei Jahren abgeschlossen'), o('eine Integrationsvereinbarung unterzeichnen', 'eine Integrationsvereinbarung zu unterzeichnen', 'eine Integrationsvereinbarung unterzeichnet')],
    articles: ['Integrationsprogramm', 'Integrationsvereinbarung', 'Orientierungskurs', 'Pflichten der Teilnehmenden', 'Sanktionen', 'Aufgaben der Gemeinden'],
    requirements: ['die Teilnahme am Orientierungskurs', 'eine unterzeichnete Integrationsvereinbarung'],
  },
  discrimination: {
    names: [m('Diskriminierungsschutz', 'Diskriminierungsschutze'), f('Gleichbehandlung von Zugewanderten', 'Gleichbehandlungen von Zugewanderten'), f('Diskriminierung bei der Stellensuche', 'Diskriminierungen bei der Stellensuche'), m('Rassismus', 'Rassismen', 'Rassismus')],
    measures: [f('Diskriminierungsbeschwerde', 'Diskriminierungsbeschwerden'), f('Gleichbehandlungsstelle', 'Gleichbehandlungsstellen'), f('Sensibilisierungskampagne', 'Sensibilisierungskampagnen'), n('anonymisiert~ Bewerbungsverfahren', 'anonymisiert~ Bewerbungsverfahren'), n('Testing-Verfahren', 'Testing-Verfahren'), f('Charta der Vielfalt', 'Chartas der Vielfalt')],
    groups: [['Betroffene von Diskriminierung', 'Betroffenen von Diskriminierung'], ['Arbeitgeber', 'Arbeitgebern'], ['Vermieter', 'Vermietern'], ['junge Menschen afrikanischer Herkunft', 'jungen Menschen afrikanischer Herkunft'], ['muslimische Frauen', 'muslimischen Frauen'], ['Roma', 'Roma']],
    person: ['eine Juristin der Antidiskriminierungsstelle', 'eine junge Frau mit Kopftuch', 'ein Personalleiter', 'ein Bewerber mit ausländisch klingendem Namen'],
    issues: [['eine hohe Dunkelziffer', 'einer hohen Dunkelziffer'], ['rassistische Übergriffe', 'rassistischen Übergriffen'], ['Hassrede im Netz', 'Hassrede im Netz'], ['racial profiling', 'racial profiling'], ['Diskriminierung bei der Einstellung', 'Diskriminierung bei der Einstellung'], ['fehlende Daten zu Diskriminierung', 'fehlenden Daten zu Diskriminierung']],
    goals: ['Gleichstellungsdaten zu erheben', 'Polizeikräfte zu schulen', 'Arbeitgeber durch Testing zu überprüfen', 'die Gleichbehandlungsstelle zu stärken'],
    outcomes: [o('eine Beschwerde einreichen', 'eine Beschwerde einzureichen', 'eine Beschwerde eingereicht'), o('zu einem Vorstellungsgespräch eingeladen werden', 'zu einem Vorstellungsgespräch eingeladen zu werden', 'zu einem Vorstellungsgespräch eingeladen worden', 'sind'), o('eine Entschädigung erhalten', 'eine Entschädigung zu erhalten', 'eine Entschädigung erhalten')],
    articles: ['Benachteiligungsverbot', 'Beweislast', 'Gleichbehandlungsstelle', 'Sanktionen', 'Positive Maßnahmen'],
    requirements: ['Indizien, die eine Benachteiligung vermuten lassen'],
  },
  reception: {
    names: [f('Aufnahme von Asylsuchenden', 'Aufnahmen von Asylsuchenden'), f('Unterbringung von Asylsuchenden', 'Unterbringungen von Asylsuchenden'), m('vorübergehend~ Schutz', 'vorübergehend~ Schutze'), f('Aufnahme von Geflüchteten', 'Aufnahmen von Geflüchteten')],
    measures: [f('Aufnahmeeinrichtung', 'Aufnahmeeinrichtungen'), m('Unterbringungsplatz', 'Unterbringungsplätze'), m('Asylantrag', 'Asylanträge'), f('Geldleistung', 'Geldleistungen'), f('Notunterkunft', 'Notunterkünfte'), f('Gemeinschaftsunterkunft', 'Gemeinschaftsunterkünfte')],
    groups: [['Asylsuchende', 'Asylsuchenden'], ['Schutzsuchende', 'Schutzsuchenden'], ['Vertriebene aus der Ukraine', 'Vertriebenen aus der Ukraine'], ['Personen mit vorübergehendem Schutz', 'Personen mit vorübergehendem Schutz'], ['besonders schutzbedürftige Antragstellende', 'besonders schutzbedürftigen Antragstellenden'], ['Familien mit Kindern', 'Familien mit Kindern']],
    person: ['eine Sozialarbeiterin in einer Aufnahmeeinrichtung', 'ein Asylsuchender aus Afghanistan', 'eine Ehrenamtliche', 'eine Frau, die aus Charkiw geflohen ist'],
    issues: [['Überbelegung', 'Überbelegung'], ['abgelegene Standorte', 'abgelegenen Standorten'], ['lange Asylverfahren', 'langen Asylverfahren'], ['die Einschränkungen beim Arbeitsmarktzugang', 'den Einschränkungen beim Arbeitsmarktzugang'], ['fehlende Privatsphäre', 'fehlender Privatsphäre'], ['häufige Verlegungen', 'häufigen Verlegungen']],
    goals: ['Schutzbedürftigkeit bei Ankunft festzustellen', 'Familien in Wohnungen statt in Sammelunterkünften unterzubringen', 'die Erstaufnahme zu verkürzen', 'den Arbeitsmarkt nach sechs Monaten zu öffnen'],
    outcomes: [o('aus der Aufnahmeeinrichtung ausziehen', 'aus der Aufnahmeeinrichtung auszuziehen', 'aus der Aufnahmeeinrichtung ausgezogen', 'sind'), o('internationalen Schutz erhalten', 'internationalen Schutz zu erhalten', 'internationalen Schutz erhalten'), o('während des Verfahrens arbeiten', 'während des Verfahrens zu arbeiten', 'während des Verfahrens gearbeitet')],
    articles: ['Materielle Leistungen', 'Aufnahmeeinrichtungen', 'Schutzbedürftige Antragstellende', 'Zugang zum Arbeitsmarkt', 'Einschränkung der Leistungen'],
    requirements: ['die Registrierung des Antrags auf internationalen Schutz'],
  },
  minors: {
    names: [m('unbegleitet~ Minderjährig~', 'unbegleitet~ Minderjährig~'), m('Schutz geflüchteter Kinder', 'Schutze geflüchteter Kinder', 'Schutzes geflüchteter Kinder'), f('Vormundschaft für unbegleitete Kinder', 'Vormundschaften für unbegleitete Kinder'), m('Übergang junger Geflüchteter in die Volljährigkeit', 'Übergänge junger Geflüchteter in die Volljährigkeit', 'Übergangs junger Geflüchteter in die Volljährigkeit')],
    measures: [m('Vormund', 'Vormünder'), f('Altersfeststellung', 'Altersfeststellungen'), f('Pflegefamilie', 'Pflegefamilien'), f('Inobhutnahme', 'Inobhutnahmen'), f('Jugendwohngruppe', 'Jugendwohngruppen'), m('Hilfeplan für junge Volljährige', 'Hilfepläne für junge Volljährige', 'Hilfeplans für junge Volljährige')],
    groups: [['unbegleitete Minderjährige', 'unbegleiteten Minderjährigen'], ['von ihren Eltern getrennte Kinder', 'von ihren Eltern getrennten Kindern'], ['junge Menschen kurz vor der Volljährigkeit', 'jungen Menschen kurz vor der Volljährigkeit'], ['Careleaver', 'Careleavern'], ['allein reisende Mädchen', 'allein reisenden Mädchen'], ['minderjährige Opfer von Menschenhandel', 'minderjährigen Opfern von Menschenhandel']],
    person: ['ein Vormund', 'ein Junge aus Afghanistan', 'eine Pflegemutter', 'ein Jugendhilfe-Mitarbeiter'],
    issues: [['das Verschwinden von Kindern', 'dem Verschwinden von Kindern'], ['Verzögerungen bei der Bestellung von Vormündern', 'Verzögerungen bei der Bestellung von Vormündern'], ['umstrittene Altersfeststellungen', 'umstrittenen Altersfeststellungen'], ['das abrupte Ende der Hilfe mit 18', 'dem abrupten Ende der Hilfe mit 18'], ['der Mangel an Pflegefamilien', 'dem Mangel an Pflegefamilien'], ['die Inhaftierung von Kindern', 'der Inhaftierung von Kindern']],
    goals: ['innerhalb einer Woche einen Vormund zu bestellen', 'ganzheitliche Altersfeststellungen durchzuführen', 'die Hilfe bis 21 zu verlängern', 'Pflegefamilien zu gewinnen'],
    outcomes: [o('die Schule abschließen', 'die Schule abzuschließen', 'die Schule abgeschlossen'), o('in einer Pflegefamilie bleiben', 'in einer Pflegefamilie zu bleiben', 'in einer Pflegefamilie geblieben', 'sind'), o('in eine eigene Wohnung ziehen', 'in eine eigene Wohnung zu ziehen', 'in eine eigene Wohnung gezogen', 'sind')],
    articles: ['Bestellung eines Vormunds', 'Altersfeststellung', 'Unterbringung Minderjähriger', 'Kindeswohl', 'Hilfe für junge Volljährige'],
    requirements: ['die Zustimmung des Vormunds'],
  },
  citizenship: {
    names: [f('Einbürgerung', 'Einbürgerungen'), m('Zugang zur Staatsangehörigkeit', 'Zugänge zur Staatsangehörigkeit', 'Zugangs zur Staatsangehörigkeit'), m('Einbürgerungstest', 'Einbürgerungstests'), f('doppelt~ Staatsangehörigkeit', 'doppelt~ Staatsangehörigkeiten')],
    measures: [m('Einbürgerungsantrag', 'Einbürgerungsanträge'), m('Einbürgerungstest', 'Einbürgerungstests'), f('Einbürgerungsfeier', 'Einbürgerungsfeiern'), n('Sprachzertifikat', 'Sprachzertifikate'), f('Einbürgerungsgebühr', 'Einbürgerungsgebühren'), n('Bekenntnis zur freiheitlichen demokratischen Grundordnung', 'Bekenntnisse zur freiheitlichen demokratischen Grundordnung', 'Bekenntnisses zur freiheitlichen demokratischen Grundordnung')],
    groups: [['Einbürgerungswillige', 'Einbürgerungswilligen'], ['langjährig Aufenthaltsberechtigte', 'langjährig Aufenthaltsberechtigten'], ['im Inland geborene Kinder', 'im Inland geborenen Kindern'], ['Doppelstaater', 'Doppelstaatern'], ['Staatenlose', 'Staatenlosen'], ['anerkannte Flüchtlinge', 'anerkannten Flüchtlingen']],
    person: ['eine neu eingebürgerte Frau aus der Türkei', 'ein Sachbearbeiter der Einbürgerungsbehörde', 'ein staatenloser Mann', 'eine Lehrerin, die auf den Test vorbereitet'],
    issues: [['lange Voraufenthaltszeiten', 'langen Voraufenthaltszeiten'], ['hohe Gebühren', 'hohen Gebühren'], ['die Pflicht zur Aufgabe der bisherigen Staatsangehörigkeit', 'der Pflicht zur Aufgabe der bisherigen Staatsangehörigkeit'], ['lange Bearbeitungszeiten', 'langen Bearbeitungszeiten'], ['schwierige Testfragen', 'schwierigen Testfragen'], ['Ermessensentscheidungen', 'Ermessensentscheidungen']],
    goals: ['die Voraufenthaltszeit zu verkürzen', 'die doppelte Staatsangehörigkeit zuzulassen', 'Beispielfragen zu veröffentlichen', 'Kinder von den Gebühren zu befreien'],
    outcomes: [o('sich einbürgern lassen', 'sich einbürgern zu lassen', 'sich einbürgern lassen'), o('den Einbürgerungstest bestehen', 'den Einbürgerungstest zu bestehen', 'den Einbürgerungstest bestanden'), o('ihre bisherige Staatsangehörigkeit behalten', 'ihre bisherige Staatsangehörigkeit zu behalten', 'ihre bisherige Staatsangehörigkeit behalten')],
    articles: ['Einbürgerungsvoraussetzungen', 'Voraufenthaltszeit', 'Sprach- und Gesellschaftskenntnisse', 'Mehrstaatigkeit', 'Verlust der Staatsangehörigkeit'],
    requirements: ['einen rechtmäßigen Aufenthalt von mindestens fünf Jahren', 'Deutschkenntnisse auf dem Niveau B1', 'Straffreiheit'],
  },
};
