// Identifiers of the national acts the corpus drafts, in the real syntax of
// each state's ELI (where it has one) or as the CELEX number EUR-Lex gives a
// national measure transposing a directive.
import type { NationalActKind, Scene } from './language/types';
import { nimCelex } from './national-instruments';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A national ELI for an act of `kind` adopted on `iso`, or undefined where the state publishes none (or for local acts). */
function nationalEli(country: string, kind: NationalActKind, iso: string, number: number): string | undefined {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const month = String(Number(m));
  const day = String(Number(d));
  if (kind === 'bylaw' || kind === 'circular') return undefined;
  switch (country) {
    case 'AT':
      return `https://www.ris.bka.gv.at/eli/bgbl/${kind === 'act' ? 'I' : 'II'}/${y}/${number}`;
    case 'DE':
      return Number(y) >= 2023 ? `https://www.recht.bund.de/eli/bund/bgbl-1/${y}/${number}` : undefined;
    case 'FR': {
      // NOR: ministry and office letters, year, five digits, the kind of text.
      const nor = `INTV${y.slice(2)}${pad(number * 13, 5)}${kind === 'act' ? 'L' : kind === 'decree' ? 'D' : 'A'}`;
      return `https://www.legifrance.gouv.fr/eli/${kind === 'act' ? 'loi' : kind === 'decree' ? 'decret' : 'arrete'}/${y}/${month}/${day}/${nor}/jo/texte`;
    }
    case 'BE':
      return `http://www.ejustice.just.fgov.be/eli/${kind === 'act' ? 'loi' : 'arrete'}/${y}/${m}/${d}/${y}${pad(number * 7, 6)}/justel`;
    case 'LU':
      return `http://data.legilux.public.lu/eli/etat/leg/${kind === 'act' ? 'loi' : 'rgd'}/${y}/${m}/${d}/a${number}/jo`;
    case 'ES':
      return `https://www.boe.es/eli/es/${kind === 'act' ? 'l' : kind === 'regulation' ? 'rd' : 'o'}/${y}/${m}/${d}/${number}`;
    case 'IT':
      return `https://www.normattiva.it/eli/id/${y}/${m}/${d}/${y.slice(2)}G${pad(number * 3, 5)}/CONSOLIDATED`;
    case 'PT':
      return `https://data.dre.pt/eli/${kind === 'act' ? 'lei' : kind === 'regulation' ? 'dec-lei' : 'port'}/${number}/${y}/${m}/${d}/p/dre/pt/html`;
    case 'IE':
      return `http://www.irishstatutebook.ie/eli/${y}/${kind === 'act' ? 'act' : 'si'}/${number}/${kind === 'act' ? 'enacted' : 'made'}/en/html`;
    case 'PL':
      return `https://eli.gov.pl/eli/DU/${y}/${number * 3}/ogl`;
    case 'FI':
      return `http://data.finlex.fi/eli/sd/${y}/${number}/alkup`;
    case 'DK':
      return `https://www.retsinformation.dk/eli/lta/${y}/${number}`;
    default:
      return undefined;
  }
}

/** The act's identifier: its national ELI, else the CELEX of a measure transposing the directive its text cites. */
export function actIdentifier(scene: Scene, kind: NationalActKind, iso: string, number: number, index: number): { scheme: 'ELI' | 'CELEX'; id: string } {
  const eli = nationalEli(scene.country, kind, iso, number);
  if (eli) return { scheme: 'ELI', id: eli };
  const directive = scene.eu.kind === 'directive' ? scene.eu : { year: 2003, number: 86 };
  return { scheme: 'CELEX', id: nimCelex(directive.year, directive.number, scene.country, Number(`${iso.slice(0, 4)}${pad(index % 100_000, 5)}`)) };
}
