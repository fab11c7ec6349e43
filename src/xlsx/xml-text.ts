/**
 * Text for the XML we write, escaped in one scan and only where a character needs it: most cell text (names,
 * document numbers, 支架) needs nothing and is passed on as it is, with no copy.
 *
 * What needs something:
 * - markup: & < > (and " ' inside attribute values);
 * - what XML 1.0 cannot carry (control characters, a surrogate without its pair, U+FFFE/U+FFFF): Excel's escape
 *   _xHHHH_, which Excel, LibreOffice and our reader turn back into the character;
 * - text that already looks like such an escape ("_x0041_"): its underscore becomes _x005F_, so it reads back as
 *   written rather than as "A";
 * - a carriage return in element text (an XML reader turns it into a line feed): _x000D_, as Excel writes it;
 *   tab, line feed and carriage return in an attribute value (a reader turns them into spaces): character references.
 */

// The control characters in these two classes are the point: they are what XML 1.0 cannot carry.
/** Anything in element text that the slow path must look at. */
// eslint-disable-next-line no-control-regex
const TEXT_NEEDS = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
/** The same for an attribute value. */
// eslint-disable-next-line no-control-regex
const ATTR_NEEDS = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

const excelEscape = (code: number): string => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** Does s[i..] read "_xHHHH_"? */
function looksLikeEscape(s: string, i: number): boolean {
  if (s.charCodeAt(i + 1) !== 120 /* x */ || s.charCodeAt(i + 6) !== 95 /* _ */) return false;
  for (let k = i + 2; k < i + 6; k++) if (!isHex(s.charCodeAt(k))) return false;
  return true;
}

function escapeSlow(s: string, attribute: boolean): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 95) rep = looksLikeEscape(s, i) ? '_x005F_' : null;
    else if (c < 0x20) {
      if (attribute) rep = c === 9 || c === 10 || c === 13 ? `&#${c};` : excelEscape(c);
      else rep = c === 9 || c === 10 ? null : excelEscape(c);
    } else if (attribute && c === 34) rep = '&quot;';
    else if (attribute && c === 39) rep = '&apos;';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a whole pair (an emoji, a rare 汉字): UTF-8 carries it
        continue;
      }
      rep = excelEscape(c);
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) rep = excelEscape(c);
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Text for element content (a cell's <t>, a formula). */
export const xmlText = (s: string): string => (TEXT_NEEDS.test(s) ? escapeSlow(s, false) : s);

/** Text for an attribute value in double or single quotes. */
export const xmlAttr = (s: string): string => (ATTR_NEEDS.test(s) ? escapeSlow(s, true) : s);

/**
 * Strings written as UTF-8 into a fixed buffer, handed to `emit` each time it fills (and at flush): a sheet is
 * rendered a row at a time and never exists as one string. `emit` must be done with the bytes when it returns
 * (it deflates and checksums them); the buffer is then reused.
 */
export class Utf8Chunks {
  private readonly buf: Buffer;
  private off = 0;

  constructor(
    private readonly emit: (bytes: Buffer) => void,
    private readonly size = 1 << 18,
  ) {
    this.buf = Buffer.allocUnsafe(size);
  }

  write(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: with that much room, the write cannot fall short.
    const most = s.length * 3;
    if (this.off + most > this.size) {
      this.flush();
      if (most > this.size) {
        this.emit(Buffer.from(s, 'utf8'));
        return;
      }
    }
    this.off += this.buf.write(s, this.off, 'utf8');
  }

  flush(): void {
    if (!this.off) return;
    this.emit(this.buf.subarray(0, this.off));
    this.off = 0;
  }
}
