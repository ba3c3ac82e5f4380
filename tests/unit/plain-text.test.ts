import { describe, expect, it } from 'vitest';
import { plainText } from '../../electron/core/library/plain-text';
import { shorten } from '../../shared/text';

describe('plain text for list summaries', () => {
  it('drops tags, scripts and styles, decodes entities and collapses whitespace', () => {
    expect(plainText('<p>Housing &amp; <b>shelter</b></p>\n<script>alert(1)</script><style>p{}</style><p>caf&#233; &#x2019;s&nbsp;x</p>')).toBe('Housing & shelter café ’s x');
    expect(plainText('&bogus; &#0; 3 &lt; 4')).toBe('&bogus; &#0; 3 < 4');
  });

  it('cuts long text at a word with an ellipsis', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('integration of migrants in the labour market', 20)).toBe('integration of…');
    expect(shorten('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('lets the ellipsis replace the punctuation a cut ends on: never ".…"', () => {
    expect(shorten('The study ended in 2024. Its results follow here', 27)).toBe('The study ended in 2024…');
    expect(shorten('Housing, schools, jobs and more besides', 20)).toBe('Housing, schools…');
    expect(shorten('Ends here. ' + 'x'.repeat(40), 16)).toBe('Ends here…');
  });
});
