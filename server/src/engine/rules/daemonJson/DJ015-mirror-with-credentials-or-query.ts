import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { jsonTransformEdit } from '../jsonEdits';
import { mirrorEntries, mirrorSubRange, splitMirror } from './daemonJsonShape';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

export const mirrorWithCredentialsOrQuery: Rule = {
  meta: {
    id: 'DJ015',
    name: 'mirror-with-credentials-or-query',
    kinds: ['daemon-json'],
    defaultSeverity: 'error',
    summary: 'A registry mirror URL with user:password, a query or a fragment makes dockerd fail to start.',
    description:
      'dockerd accepts a `registry-mirrors` entry only as `http(s)://host[:port][/path]`. A user name or password ' +
      '(`https://user:pass@mirror`), a query (`?key=…`) or a fragment (`#…`) stops dockerd at startup with ' +
      '`invalid mirror: …`. `dockerd --validate` before Docker 28.3.0 does not catch it.\n\nCredentials for a mirror ' +
      'belong in `docker login <mirror-host>` (stored by the client\'s credential helper), not in the URL. A proxy URL ' +
      'with credentials belongs in `proxies`, not in `registry-mirrors`.',
    sources: [SRC.mobyValidateMirror, SRC.hubMirror, MEASURED.dockerdValidate],
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["https://alice:secret@mirror.example.com"]\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "registry-mirrors": ["https://mirror.example.com"]\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const entry of mirrorEntries(doc)) {
      const parts = splitMirror(entry.value);
      if (!parts || !/^https?$/.test(parts.scheme)) continue;
      const problems: string[] = [];
      let cleaned = entry.value;
      const cut = (range: [number, number], withSep: boolean) => {
        cleaned = cleaned.slice(0, range[0]) + cleaned.slice(range[1] + (withSep ? 1 : 0));
      };
      // Cut from the end so earlier offsets stay valid.
      if (parts.fragment) cut(parts.fragment, false);
      if (parts.query) cut(parts.query, false);
      if (parts.userinfo) cut(parts.userinfo, true);
      if (parts.userinfo) problems.push('a user name or password');
      if (parts.query) problems.push('a query');
      if (parts.fragment) problems.push('a fragment');
      if (problems.length === 0) continue;
      const first = parts.userinfo ?? parts.query ?? parts.fragment!;
      const last = parts.fragment ?? parts.query ?? parts.userinfo!;
      findings.push({
        range: mirrorSubRange(doc, entry, first[0], last[1]),
        message: `This registry mirror URL has ${problems.join(' and ')}, which dockerd rejects at startup ("invalid mirror"). ` +
          (parts.userinfo ? 'Use `docker login` for mirror credentials.' : 'Remove it.'),
        fixes: [lazyFix(
          `Remove ${problems.join(' and ')} from the mirror URL`,
          false,
          () => [jsonTransformEdit(doc.text, [{ path: ['registry-mirrors', entry.index], value: cleaned }])],
        )],
      });
    }
    return findings;
  },
};
