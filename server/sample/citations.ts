// How each language cites an EU instrument: "Directive 2003/86/EC",
// "directive 2003/86/CE", "Richtlinie (EU) 2021/1883", "rozporządzenia (UE)
// nr 604/2013"… Numbering follows the Official Journal's rules: before 2015
// a directive is year/number and a regulation number/year; from 2015 both
// are "(EU) year/number".
import type { EuInstrument, EuKind } from './instruments';
import type { Lang } from './places';

type Words = Record<Exclude<EuKind, 'communication' | 'proposal-directive' | 'proposal-regulation'>, string>;

const WORDS: Record<Lang, Words> = {
  en: { directive: 'Directive', regulation: 'Regulation', 'implementing-decision': 'Implementing Decision', recommendation: 'Recommendation' },
  fr: { directive: 'directive', regulation: 'règlement', 'implementing-decision': 'décision d’exécution', recommendation: 'recommandation' },
  de: { directive: 'Richtlinie', regulation: 'Verordnung', 'implementing-decision': 'Durchführungsbeschluss', recommendation: 'Empfehlung' },
  es: { directive: 'Directiva', regulation: 'Reglamento', 'implementing-decision': 'Decisión de Ejecución', recommendation: 'Recomendación' },
  it: { directive: 'direttiva', regulation: 'regolamento', 'implementing-decision': 'decisione di esecuzione', recommendation: 'raccomandazione' },
  nl: { directive: 'Richtlijn', regulation: 'Verordening', 'implementing-decision': 'Uitvoeringsbesluit', recommendation: 'Aanbeveling' },
  pl: { directive: 'dyrektywa', regulation: 'rozporządzenie', 'implementing-decision': 'decyzja wykonawcza', recommendation: 'zalecenie' },
  pt: { directive: 'Diretiva', regulation: 'Regulamento', 'implementing-decision': 'Decisão de Execução', recommendation: 'Recomendação' },
  sv: { directive: 'direktiv', regulation: 'förordning', 'implementing-decision': 'genomförandebeslut', recommendation: 'rekommendation' },
};
/** Polish cites after a preposition ("na podstawie …") in the genitive. */
const POLISH_GENITIVE: Words = { directive: 'dyrektywy', regulation: 'rozporządzenia', 'implementing-decision': 'decyzji wykonawczej', recommendation: 'zalecenia' };

const COMMUNITY: Record<Lang, { ec: string; eu: string; no: string }> = {
  en: { ec: 'EC', eu: 'EU', no: 'No' },
  fr: { ec: 'CE', eu: 'UE', no: 'n°' },
  de: { ec: 'EG', eu: 'EU', no: 'Nr.' },
  es: { ec: 'CE', eu: 'UE', no: 'n.º' },
  it: { ec: 'CE', eu: 'UE', no: 'n.' },
  nl: { ec: 'EG', eu: 'EU', no: 'nr.' },
  pl: { ec: 'WE', eu: 'UE', no: 'nr' },
  pt: { ec: 'CE', eu: 'UE', no: 'n.º' },
  sv: { ec: 'EG', eu: 'EU', no: 'nr' },
};

/** The instrument's number as the Official Journal writes it in `lang`: 2003/86/EC, (EU) No 604/2013, (EU) 2021/1883. */
export function instrumentNumber(instrument: EuInstrument, lang: Lang): string {
  const words = COMMUNITY[lang];
  if (instrument.com) return instrument.com;
  const union = instrument.year >= 2010 ? words.eu : words.ec;
  if (instrument.year >= 2015) return `(${union}) ${instrument.year}/${instrument.number}`;
  if (instrument.kind === 'regulation') return `(${union}) ${words.no} ${instrument.number}/${instrument.year}`;
  return `${instrument.year}/${instrument.number}/${union}`;
}

/** "Directive 2003/86/EC"; Polish in the genitive when `genitive`; Commission documents by their COM number. */
export function cite(instrument: EuInstrument, lang: Lang, genitive = false): string {
  if (instrument.kind === 'communication' || instrument.kind === 'proposal-directive' || instrument.kind === 'proposal-regulation') return instrument.com!;
  const word = lang === 'pl' && genitive ? POLISH_GENITIVE[instrument.kind] : WORDS[lang][instrument.kind];
  return `${word} ${instrumentNumber(instrument, lang)}`;
}
