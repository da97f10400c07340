// Shared by the Compose rules: the rule wrapper, proxy variables per service, and line-based YAML edits (insert a
// sibling entry, add a key to a block map) that keep the file's own indentation.
import type { ComposeDocument, ParsedDocument } from '../../document';
import type { ProxyVariable, RuleFinding, TextEdit } from '../../findingTypes';
import type { Rule, RuleMeta } from '../../rule';
import type { ComposeService, ComposeVar } from '../../parse/compose';
import { envVariableOf } from '../../proxy/names';
import { isMap, nodeSpan, type Node } from '../../parse/yaml';

export function defineComposeRule(meta: RuleMeta, check: (doc: ComposeDocument) => RuleFinding[]): Rule {
  return { meta, check: (doc: ParsedDocument) => (doc.kind === 'compose' ? check(doc) : []) };
}

export interface ProxyVar extends ComposeVar { variable: ProxyVariable }

export function proxyVars(vars: readonly ComposeVar[]): ProxyVar[] {
  const result: ProxyVar[] = [];
  for (const v of vars) {
    const variable = envVariableOf(v.name);
    if (variable) result.push({ ...v, variable });
  }
  return result;
}

/** Every service's environment and build args, each proxy variable once (merged anchors repeat them). */
export function eachProxyVar(doc: ComposeDocument, fn: (service: ComposeService, v: ProxyVar, section: 'environment' | 'build.args') => void): void {
  const seen = new Set<string>();
  for (const service of doc.compose.services) {
    for (const [section, vars] of [['environment', service.environment], ['build.args', service.build?.args ?? []]] as const) {
      for (const v of proxyVars(vars)) {
        const key = `${section}:${v.range.start.line}:${v.range.start.character}`;
        if (seen.has(key)) continue;
        seen.add(key);
        fn(service, v, section);
      }
    }
  }
}

/** Text of a document line up to a column, when it is only indentation (and a `- ` list marker). */
function blockPrefix(doc: ComposeDocument, line: number, character: number): string | undefined {
  const before = doc.lines.lineText(line).slice(0, character);
  return /^[ \t]*(?:- +)?$/.test(before) ? before : undefined;
}

/**
 * Edit that adds `text` as a new entry right after `entry` (a list item or map pair on one line of a block
 * collection), with the same indentation and list marker. Undefined for flow style or multi-line entries.
 */
export function insertSiblingAfter(doc: ComposeDocument, entry: ComposeVar, text: string): TextEdit | undefined {
  const { start, end } = entry.range;
  if (start.line !== end.line) return undefined;
  const prefix = blockPrefix(doc, start.line, start.character);
  if (prefix === undefined) return undefined;
  const at = doc.lines.positionAt(doc.lines.lineEnd(end.line));
  return { range: { start: at, end: at }, newText: `${doc.lines.eol}${prefix}${text}` };
}

/** Edit that adds `key:` with `lines` (already indented relative to the key) as the first key of a block map. */
export function insertFirstKey(doc: ComposeDocument, map: Node, keyText: string, lines: readonly string[]): TextEdit | undefined {
  if (!isMap(map) || (map as unknown as { flow?: boolean }).flow) return undefined;
  const span = nodeSpan(map);
  if (!span) return undefined;
  const pos = doc.lines.positionAt(span[0]);
  const indent = doc.lines.lineText(pos.line).slice(0, pos.character);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const eol = doc.lines.eol;
  const body = [`${keyText}:`, ...lines.map((l) => `${indent}  ${l}`)].join(eol);
  return { range: { start: pos, end: pos }, newText: `${body}${eol}${indent}` };
}
