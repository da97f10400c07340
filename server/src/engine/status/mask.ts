// Last line of defence: every string in a report goes through maskCredentials before it leaves the engine, whatever
// a layer builder or a check forgot. Values are masked where they are made; this catches the rest.
import { maskCredentials } from '../proxy/url';

export function maskDeep<T>(value: T): T {
  if (typeof value === 'string') return maskCredentials(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}
