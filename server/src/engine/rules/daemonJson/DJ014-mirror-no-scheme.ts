import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { jsonTransformEdit } from '../jsonEdits';
import { maskCredentials } from '../../proxy/url';
import { mirrorEntries, mirrorSubRange } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const mirrorNoScheme: Rule = {
  meta: {
    id: 'DJ014',
    name: 'mirror-no-scheme',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'A "registry-mirrors" entry without http:// or https:// makes dockerd fail to start.',
    description:
      'Each `registry-mirrors` entry must be a full URL with an `http://` or `https://` scheme (`https://mirror.gcr.io`). ' +
      'A bare host (`mirror.gcr.io`, `registry.local:5000`) or another scheme stops dockerd at startup with ' +
      '`invalid mirror: …`.\n\nNote that `dockerd --validate` only catches this since Docker 28.3.0; older versions ' +
      '(26.x, 27.x) print "configuration OK" for such a file and then fail on the real start, so a passing validate is ' +
      'no proof here. Beware the opposite convention in buildkitd.toml, where mirrors are written **without** a scheme.' +
      '\n\nThe quick fix prepends `https://`; use `http://` instead (and list the host in `insecure-registries`) only for ' +
      'a mirror without TLS.',
    sources: [SRC.mobyValidateMirror, SRC.hubMirror, MEASURED.dockerdValidate],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["mirror.gcr.io"]\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["https://mirror.gcr.io"]\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const entry of mirrorEntries(doc)) {
      const trimmed = entry.value.trim();
      const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(trimmed);
      if (scheme && /^https?$/i.test(scheme[1])) continue;
      if (scheme) {
        const lead = entry.value.indexOf(trimmed);
        findings.push({
          range: mirrorSubRange(doc, entry, lead, lead + scheme[1].length),
          message: `A registry mirror must use http:// or https://, not "${scheme[1]}://": dockerd fails to start. A mirror is a registry URL, not a proxy.`,
        });
        continue;
      }
      findings.push({
        range: entry.range,
        message: trimmed === ''
          ? 'Empty registry mirror: dockerd fails to start. Remove it or write "https://host".'
          : `Registry mirror "${maskCredentials(trimmed)}" has no scheme: dockerd fails to start ("invalid mirror"). Write "https://…".`,
        fixes: trimmed === '' ? [] : [lazyFix(
          'Prepend "https://"',
          false,
          () => [jsonTransformEdit(doc.text, [{ path: ['registry-mirrors', entry.index], value: 'https://' + trimmed }])],
        )],
      });
    }
    return findings;
  },
};
