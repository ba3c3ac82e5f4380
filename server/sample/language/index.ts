// Every language of the corpus, by code.
import type { Lang } from '../places';
import { german } from './de';
import { english } from './en';
import { spanish } from './es';
import { french } from './fr';
import { italian } from './it';
import { dutch } from './nl';
import { polish } from './pl';
import { portuguese } from './pt';
import { swedish } from './sv';
import type { LanguagePack } from './types';

export const PACKS: Record<Lang, LanguagePack> = { en: english, fr: french, de: german, es: spanish, it: italian, nl: dutch, pl: polish, pt: portuguese, sv: swedish };
