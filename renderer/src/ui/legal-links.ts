// The official page of a legal act's identifier, opened outside the app:
// EUR-Lex for a CELEX number (in the interface language), the ELI itself when
// it is an http(s) URI, as ELIs are. An identifier that does not have its
// scheme's shape gets no link: it is shown as text.

/** Sector (0–9, C, E), year, document type letters, then the number and any suffix: 32013L0033, 72003L0086DEU_202310567, 32013R1303R(01). */
const CELEX = /^[0-9CE]\d{4}[A-Z]{1,2}[0-9A-Z_().-]{1,60}$/;

/** EUR-Lex's language codes for the interface languages. */
const EUR_LEX_LANGUAGES: Record<string, string> = { en: 'EN', fr: 'FR', de: 'DE' };

export function legalIdentifierUrl(scheme: 'ELI' | 'CELEX', identifier: string, language: string): string | null {
  const id = identifier.trim();
  if (scheme === 'CELEX') {
    if (!CELEX.test(id)) return null;
    const lang = EUR_LEX_LANGUAGES[language.slice(0, 2)] ?? 'EN';
    return `https://eur-lex.europa.eu/legal-content/${lang}/TXT/?uri=CELEX:${encodeURIComponent(id)}`;
  }
  if (!/^https?:\/\//i.test(id)) return null;
  try {
    const url = new URL(id);
    // A URI with credentials or without a host is not an official page.
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
