// Some CORDIS exports carry UTF-8 text that was once decoded as Mac Roman: "M√ºnster" for
// "Münster", "T√úV" for "TÜV". Re-encoding such text as Mac Roman gives back the UTF-8 bytes.

const macRoman = new TextDecoder('macintosh');
const macRomanByte = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) macRomanByte.set(macRoman.decode(Uint8Array.of(byte)), byte);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** "√" (Mac Roman 0xC3) starts every German and most Western UTF-8 letters read as Mac Roman. */
const suspicious = /√/;

/** Repairs text decoded as Mac Roman instead of UTF-8; leaves any other text unchanged. */
export function repairMojibake(text: string): string {
  if (!suspicious.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const byte = code < 0x80 ? code : macRomanByte.get(ch);
    if (byte === undefined) return text;
    bytes.push(byte);
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}
