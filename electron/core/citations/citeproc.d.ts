// The part of citeproc-js's API we use (the package ships no types).
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | false;
    retrieveItem(id: string): Record<string, unknown>;
  }
  export interface BibliographyMeta {
    bibstart: string;
    bibend: string;
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [BibliographyMeta, string[]] | false;
    makeCitationCluster(items: Array<{ id: string }>): string;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
