// base64url without padding (RFC 4648 §5), written out so core needs no btoa/atob or Buffer.
// decode reports the first bad character instead of throwing. Depends on nothing.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

export type Base64urlResult =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'bad-char'; index: number; char: string }
  | { kind: 'bad-length'; length: number };

/** Decodes unpadded base64url. A length of 4n+1 cannot come from any byte string (a truncated payload). */
export function base64urlDecode(text: string): Base64urlResult {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || VALUES[code]! < 0)
      return { kind: 'bad-char', index: i, char: String.fromCodePoint(text.codePointAt(i)!) };
  }
  if (text.length % 4 === 1) return { kind: 'bad-length', length: text.length };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n =
      (value(text, i) << 18) | (value(text, i + 1) << 12) | (value(text, i + 2) << 6) | value(text, i + 3);
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest >= 2) {
    const n =
      (value(text, i) << 18) | (value(text, i + 1) << 12) | (rest === 3 ? value(text, i + 2) << 6 : 0);
    bytes[o++] = n >> 16;
    if (rest === 3) bytes[o] = (n >> 8) & 255;
  }
  return { kind: 'ok', bytes };
}

function value(text: string, index: number): number {
  return VALUES[text.charCodeAt(index)]!;
}
