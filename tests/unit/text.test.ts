// The one HTML-to-text reading and letter fold (shared/text.ts), and the two
// places its callers read HTML differently.
import { describe, expect, it } from 'vitest';
import { foldLetters, htmlToText } from '../../shared/text';

describe('htmlToText', () => {
  it('drops scripts, styles and tags, decodes entities and references, folds blanks', () => {
    expect(htmlToText('<p>Housing &AMP; <b>shelter</b></p>\n<script>x()</script><style>p{}</style> caf&#233; &#X2019;s&nbsp;x &bogus;')).toBe('Housing & shelter café ’s x &bogus;');
  });

  it('decodes every numeric reference by default (no code point, NUL or a surrogate as U+FFFD, as a browser does), and only valid code points when asked', () => {
    expect(htmlToText('a&#0;b &#00000065;')).toBe('a\ufffdb A');
    expect(htmlToText('x&#99999999;y &#x110000; &#xD800; &#1114111;')).toBe('x\ufffdy \ufffd \ufffd \u{10ffff}');
    expect(htmlToText('a&#0;b &#00000065; &#x110000; &#x41;', { validReferencesOnly: true })).toBe('a&#0;b &#00000065; &#x110000; A');
  });

  it('ends a script at an end tag with blanks only when asked', () => {
    expect(htmlToText('<script>x()</script >after')).toBe('x() after');
    expect(htmlToText('<script>x()</script >after', { blanksInEndTags: true })).toBe('after');
  });
});

describe('foldLetters', () => {
  it('spells letters without a decomposition as Latin letters, keeping case, and leaves accents to the index', () => {
    expect(foldLetters('Łódź Ørsted Æsir Straße þing Ħamrun é')).toBe('Lódź Orsted AEsir Strasse thing Hamrun é');
  });
});
