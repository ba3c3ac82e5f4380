// A law cited as in force on a date: which version that was, and its
// identifier in point-in-time form where the scheme has one. For the
// research-output exports and citations to call; runtime-neutral.
//   ELI:   the identifier with the date as its last segment, ".../2003/86/oj" → ".../2003/86/2021-07-01"
//          (an ELI ending in a language or format segment is cited as given: no point-in-time form is safe there)
//   CELEX: the consolidated text's number, "32003L0086" → "02003L0086-20210701"
import type { VersionInfo } from './history';

export interface CitedVersion {
  number: number;
  inForceFrom: string | null;
  /** The identifier of the law as in force on `date`, or the identifier as given when the scheme allows no such form. */
  identifier: string;
  pointInTime: boolean;
}

const ELI_VERSION_SEGMENT = /\/(oj|ogl|\d{4}-\d{2}-\d{2})$/;

export function pointInTimeIdentifier(scheme: 'ELI' | 'CELEX', identifier: string, date: string): { identifier: string; pointInTime: boolean } {
  if (scheme === 'CELEX') {
    const match = /^[3-9](\d{4}[A-Z]{1,2}\d{4})$/.exec(identifier);
    return match ? { identifier: `0${match[1]}-${date.replaceAll('-', '')}`, pointInTime: true } : { identifier, pointInTime: false };
  }
  const base = identifier.replace(/\/+$/, '');
  if (ELI_VERSION_SEGMENT.test(base)) return { identifier: base.replace(ELI_VERSION_SEGMENT, `/${date}`), pointInTime: true };
  // A language or format at the end (…/eng, …/pdf): the date would land in the wrong place.
  if (/\/[a-z]{3}(\/[a-z]+)?$/.test(base) || /\/(pdf|html|xml)$/.test(base)) return { identifier, pointInTime: false };
  return { identifier: `${base}/${date}`, pointInTime: true };
}

/** The version in force on `date` among `versions` (oldest first), cited with its point-in-time identifier. */
export function citeVersionOn(versions: readonly VersionInfo[], legal: { identifierScheme: 'ELI' | 'CELEX'; identifier: string }, date: string): CitedVersion | null {
  const version = versions.filter((candidate) => (candidate.inForceFrom ?? candidate.updatedAt.slice(0, 10)) <= date).at(-1);
  if (!version) return null;
  return { number: version.number, inForceFrom: version.inForceFrom, ...pointInTimeIdentifier(legal.identifierScheme, legal.identifier, date) };
}
