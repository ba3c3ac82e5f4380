// What a record is about: country, language, topic, year, city and the
// instruments it may cite, chosen so that nothing is anachronistic (a 2014
// report does not cite a 2024 regulation) and national languages write only
// about their own countries.
import { EU_INSTRUMENTS, type EuInstrument } from './instruments';
import type { DocumentKind, Scene } from './language/types';
import { nationalOf, type NationalInstrument } from './national-instruments';
import { cityCount, type Lang } from './places';
import type { Random } from './random';
import { TOPICS, type TopicKey } from './topics';

/** The national languages each country writes in, besides English, French and German. */
export const NATIONAL_LANGUAGES: Record<string, readonly Lang[]> = {
  AT: ['de'], BE: ['fr', 'nl'], DE: ['de'], ES: ['es'], FI: ['sv'], FR: ['fr'], IT: ['it'], LU: ['fr', 'de'], NL: ['nl'], PL: ['pl'], PT: ['pt'], SE: ['sv'],
};

/** Binding instruments a text can cite: directives, regulations and the Ukraine decision. */
const BINDING = EU_INSTRUMENTS.filter((instrument) => instrument.kind === 'directive' || instrument.kind === 'regulation' || instrument.kind === 'implementing-decision');
const adoptedBy = (instrument: EuInstrument, year: number) => Number(instrument.adopted.slice(0, 4)) <= year;

/** The EU instrument a text on `topic` written in `year` cites: on its topic if one was adopted by then, else an older general one. */
export function euFor(rnd: Random, topic: TopicKey, year: number, directiveOnly = false): EuInstrument {
  const fits = (instrument: EuInstrument) => adoptedBy(instrument, year) && (!directiveOnly || instrument.kind === 'directive') && instrument.status !== 'repealed';
  const own = BINDING.filter((instrument) => instrument.topic === topic && fits(instrument));
  if (own.length) return rnd.pick(own);
  const any = BINDING.filter(fits);
  return any.length ? rnd.pick(any) : BINDING.find((instrument) => instrument.key === 'racial-equality')!;
}

/** A national instrument of the country in force by `year`: on the topic when there is one. */
export function nationalFor(rnd: Random, country: string, topic: TopicKey, year: number): NationalInstrument | undefined {
  const known = nationalOf(country).filter((instrument) => Number(instrument.date.slice(0, 4)) <= year);
  const own = known.filter((instrument) => instrument.topic === topic);
  return own.length ? rnd.pick(own) : known.length ? rnd.pick(known) : undefined;
}

/** Recent years more often: the site's library grows. */
export function yearOf(rnd: Random, from = 2005, to = 2026): number {
  return to - Math.floor((to - from + 1) * rnd.next() ** 1.6);
}

/** A document's language: half the time the country's own (where the corpus writes it), otherwise English, French or German. */
export function languageFor(rnd: Random, country: string): Lang {
  const own = NATIONAL_LANGUAGES[country];
  if (own && rnd.chance(0.5)) return rnd.pick(own);
  return rnd.pick(['en', 'en', 'en', 'fr', 'de'] as const);
}

export function sceneFor(rnd: Random, options: { country: string; kind: DocumentKind; topic?: TopicKey; year?: number }): Scene {
  const topic = options.topic ?? rnd.pick(TOPICS);
  const year = options.year ?? yearOf(rnd);
  return {
    rnd,
    topic,
    country: options.country,
    city: rnd.int(0, cityCount(options.country) - 1),
    year,
    eu: euFor(rnd, topic, year, options.kind === 'legislation'),
    national: nationalFor(rnd, options.country, topic, year),
    kind: options.kind,
  };
}
