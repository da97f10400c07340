// Path flavours of the machine being modelled. The engine never uses node:path: a Windows machine's files are named
// `C:\Users\alice\AppData\Roaming\Docker\settings-store.json` even when the model is computed on Linux (tests), and a
// macOS home lives under /Users. Everything here is pure string work on the Machine's platform, home and environment.

export type PathFlavour = 'posix' | 'win32';

export function flavourOf(platform: string): PathFlavour {
  return platform === 'win32' ? 'win32' : 'posix';
}

/** Joins path parts with the flavour's separator, collapsing doubled separators (not the `\\.\pipe` prefix). */
export function joinPath(flavour: PathFlavour, ...parts: string[]): string {
  if (flavour === 'win32') {
    const joined = parts.filter((p) => p !== '').map((p) => p.replace(/\//g, '\\')).join('\\');
    return joined.replace(/(?<!^)\\{2,}/g, '\\');
  }
  return parts.filter((p) => p !== '').join('/').replace(/\/{2,}/g, '/');
}

/** Windows environment names are case-insensitive (`APPDATA`, `AppData`); POSIX ones are not. */
export function envValue(env: Readonly<Record<string, string | undefined>>, name: string, flavour: PathFlavour): string | undefined {
  if (env[name]) return env[name];
  if (flavour !== 'win32') return undefined;
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? env[key] || undefined : undefined;
}

export interface PlatformDirs {
  flavour: PathFlavour;
  home: string;
  /** %APPDATA% (Windows: roaming application data). */
  appData?: string;
  /** %ProgramData% (Windows: machine-wide application data). */
  programData?: string;
}

export function platformDirs(platform: string, home: string, env: Readonly<Record<string, string | undefined>>): PlatformDirs {
  const flavour = flavourOf(platform);
  if (flavour !== 'win32') return { flavour, home };
  return {
    flavour,
    home,
    appData: envValue(env, 'APPDATA', flavour) ?? joinPath(flavour, home, 'AppData', 'Roaming'),
    programData: envValue(env, 'ProgramData', flavour) ?? 'C:\\ProgramData',
  };
}

/** A Windows path as a WSL distro sees it through its drvfs mount: `C:\Users\a` → `/mnt/c/Users/a`. */
export function wslMountPath(windowsPath: string, mountRoot = '/mnt'): string | undefined {
  const m = /^([A-Za-z]):[\\/]?(.*)$/.exec(windowsPath);
  if (!m) return undefined;
  return `${mountRoot}/${m[1].toLowerCase()}/${m[2].replace(/\\/g, '/')}`.replace(/\/$/, '');
}

/** Text with Windows line ends (or a lone CR) and a UTF-8 byte-order mark made plain for line-based readers. */
export function plainText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
