import { describe, expect, it } from 'vitest';
import { parseHighlight } from './highlight';

describe('parseHighlight', () => {
  it('splits a title into plain text and matches', () => {
    expect(parseHighlight('Deutsches Zentrum für <mark>Luft</mark>- und <mark>Raumfahrt</mark>')).toEqual([
      { text: 'Deutsches Zentrum für ', isMatch: false },
      { text: 'Luft', isMatch: true },
      { text: '- und ', isMatch: false },
      { text: 'Raumfahrt', isMatch: true },
    ]);
  });

  it('turns escaped characters back into text and leaves other markup as text', () => {
    expect(parseHighlight('A &amp; B &lt;script&gt;alert(1)&lt;/script&gt; <mark>C&#39;s</mark>')).toEqual([
      { text: 'A & B <script>alert(1)</script> ', isMatch: false },
      { text: "C's", isMatch: true },
    ]);
  });
});
