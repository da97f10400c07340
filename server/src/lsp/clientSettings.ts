// Settings per resource: `workspace/configuration` (section dockerProxyDoctor, scopeUri = document) when the client
// supports it, otherwise the initializationOptions / didChangeConfiguration payload. Cached per document.
import { FILE_KINDS, fileGlobKey, type SeveritySetting } from '../engine';
import { DEFAULT_SETTINGS, type DoctorSettings, type FileGlobs } from '../shared/protocol';

const SEVERITIES: ReadonlySet<string> = new Set(['off', 'info', 'warning', 'error']);
const GLOB_KEYS = FILE_KINDS.map(fileGlobKey);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever the client sent (null, partial, wrong types) -> complete settings; bad entries are dropped. */
export function normaliseSettings(raw: unknown): DoctorSettings {
  if (!isObject(raw)) return { ...DEFAULT_SETTINGS, rules: {}, files: {} };
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      const v = typeof value === 'string' ? value.toLowerCase() : value;
      if (typeof v === 'string' && SEVERITIES.has(v)) rules[id] = v as SeveritySetting;
      else if (v === false) rules[id] = 'off';
    }
  }
  const files: FileGlobs = {};
  if (isObject(raw.files)) {
    for (const key of GLOB_KEYS) {
      const value = raw.files[key];
      const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      const globs = list.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
      if (globs.length) files[key] = globs;
    }
  }
  return { enable: raw.enable !== false, rules, files };
}

/** Settings section out of a didChangeConfiguration / initializationOptions payload (`{dockerProxyDoctor: {...}}` or the section itself). */
export function sectionOf(payload: unknown, section: string): unknown {
  if (!isObject(payload)) return undefined;
  if (isObject(payload[section])) return payload[section];
  if ('enable' in payload || 'rules' in payload || 'files' in payload) return payload;
  return undefined;
}

export type ConfigurationFetcher = (uri: string | undefined) => Promise<unknown>;

/**
 * Caches one settings promise per document. With a fetcher (client has the configuration capability) each document
 * asks for its own scope; without one, every document gets the global settings last pushed by the client.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<DoctorSettings>>();
  private global: DoctorSettings = normaliseSettings(undefined);

  constructor(private readonly fetcher: ConfigurationFetcher | undefined, private readonly onError: (error: unknown) => void = () => undefined) {}

  setGlobal(raw: unknown): void {
    this.global = normaliseSettings(raw);
  }

  get(uri: string): Promise<DoctorSettings> {
    if (!this.fetcher) return Promise.resolve(this.global);
    let pending = this.cache.get(uri);
    if (!pending) {
      pending = this.fetcher(uri).then(
        (raw) => normaliseSettings(raw ?? undefined),
        (error) => {
          this.onError(error);
          this.cache.delete(uri);
          return this.global;
        },
      );
      this.cache.set(uri, pending);
    }
    return pending;
  }

  /** The machine-wide (unscoped) settings: the Proxy Status is about the machine, not about one document. */
  async unscoped(): Promise<DoctorSettings> {
    if (!this.fetcher) return this.global;
    try {
      return normaliseSettings((await this.fetcher(undefined)) ?? undefined);
    } catch (error) {
      this.onError(error);
      return this.global;
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
