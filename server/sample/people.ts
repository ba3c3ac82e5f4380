// People and organisations: authors, posters and contacts with names from
// the many origins of Europe's population, and publishers named in the
// document's own language.
import { authorDisplayName, type Author } from '../../shared/content';
import { city, type Lang } from './places';
import type { Random } from './random';

const FIRST = [
  'Ana', 'Jonas', 'Fatima', 'Marek', 'Sofia', 'Youssef', 'Eleni', 'Lukas', 'Amina', 'Pieter', 'Chiara', 'Mihai', 'Ingrid', 'Omar', 'Zofia', 'Dmitri', 'Léa', 'João',
  'Aoife', 'Kristjan', 'Hanna', 'Mehmet', 'Claire', 'Tomasz', 'Nadia', 'Karim', 'Elif', 'Bogdan', 'Marta', 'Samir', 'Laura', 'Ahmad', 'Greta', 'Ivana', 'Rui',
  'Katarzyna', 'Sven', 'Leila', 'Matteo', 'Aisha', 'Nikos', 'Olga', 'Yusuf', 'Inês', 'Henrik', 'Mariam', 'Jakub', 'Camille', 'Tariq', 'Małgorzata', 'Hamid', 'Zeynep',
];
const LAST = [
  'Silva', 'Müller', 'Haddad', 'Nowak', 'Rossi', 'El Amrani', 'Papadopoulou', 'Schmidt', 'Diallo', 'de Vries', 'Bianchi', 'Popescu', 'Andersson', 'Benali', 'Kowalska',
  'Ivanov', 'Dubois', 'Santos', 'O’Brien', 'Tamm', 'Yılmaz', 'Wiśniewski', 'Lefèvre', 'Novák', 'Horvat', 'Kaya', 'García', 'Martínez', 'Hoffmann', 'Janssens',
  'Nielsen', 'Lindqvist', 'Hussein', 'Mensah', 'Ferreira', 'Conti', 'Jovanović', 'Öztürk', 'Kovács', 'Dvořák', 'Bauer', 'Moreau', 'Karimi', 'Sandberg', 'Costa',
];

export const personName = (rnd: Random): string => `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;

/** An address at example.org: the name folded to ASCII letters (example.org is reserved for exactly this). */
export function emailOf(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ı/g, 'i').replace(/[^A-Za-z ]/g, '');
  return `${ascii.toLowerCase().trim().replace(/ +/g, '.')}@example.org`;
}

/** "de" with elision, for French organisation names: Ville de Lyon, Ville d’Anvers. */
const frOf = (name: string) => (/^[aeiouyàâéèêîôû]/i.test(name) ? `d’${name}` : `de ${name}`);

/**
 * Publishers by language, as templates over the document's main city
 * (the local Caritas twice: it publishes much of what the site collects).
 * Organisations that carry "Caritas" begin with it: the suggestion index
 * treats organisation names as entries of their own.
 */
const PUBLISHERS: Record<Lang, ReadonlyArray<(cityName: string) => string>> = {
  en: [(c) => `${c} City Council`, (c) => `University of ${c}`, (c) => `Caritas ${c}`, (c) => `Caritas ${c}`, (c) => `Red Cross ${c}`, (c) => `Migrant Support Centre ${c}`, () => 'Migration Policy Institute Europe', () => 'European Council on Refugees and Exiles'],
  fr: [(c) => `Ville ${frOf(c)}`, (c) => `Université ${frOf(c)}`, (c) => `Caritas ${c}`, (c) => `Caritas ${c}`, (c) => `Croix-Rouge ${frOf(c)}`, (c) => `Observatoire de l’intégration ${frOf(c)}`, () => 'France terre d’asile', () => 'Ciré asbl'],
  de: [(c) => `Stadt ${c}`, (c) => `Universität ${c}`, (c) => `Caritas ${c}`, (c) => `Caritas ${c}`, (c) => `Diakonie ${c}`, (c) => `Integrationsbüro ${c}`, () => 'Sachverständigenrat für Integration und Migration', () => 'Forschungszentrum Migration'],
  es: [(c) => `Ayuntamiento de ${c}`, (c) => `Universidad de ${c}`, (c) => `Cruz Roja ${c}`, () => 'CEAR – Comisión Española de Ayuda al Refugiado', () => 'Observatorio Permanente de la Inmigración'],
  it: [(c) => `Comune di ${c}`, (c) => `Università di ${c}`, (c) => `Caritas ${c}`, () => 'Fondazione ISMU', () => 'ASGI – Associazione per gli Studi Giuridici sull’Immigrazione'],
  nl: [(c) => `Gemeente ${c}`, (c) => `Universiteit ${c}`, (c) => `VluchtelingenWerk ${c}`, () => 'Kennisplatform Inclusief Samenleven', () => 'Wetenschappelijke Raad voor het Regeringsbeleid'],
  pl: [() => 'Fundacja Ocalenie', () => 'Stowarzyszenie Interwencji Prawnej', () => 'Caritas Polska', () => 'Ośrodek Badań nad Migracjami', () => 'Polska Akcja Humanitarna', () => 'Fundacja Instytut na rzecz Państwa Prawa'],
  pt: [(c) => `Câmara Municipal de ${c}`, (c) => `Universidade de ${c}`, () => 'Conselho Português para os Refugiados', () => 'Observatório das Migrações', () => 'Cruz Vermelha Portuguesa'],
  sv: [(c) => `${c}${/s$/.test(c) ? '' : 's'} kommun`, (c) => `Universitetet i ${c}`, () => 'Röda Korset', () => 'Delegationen för migrationsstudier', () => 'Rädda Barnen'],
};

export function publisherOf(rnd: Random, lang: Lang, country: string, cityIndex: number): string {
  return rnd.pick(PUBLISHERS[lang])(city(lang, country, cityIndex).name);
}

/** A person as an author: the same two draws as personName, split into family and given names. */
const personAuthorOf = (rnd: Random): Author => {
  const given = rnd.pick(FIRST);
  return { kind: 'person', family: rnd.pick(LAST), given };
};

/**
 * Authors of a document: one to three people, or (when no person signs it)
 * the publishing organisation itself, as an institution's report is cited.
 */
export function authorsOf(rnd: Random, publisher: string): Author[] {
  const people = Array.from({ length: rnd.pick([0, 1, 1, 2, 2, 3]) }, () => personAuthorOf(rnd)).filter((a, i, all) => all.findIndex((b) => authorDisplayName(b) === authorDisplayName(a)) === i);
  return people.length ? people : [{ kind: 'organisation', name: publisher }];
}
