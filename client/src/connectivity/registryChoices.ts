// Which registries the connectivity test offers: Docker Hub, the ones in settings, and the ones the workspace's
// Dockerfiles pull FROM. Pure (the command reads the files); no `vscode` import.

/** Docker Hub's registry endpoint; its token realm is auth.docker.io (the server probes both). */
export const DOCKER_HUB = 'registry-1.docker.io';

/** Names that mean Docker Hub when written as an image's first path component. */
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * Registry host[:port] an image reference is pulled from, following the CLI's rule: the first path component is a
 * registry only when it has a dot or a colon or is `localhost`; otherwise the image is on Docker Hub.
 * Undefined for `scratch` and for references that are (or start with) a build variable.
 */
export function registryOfImage(ref: string): string | undefined {
  const image = ref.trim();
  if (!image || image === 'scratch' || image.includes('$')) return undefined;
  const slash = image.indexOf('/');
  if (slash < 0) return DOCKER_HUB;
  const first = image.slice(0, slash).toLowerCase();
  if (!(first.includes('.') || first.includes(':') || first === 'localhost')) return DOCKER_HUB;
  return HUB_ALIASES.has(first) ? DOCKER_HUB : first;
}

/**
 * Registries named by the FROM lines of one Dockerfile, in order, without duplicates. `FROM stage` of an earlier
 * `AS stage` is a build stage, not an image; `--platform=…` flags are skipped; line continuations are joined.
 */
export function registriesInDockerfile(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const stages = new Set<string>();
  const found: string[] = [];
  for (const line of joined.split(/\r?\n/)) {
    const match = /^\s*FROM\s+(.*)$/i.exec(line);
    if (!match) continue;
    const words = match[1].split(/\s+/).filter((w) => w && !w.startsWith('--'));
    const image = words[0];
    if (!image) continue;
    const asIndex = words.findIndex((w) => w.toLowerCase() === 'as');
    const registry = stages.has(image.toLowerCase()) ? undefined : registryOfImage(image);
    if (asIndex > 0 && words[asIndex + 1]) stages.add(words[asIndex + 1].toLowerCase());
    if (registry && !found.includes(registry)) found.push(registry);
  }
  return found;
}

/** `host[:port]` as typed in settings: scheme, path and blanks dropped, lower-case host; undefined when unusable. */
export function normalizeRegistry(value: string): string | undefined {
  const v = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  if (!v || /[\s@]/.test(v) || !/^[a-z0-9.\-[\]:]+$/.test(v)) return undefined;
  return HUB_ALIASES.has(v) ? DOCKER_HUB : v;
}

export interface RegistryChoice {
  registry: string;
  /** Where it comes from: `Docker Hub`, `setting`, `Dockerfile, app/Dockerfile`. */
  origin: string;
  picked: boolean;
}

/** The pick list: Docker Hub first, then settings, then Dockerfiles; each registry once, every entry picked. */
export function registryChoices(settings: readonly string[], dockerfiles: ReadonlyArray<{ file: string; registries: string[] }>): RegistryChoice[] {
  const out: RegistryChoice[] = [{ registry: DOCKER_HUB, origin: 'Docker Hub (token realm auth.docker.io)', picked: true }];
  const add = (registry: string | undefined, origin: string) => {
    if (!registry) return;
    const existing = out.find((c) => c.registry === registry);
    if (existing) {
      if (!existing.origin.includes(origin)) existing.origin += `, ${origin}`;
      return;
    }
    out.push({ registry, origin, picked: true });
  };
  for (const s of settings) add(normalizeRegistry(s), 'setting');
  for (const d of dockerfiles) for (const r of d.registries) add(r, `FROM in ${d.file}`);
  return out;
}
