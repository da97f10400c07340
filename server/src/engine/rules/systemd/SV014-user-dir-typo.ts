import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { isUnitDoc, serviceEnvironment, setsProxy } from './unitProxyAssignments';
import { SRC } from '../../sources';

const TYPO_DIR = /\/\.config\/systemd\/([^/]+)\/docker\.service\.d\/[^/]+$/;

export const userDirTypo: Rule = {
  meta: {
    id: 'SV014',
    name: 'user-dir-typo',
    kinds: ['systemd-dropin'],
    defaultSeverity: 'warning',
    summary: 'A rootless drop-in under ~/.config/systemd/<name>/ is never read: user units live in ~/.config/systemd/user/.',
    description:
      'For rootless Docker, the proxy drop-in goes to `~/.config/systemd/user/docker.service.d/http-proxy.conf` and ' +
      'is applied with `systemctl --user daemon-reload` and `systemctl --user restart docker`. `user` is a literal ' +
      'directory name. A note on Docker\'s proxy page shows `~/.config/systemd/<user>/docker.service.d/`, and a ' +
      'directory named after the account (or anything other than `user`) is never searched by the user manager, so ' +
      'the daemon runs without the proxy.\n\nMove the file to `~/.config/systemd/user/docker.service.d/`.',
    sources: [SRC.daemonProxySystemd, SRC.systemdDropins],
    examples: {
      bad: {
        kind: 'systemd-dropin',
        path: '/home/alice/.config/systemd/alice/docker.service.d/http-proxy.conf',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n',
      },
      good: {
        kind: 'systemd-dropin',
        path: '/home/alice/.config/systemd/user/docker.service.d/http-proxy.conf',
        text: '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n',
      },
    },
  },
  check(doc): RuleFinding[] {
    if (!isUnitDoc(doc) || !doc.path) return [];
    const m = TYPO_DIR.exec(doc.path.replace(/\\/g, '/'));
    if (!m || m[1] === 'user') return [];
    const words = serviceEnvironment(doc).filter(({ word }) => setsProxy(word));
    if (words.length === 0) return [];
    const header = doc.unit.sections.find((s) => s.name === 'Service');
    return [{
      range: header?.range ?? words[0].word.nameRange,
      message: `systemd never reads ~/.config/systemd/${m[1]}/: user units and drop-ins live in ~/.config/systemd/user/. Move this file to ~/.config/systemd/user/docker.service.d/.`,
    }];
  },
};
