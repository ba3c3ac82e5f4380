// Facet values ↔ the filter words of the search query language
// (type: country: theme: lang: year:), so a facet click edits the query itself.

export type FacetName = 'type' | 'country' | 'theme' | 'language' | 'year';

export function facetToken(facet: FacetName, value: string): string {
  switch (facet) {
    case 'type':
      return `type:${value.startsWith('document:') ? value.slice('document:'.length) : value}`;
    case 'country':
      return `country:${value}`;
    case 'theme':
      return `theme:${value}`;
    case 'language':
      return `lang:${value}`;
    case 'year':
      return `year:${value}`;
  }
}

const words = (query: string) => query.split(/\s+/).filter(Boolean);

export function hasToken(query: string, token: string): boolean {
  return words(query).some((word) => word.toLowerCase() === token.toLowerCase());
}

/** Adds the filter word, or removes it when the query has it already. */
export function toggleToken(query: string, token: string): string {
  if (hasToken(query, token)) return words(query).filter((word) => word.toLowerCase() !== token.toLowerCase()).join(' ');
  return [...words(query), token].join(' ');
}
