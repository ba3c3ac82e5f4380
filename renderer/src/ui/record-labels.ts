// Labels for a record's "kind" (records.list, records.facets): its document
// type, funder type, link category, organisation type, or a country sheet's
// country. Values outside the known lists are shown as they are.
import type { TFunction } from 'i18next';
import type { ContentType } from '../../../shared/content';
import { countryName, typeLabel } from './format';

function funderType(t: TFunction, value: string): string | undefined {
  const labels: Record<string, string> = {
    eu: t('library.funderTypes.eu'),
    national: t('library.funderTypes.national'),
    'private-foundation': t('library.funderTypes.privateFoundation'),
  };
  return labels[value];
}

function organisationType(t: TFunction, value: string): string | undefined {
  const labels: Record<string, string> = {
    ngo: t('library.organisationTypes.ngo'),
    'public-authority': t('library.organisationTypes.publicAuthority'),
    'local-authority': t('library.organisationTypes.localAuthority'),
    research: t('library.organisationTypes.research'),
    'social-partner': t('library.organisationTypes.socialPartner'),
    'private-company': t('library.organisationTypes.privateCompany'),
    'international-organisation': t('library.organisationTypes.internationalOrganisation'),
    other: t('library.organisationTypes.other'),
  };
  return labels[value];
}

function linkCategory(t: TFunction, value: string): string | undefined {
  const labels: Record<string, string> = {
    government: t('links.categories.government'),
    ngo: t('links.categories.ngo'),
    research: t('links.categories.research'),
    'eu-institution': t('links.categories.euInstitution'),
    media: t('links.categories.media'),
    network: t('links.categories.network'),
  };
  return labels[value];
}

export function kindLabel(t: TFunction, type: ContentType, kind: string, locale: string): string {
  switch (type) {
    case 'document':
      return typeLabel(t, `document:${kind}`);
    case 'funding':
      return funderType(t, kind) ?? kind;
    case 'link':
      return linkCategory(t, kind) ?? kind;
    case 'good-practice':
    case 'partner-request':
      return organisationType(t, kind) ?? kind;
    case 'country-sheet':
      return countryName(kind, locale);
    default:
      return kind;
  }
}

/** The byte's symbol where the language has its own ("o" for octet in French); "B" elsewhere. */
const BYTE_SYMBOL: Record<string, string> = { fr: 'o' };

/**
 * A file size for people: "916 B", "1.2 MB", "1,2 Mo", in the language's
 * number format. Intl spells the byte out ("916 byte", "916 Byte"), so bytes
 * get their symbol here; kB and up come from Intl.
 */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${new Intl.NumberFormat(locale).format(value)}\u00a0${BYTE_SYMBOL[locale.slice(0, 2)] ?? 'B'}`;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
