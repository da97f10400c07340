// Where Docker Desktop keeps its files on each platform (docs: desktop/settings-and-maintenance/settings.md for
// settings-store.json / settings.json, settings-management/configure-json-file.md for admin-settings.json, and
// "Docker Engine" settings for ~/.docker/daemon.json). A WSL distro reaches the Windows files through /mnt/c.
import { joinPath, platformDirs, type PlatformDirs } from '../platformPaths';

export interface DesktopPaths {
  /** User settings, newest format first: settings-store.json (4.35+), then settings.json (4.34 and earlier). */
  settings: Array<{ path: string; kind: 'settings-store' | 'settings' }>;
  admin: string[];
  /** The "Docker Engine" JSON of Settings: Desktop's daemon.json (its `proxies` are ignored). */
  engineJson: string;
  /** Windows containers mode: dockerd.exe on the host reads this one. */
  windowsEngineJson?: string;
  /** Desktop's host-side files that look like dockerd's but are never read by its dockerd. */
  notRead: string[];
}

export function desktopPaths(platform: string, home: string, env: Readonly<Record<string, string | undefined>>): DesktopPaths {
  const d: PlatformDirs = platformDirs(platform, home, env);
  const j = (...p: string[]) => joinPath(d.flavour, ...p);
  if (platform === 'darwin') {
    const group = j(home, 'Library/Group Containers/group.com.docker');
    // One Settings Management page names ~/Library/Application Support/Docker for the same file: probe it too.
    const support = j(home, 'Library/Application Support/Docker');
    return {
      settings: [
        { path: j(group, 'settings-store.json'), kind: 'settings-store' },
        { path: j(support, 'settings-store.json'), kind: 'settings-store' },
        { path: j(group, 'settings.json'), kind: 'settings' },
      ],
      admin: ['/Library/Application Support/com.docker.docker/admin-settings.json'],
      engineJson: j(home, '.docker/daemon.json'),
      notRead: ['/etc/docker/daemon.json'],
    };
  }
  if (platform === 'win32') {
    return {
      settings: [
        { path: j(d.appData!, 'Docker', 'settings-store.json'), kind: 'settings-store' },
        { path: j(d.appData!, 'Docker', 'settings.json'), kind: 'settings' },
      ],
      admin: [j(d.programData!, 'DockerDesktop', 'admin-settings.json')],
      engineJson: j(home, '.docker', 'daemon.json'),
      windowsEngineJson: j(d.programData!, 'Docker', 'config', 'daemon.json'),
      notRead: [],
    };
  }
  return {
    settings: [
      { path: j(home, '.docker/desktop/settings-store.json'), kind: 'settings-store' },
      { path: j(home, '.docker/desktop/settings.json'), kind: 'settings' },
    ],
    admin: ['/usr/share/docker-desktop/admin-settings.json'],
    engineJson: j(home, '.docker/daemon.json'),
    notRead: ['/etc/docker/daemon.json', '/etc/systemd/system/docker.service.d/'],
  };
}

/** Desktop for Windows seen from a WSL distro: the Windows profile's files through the drvfs mount. */
export function desktopPathsFromWsl(windowsHome: string): DesktopPaths {
  const roaming = `${windowsHome}/AppData/Roaming/Docker`;
  return {
    settings: [{ path: `${roaming}/settings-store.json`, kind: 'settings-store' }, { path: `${roaming}/settings.json`, kind: 'settings' }],
    admin: ['/mnt/c/ProgramData/DockerDesktop/admin-settings.json'],
    engineJson: `${windowsHome}/.docker/daemon.json`,
    notRead: ['/etc/docker/daemon.json', '/etc/systemd/system/docker.service.d/'],
  };
}
