import type { Rule } from '../../rule';
import { MEASURED, SRC } from '../../sources';

/**
 * Reported by the engine itself (see lint.ts) before parsing: binary content or a file over the size limit.
 * The check here never fires; it exists so the finding has metadata, settings and a docs page like any rule.
 */
export const fileNotLintable: Rule = {
  meta: {
    id: 'PD001',
    name: 'file-not-lintable',
    kinds: ['dockerfile', 'daemon-json', 'cli-config', 'systemd-dropin'],
    defaultSeverity: 'info',
    summary: 'The file is binary, too large or nested too deeply to lint; nothing in it was checked.',
    description:
      'Docker Proxy Doctor skips files that contain NUL bytes (binary content), exceed the size limit ' +
      '(2 MiB), or, for JSON files, nest objects and arrays more than 64 levels deep (real daemon.json and ' +
      'config.json files nest three or four), so that a stray file never stalls or crashes the editor. ' +
      'Nothing in such a file was checked. The message names the reason, and for deep nesting the depth found. ' +
      'If it really is a Dockerfile, daemon.json, config.json or systemd drop-in, check its encoding (UTF-8) and size.',
    sources: [SRC.rfc8259Limits, MEASURED.engineLimits],
    examples: {
      bad: { kind: 'daemon-json', text: '{"proxies":\u0000{}}' },
      good: { kind: 'daemon-json', text: '{}' },
    },
  },
  check: () => [],
};
