// One `NAME=value` assignment as both systemd-related formats give it (a word of a unit file's `Environment=`, or a
// line of a shell-style environment file), with the document ranges of its name and value.
import type { Range } from '../findingTypes';

/** One `%` specifier in an `Environment=` word (anything but `%%`). */
export interface Specifier {
  /** The character after `%` ('' when `%` ends the word). */
  char: string;
  /** Document offset of the `%` (of the escape that produced it, e.g. `\x25`). */
  start: number;
  /** Document offset just past the specifier character. */
  end: number;
}

/** One `NAME=value` assignment: a word of `Environment=`, or a shell-style line. */
export interface EnvAssignment {
  name: string;
  /**
   * The value as the writer meant it: quotes and escapes decoded, `%%` read as `%`, and any other `%x` kept as written
   * (systemd would instead drop the word or substitute something; see `specifiers`).
   */
  value: string;
  nameRange: Range;
  /** The value text in the document, inside any quotes (empty range right after `=` for an empty value). */
  valueRange: Range;
  /** Document offset of value[0] when every value character is exactly one document character. */
  valueOffset?: number;
  /** [start, end) document offsets of the whole word, quotes included. */
  wordStart: number;
  wordEnd: number;
  /** Set when the word is one quoted string from its first to its last character. */
  quote?: '"' | "'";
  /** `%x` specifiers in the word (never `%%`). Empty for shell-style lines. */
  specifiers: Specifier[];
  /** Why systemd (or the shell) ignores this word, when it does: unterminated quote, bad escape, no `=`, bad name. */
  invalid?: string;
  /**
   * systemd rejects the word (an unclosed quote, an unknown backslash escape such as `DOMAIN\user`), but the name is
   * valid and what the writer meant is clear: `value` holds it (the quote read to the end, the backslash kept).
   */
  recoverable?: boolean;
  /**
   * Set when one quoted word holds several assignments (`"HTTP_PROXY=a HTTPS_PROXY=b"`): systemd sets only `name`
   * (to the whole rest); these are the assignments the writer meant, this word's own first, each with its own ranges.
   */
  packed?: EnvAssignment[];
  line: number;
}

/** What systemd and the shell accept as a variable name. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A decoded character and the document span it came from. */
export interface SrcChar { ch: string; start: number; end: number }

/** True when every decoded character is exactly one document character, in order (so value offsets map 1:1). */
export function isOneToOne(chars: readonly SrcChar[]): boolean {
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].end - chars[i].start !== 1) return false;
    if (i > 0 && chars[i].start !== chars[i - 1].end) return false;
  }
  return true;
}
