// Core types shared by parsers, rules, adapters. No vscode, no LSP transport: plain data.

// The kinds of file are the keys of the file-kind registry (fileKinds.ts); re-exported here with the other core types.
export { FILE_KINDS, type FileKind } from './fileKinds';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all" (source.fixAll) and `lint --fix`; unsafe ones only on request. */
  safe: boolean;
}

/** What a rule reports; the engine adds the rule id and resolves the severity. */
export interface RuleFinding {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. error when a password is involved). */
  severity?: Severity;
  fixes?: Fix[];
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** True when dockerd refuses to start with this file (rule metadata `dockerdRefuses`). */
  dockerdRefuses: boolean;
}

/** Which proxy variable a setting feeds, whatever its spelling in the file. */
/** `socks` is `SOCKS_PROXY`/`socks_proxy`: read by some tools in containers, never by Go, and no predefined build arg. */
export type ProxyVariable = 'http' | 'https' | 'no' | 'ftp' | 'all' | 'socks';

/**
 * Who reads a setting, which decides the NO_PROXY grammar and the proxy-URL rules that apply (facts §0, §6):
 * - `daemon`: dockerd, a Go program (daemon.json, systemd drop-in);
 * - `containers`: whatever runs in containers and RUN steps: curl, wget, python, Go... (config.json, Dockerfile, build args).
 */
export type Consumer = 'daemon' | 'containers';

/** One proxy setting found in a file, normalised across spellings. */
export interface ProxySetting {
  variable: ProxyVariable;
  /** The key or variable name as written (`http-proxy`, `httpProxy`, `HTTPS_PROXY`, `no_proxy`). */
  name: string;
  /** The decoded value. */
  value: string;
  nameRange: Range;
  /** Range of the value text (inside the quotes for JSON strings). */
  valueRange: Range;
  /**
   * Offset in the document of value[0] when every character of `value` maps to one character of the document
   * (no escapes, no continuation lines); lets rules point at one NO_PROXY entry. Undefined otherwise.
   */
  valueOffset?: number;
  consumer: Consumer;
}
