// How buildx reads one `--driver-opt` value: as one CSV record (Go encoding/csv, strict quotes), each field a
// `key=value` pair (buildx builder/builder.go csvToMap; facts §5 and §11). Checked against buildx 0.13.
import { subMapped, type MappedText } from '../parse/mapped';
import type { DriverOpt } from './scriptUnit';

export interface CsvField {
  /** The field after CSV unquoting. */
  text: string;
  /** Mapped to the document (quotes removed; a doubled `""` maps to its second quote). */
  mapped: MappedText;
  /** True when the field was written in CSV quotes. */
  quoted: boolean;
}

export interface CsvRecord {
  fields: CsvField[];
  /** Go's csv error text when the record does not parse (buildx then refuses the option). */
  error?: string;
}

/** Parses one CSV record the way Go's encoding/csv does with default options (no lazy quotes, no trimming). */
export function parseCsvRecord(m: MappedText): CsvRecord {
  const s = m.text;
  const fields: CsvField[] = [];
  let i = 0;
  for (;;) {
    if (s[i] === '"') {
      let text = '';
      const offsets: number[] = [];
      let k = i + 1;
      let closed = false;
      while (k < s.length) {
        if (s[k] === '"') {
          if (s[k + 1] === '"') { text += '"'; offsets.push(m.offsets[k + 1]); k += 2; continue; }
          closed = true;
          k++;
          break;
        }
        text += s[k];
        offsets.push(m.offsets[k]);
        k++;
      }
      offsets.push(m.offsets[Math.max(i + 1, k - 1)]);
      if (!closed) return { fields, error: 'extraneous or missing " in quoted-field' };
      if (k < s.length && s[k] !== ',') return { fields, error: 'extraneous or missing " in quoted-field' };
      fields.push({ text, mapped: { text, offsets }, quoted: true });
      if (k >= s.length) return { fields };
      i = k + 1;
      continue;
    }
    let k = i;
    while (k < s.length && s[k] !== ',') k++;
    const part = subMapped(m, i, k);
    if (part.text.includes('"')) return { fields, error: 'bare " in non-quoted-field' };
    fields.push({ text: part.text, mapped: part, quoted: false });
    if (k >= s.length) return { fields };
    i = k + 1;
  }
}

export interface DriverOptPair {
  key: string;
  value: string;
  /** The value, mapped to the document. */
  mapped: MappedText;
  field: CsvField;
}

/** The `key=value` pairs buildx reads from a driver option, or the reason it refuses it. */
export function driverOptPairs(opt: DriverOpt): { pairs: DriverOptPair[]; error?: string } {
  const record = parseCsvRecord(opt.mapped);
  const pairs: DriverOptPair[] = [];
  for (const field of record.fields) {
    const eq = field.text.indexOf('=');
    if (eq < 0) return { pairs, error: `invalid value "${field.text}", expecting k=v` };
    pairs.push({ key: field.text.slice(0, eq), value: field.text.slice(eq + 1), mapped: subMapped(field.mapped, eq + 1, field.text.length), field });
  }
  return { pairs, error: record.error };
}

/** Environment variable name of an `env.NAME` driver-option key, lower-cased, or undefined. */
export function envKey(key: string): string | undefined {
  return /^env\./i.test(key) ? key.slice(4) : undefined;
}
