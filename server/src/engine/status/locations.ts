// Where each layer's files live on this machine (facts §1 "Config file locations", §3, §8, §9). Paths are absolute
// on the machine being modelled; a fixture machine maps them into its tree.
import type { FileKind } from '../findingTypes';
import { envValue, joinPath, platformDirs } from './platformPaths';

export type FileRole =
  | 'daemon-json' // /etc/docker/daemon.json (or --config-file from ExecStart)
  | 'daemon-json-rootless' // $XDG_CONFIG_HOME/docker/daemon.json
  | 'daemon-json-desktop' // ~/.docker/daemon.json, Docker Desktop's engine configuration
  | 'dropin' // /etc/systemd/system/docker.service.d/*.conf
  | 'dropin-rootless' // ~/.config/systemd/user/docker.service.d/*.conf
  | 'not-read-by-dockerd' // /etc/default/docker, /etc/sysconfig/docker (SV006)
  | 'cli-config'; // $DOCKER_CONFIG/config.json or ~/.docker/config.json

export interface Locations {
  daemonJson: string;
  daemonJsonRootless: string;
  daemonJsonDesktop: string;
  dropInDir: string;
  dropInDirRootless: string;
  notReadByDockerd: string[];
  cliConfig: string;
  /** dockerd's per-registry CAs: /etc/docker/certs.d/<host:port>/*.crt; rootless: $XDG_CONFIG_HOME/docker/certs.d. */
  certsDir: string;
  certsDirRootless: string;
}

const join = (...parts: string[]) => parts.join('/').replace(/\/{2,}/g, '/');

export function locationsFor(env: Readonly<Record<string, string | undefined>>, home: string, platform = 'linux'): Locations {
  if (platform === 'win32') return windowsLocations(env, home);
  const xdgConfig = env.XDG_CONFIG_HOME || join(home, '.config');
  const dockerConfig = env.DOCKER_CONFIG || join(home, '.docker');
  return {
    daemonJson: '/etc/docker/daemon.json',
    daemonJsonRootless: join(xdgConfig, 'docker/daemon.json'),
    daemonJsonDesktop: join(home, '.docker/daemon.json'),
    dropInDir: '/etc/systemd/system/docker.service.d',
    dropInDirRootless: join(xdgConfig, 'systemd/user/docker.service.d'),
    notReadByDockerd: ['/etc/default/docker', '/etc/sysconfig/docker'],
    cliConfig: join(dockerConfig, 'config.json'),
    certsDir: '/etc/docker/certs.d',
    certsDirRootless: join(xdgConfig, 'docker/certs.d'),
  };
}

/**
 * Windows: dockerd.exe (Docker Engine for Windows, or Desktop's Windows-containers mode) reads
 * %ProgramData%\docker\config\daemon.json; the CLI reads %USERPROFILE%\.docker\config.json; there is no systemd.
 */
function windowsLocations(env: Readonly<Record<string, string | undefined>>, home: string): Locations {
  const dirs = platformDirs('win32', home, env);
  const dockerConfig = envValue(env, 'DOCKER_CONFIG', 'win32') || joinPath('win32', home, '.docker');
  return {
    daemonJson: joinPath('win32', dirs.programData!, 'docker', 'config', 'daemon.json'),
    daemonJsonRootless: joinPath('win32', home, '.config', 'docker', 'daemon.json'),
    daemonJsonDesktop: joinPath('win32', home, '.docker', 'daemon.json'),
    dropInDir: '/etc/systemd/system/docker.service.d',
    dropInDirRootless: joinPath('win32', home, '.config', 'systemd', 'user', 'docker.service.d'),
    notReadByDockerd: [],
    cliConfig: joinPath('win32', dockerConfig, 'config.json'),
    certsDir: joinPath('win32', dirs.programData!, 'docker', 'certs.d'),
    certsDirRootless: joinPath('win32', home, '.config', 'docker', 'certs.d'),
  };
}

export function kindOfRole(role: FileRole): FileKind {
  switch (role) {
    case 'cli-config': return 'cli-config';
    case 'dropin':
    case 'dropin-rootless':
    case 'not-read-by-dockerd': return 'systemd-dropin';
    default: return 'daemon-json';
  }
}
