// Display names for the corpus's codes, in the interface language.
import i18next, { type TFunction } from 'i18next';

function displayName(type: 'region' | 'language', code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code; // Not a code Intl knows: show it as it is.
  }
}

export const countryName = (code: string, locale: string) => displayName('region', code.toUpperCase(), locale);
export const languageName = (code: string, locale: string) => displayName('language', code, locale);

/** A type facet value: a content type, or "document:<document type>". */
export function typeLabel(t: TFunction, value: string): string {
  const [type, kind] = value.split(':', 2);
  if (type === 'document' && kind) return t(`documentTypes.${kind}`, { defaultValue: kind });
  return t(`contentTypes.${type}`, { defaultValue: type });
}

export const themeLabel = (t: TFunction, slug: string) => t(`themes.${slug}`, { defaultValue: slug });

export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A date with its time of day ("3 Dec 2026, 14:05"): when two edits of one day must be told apart. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * "5 minutes ago", "yesterday", "in 2 hours" (Intl.RelativeTimeFormat). The
 * last minute is "just now" in words of our own: Intl would say "now" ("jetzt"),
 * which reads wrongly after "synced".
 */
export function formatRelative(iso: string, locale: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (seconds <= 0 && abs < 60) return i18next.t('time.justNow', { lng: locale });
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

export const formatNumber = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);
