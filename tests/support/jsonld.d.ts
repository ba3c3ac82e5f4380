// The part of jsonld.js's API the export tests use (it ships no types).
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface Options {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Fails on anything expansion would drop (an undefined term, a relative IRI …) instead of dropping it. */
    safe?: boolean;
    format?: 'application/n-quads';
  }
  const jsonld: {
    expand(input: unknown, options?: Options): Promise<Array<Record<string, unknown>>>;
    toRDF(input: unknown, options?: Options & { format: 'application/n-quads' }): Promise<string>;
  };
  export default jsonld;
}
