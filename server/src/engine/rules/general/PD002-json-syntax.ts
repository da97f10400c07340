import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import type { LineIndex } from '../../lineIndex';
import type { JsonSyntaxError } from '../../parse/json';
import { hasPlaceholder, isTemplatePath } from '../../proxy/placeholder';
import { MEASURED, SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** The last non-blank character before `offset`, or -1. */
function previousChar(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

/**
 * Where the user made the mistake, not where the parser noticed it: a trailing comma on the comma itself, a missing
 * comma at the end of the member before it.
 */
function located(text: string, lines: LineIndex, e: JsonSyntaxError, reader: string): RuleFinding {
  const at = lines.offsetAt(e.range.start);
  const prev = previousChar(text, at);
  if (text[prev] === ',' && (text[at] === '}' || text[at] === ']')) {
    return {
      range: lines.range(prev, prev + 1),
      message: `Invalid JSON: trailing comma before "${text[at]}"; ${reader}. Remove the comma.`,
      fixes: [lazyFix('Remove the trailing comma', true, () => [{ range: lines.range(prev, prev + 1), newText: '' }])],
    };
  }
  if (/comma expected/.test(e.message) && prev >= 0) {
    return {
      range: lines.range(prev, prev + 1),
      message: `Invalid JSON: missing comma after this value; ${reader}.`,
      fixes: [lazyFix('Insert a comma', false, () => [{ range: lines.range(prev + 1, prev + 1), newText: ',' }])],
    };
  }
  return { range: e.range, message: `Invalid JSON: ${e.message}; ${reader}.` };
}

export const jsonSyntax: Rule = {
  meta: {
    id: 'PD002',
    name: 'json-syntax',
    kinds: ['daemon-json', 'cli-config'],
    defaultSeverity: 'error',
    summary: 'The file is not strict JSON, so Docker cannot read it (comments and trailing commas are not allowed).',
    description:
      'dockerd and the docker CLI read these files with Go\'s `encoding/json`, which accepts neither comments nor ' +
      'trailing commas. For **daemon.json** dockerd refuses to start (`unable to configure the Docker daemon with file …: ' +
      'invalid character …`). For **config.json** the CLI prints `WARNING: Error parsing config file` and carries on ' +
      'without any of the file, proxies included, so containers and builds silently get no proxy.\n\n' +
      'The finding sits where the mistake is: a trailing comma on the comma (with a fix that removes it), a missing ' +
      'comma at the end of the member before it.\n\n' +
      'In a template (`daemon.json.j2`, `.tpl`, `.tmpl`, `.erb`, `.template`) that holds template syntax, the finding ' +
      'is information: the file becomes JSON only once rendered.',
    sources: [SRC.dockerdConfigFile, SRC.cliLoadConfig, SRC.forWinIssueBrokenConfig, MEASURED.dockerdValidate],
    dockerdRefuses: true,
    examples: {
      bad: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128",\n  }\n}\n' },
      good: { kind: 'daemon-json', text: '{\n  "proxies": {\n    "https-proxy": "http://proxy.example.com:3128"\n  }\n}\n' },
    },
  },
  check(doc): RuleFinding[] {
    if (doc.kind !== 'daemon-json' && doc.kind !== 'cli-config') return [];
    // A template (`daemon.json.j2`) with `{{ … }}` or `{% … %}` outside strings is not JSON until it is rendered.
    if (isTemplatePath(doc.path) && hasPlaceholder(doc.text)) {
      return doc.json.syntaxErrors.slice(0, 1).map((e) => ({
        range: e.range,
        severity: 'info' as const,
        message: `Not JSON until rendered (${e.message} here, next to template syntax): only the parts that parse were checked; lint the rendered file too.`,
      }));
    }
    const reader = doc.kind === 'daemon-json' ? 'dockerd will not start' : 'the docker CLI ignores the whole file, proxies included';
    return doc.json.syntaxErrors.slice(0, 1).map((e) => located(doc.text, doc.lines, e, reader));
  },
};
