// The Snowball stemmers suggestions match words by ("naturalised" finds
// "naturalisation"), one per language the records are written in.
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as armenian } from '@orama/stemmers/armenian';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hindi } from '@orama/stemmers/indian';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as irish } from '@orama/stemmers/irish';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as nepali } from '@orama/stemmers/nepali';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as tamil } from '@orama/stemmers/tamil';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

export type Stemmer = (word: string) => string;

// Every language @orama/stemmers offers, by ISO 639-1 code, except Bulgarian:
// that one assigns into strings, which throws in strict mode on most plurals.
const STEMMERS: ReadonlyMap<string, Stemmer> = new Map(Object.entries({
  ar: arabic, da: danish, de: german, el: greek, en: english, es: spanish, fi: finnish, fr: french, ga: irish,
  hi: hindi, hu: hungarian, hy: armenian, id: indonesian, it: italian, lt: lithuanian, nb: norwegian, ne: nepali,
  nl: dutch, nn: norwegian, no: norwegian, pt: portuguese, ro: romanian, ru: russian, sr: serbian, sv: swedish,
  ta: tamil, tr: turkish, uk: ukrainian,
}));

/** A stemmer for an ISO 639-1 code, or undefined. */
export function stemmerFor(language: string): Stemmer | undefined {
  const stem = STEMMERS.get(language);
  if (!stem) return undefined;
  // The Snowball ports expect lower-case composed text, and must never break a query.
  return (word) => {
    const lower = word.normalize('NFC').toLowerCase();
    try {
      return stem(lower);
    } catch {
      return lower;
    }
  };
}

/** Whether words in this language can be stemmed. */
export function hasStemmer(language: string): boolean {
  return STEMMERS.has(language);
}
