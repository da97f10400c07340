// The error explainer: finds known proxy failures in a log or a terminal line and explains them with the cause
// catalog (the same causes the connectivity test reports). Line-oriented; a match may span one wrapped line.
import type { LayerId } from '../status/report';
import { maskCredentials } from '../proxy/url';
import { causeById, type Cause } from './catalog';
import { cleanLine, layerOfSource, logLines, originalIndex, type LineSource, type LogLine } from './logLines';
import { contextFromLog, matchCauses, type MatchContext } from './match';

export interface Explanation {
  /** 1-based line where the error starts. */
  line: number;
  /** Start and end of the matched text in that line (without ANSI codes); `end` may lie past it when wrapped. */
  start: number;
  end: number;
  id: string;
  title: string;
  /** The layer at fault: the cause's own, else the one the line's context points at. */
  layer?: LayerId;
  cause: string;
  action: string;
  related: string[];
  /** The cleaned line (masked, at most 400 characters). */
  text: string;
  /** The words that identified the cause (masked). */
  matched: string;
  /** Other causes whose texts match too, most likely first. */
  alternatives: Array<{ id: string; title: string }>;
  /** What tells the candidates apart, when the text alone is ambiguous. */
  decide?: string;
  source: LineSource;
}

/** What the caller knows beyond the text: the proxy hosts of this machine (from its model), to tell a failed proxy
 * name or address from a failed registry one. */
export interface ExplainOptions {
  knownProxyHosts?: string[];
}

const MAX_TEXT = 400;
/** Lines longer than this are cut before matching: a log line of megabytes is not an error message. */
const MAX_LINE = 8_000;
/** Stop after this many explanations: one log rarely has more distinct proxy errors. */
const MAX_RESULTS = 200;

function clip(text: string): string {
  // curl -v and proxy logs print the Basic credentials as a header; base64 is not a mask
  const t = maskCredentials(text.trim()).replace(/((?:Proxy-)?Authorization:\s*\w+\s+)\S+/gi, '$1xxxxx');
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

function explanationOf(l: LogLine, joined: string, ownLength: number, lineText: string, ctx?: MatchContext): Explanation | undefined {
  const matches = matchCauses(joined, ctx);
  if (matches.length === 0) return undefined;
  const best = matches[0];
  const index = Math.max(0, joined.indexOf(best.text));
  // a match that lies wholly in the continuation belongs to the next line, which is explained on its own
  if (index >= ownLength) return undefined;
  const c: Cause = best.cause;
  // equally likely candidates: the text alone cannot decide, so borrow the runner-up's advice when the winner has none
  const ambiguous = matches.length > 1 && matches[1].cause.priority === c.priority;
  return {
    line: l.line,
    start: originalIndex(l, index),
    end: originalIndex(l, index + best.text.length, true),
    id: c.id,
    title: c.title,
    layer: c.layer ?? layerOfSource(l.source),
    cause: c.cause,
    action: c.action,
    related: c.related,
    text: clip(lineText),
    matched: clip(best.text),
    alternatives: matches.slice(1).map((m) => ({ id: m.cause.id, title: m.cause.title })),
    decide: best.decide ?? c.decide ?? (ambiguous ? matches[1].cause.decide : undefined),
    source: l.source,
  };
}

// The connectivity test's own report (engine/probe/reportText.ts) names its causes: `   cause:    [proxy-refused] …`
// under `== [FAIL] daemon → registry-1.docker.io …`. A pasted report is explained with the same catalog entries.
const REPORT_HEADER = /^== \[(?:FAIL|TIMEOUT|UNREACHABLE)\] ([a-z-]+)/;
const REPORT_CAUSE = /^\s+cause:\s+\[([a-z0-9-]+)\]/;
const LAYERS: readonly LayerId[] = ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args'];

function fromReport(l: LogLine, layer: LayerId | undefined): Explanation | undefined {
  const m = REPORT_CAUSE.exec(l.text);
  const c = m ? causeById(m[1]) : undefined;
  if (!m || !c) return undefined;
  return {
    line: l.line, start: originalIndex(l, m[0].indexOf('[')), end: originalIndex(l, m[0].length, true), id: c.id, title: c.title,
    layer: c.layer ?? layer, cause: c.cause, action: c.action, related: c.related, text: clip(l.text), matched: m[0].trim(),
    alternatives: [], decide: c.decide, source: l.source,
  };
}

/**
 * Every recognised error in a log, once each, in line order: a cause is reported at its first line for each layer
 * (BuildKit prints an error twice, npm spreads one over several `npm ERR!` lines, apt retries per mirror).
 */
export function explainLog(text: string, options?: ExplainOptions): Explanation[] {
  const lines = logLines(text);
  const ctx = contextFromLog(text, options?.knownProxyHosts);
  const found: Explanation[] = [];
  const seen = new Set<string>();
  let reportLayer: LayerId | undefined;
  for (let i = 0; i < lines.length && found.length < MAX_RESULTS; i++) {
    const l = lines[i];
    const own = l.text.slice(0, MAX_LINE);
    const header = REPORT_HEADER.exec(own);
    if (header) reportLayer = LAYERS.find((x) => x === header[1]);
    else if (own.startsWith('== ')) reportLayer = undefined;
    let e = fromReport(l, reportLayer) ?? explanationOf(l, own, own.length, own, ctx);
    if (!e && i + 1 < lines.length) {
      // a wrapped line: the terminal (or a copy from it) broke the message at its width, with or without a space
      const next = lines[i + 1].text.slice(0, MAX_LINE).trimStart();
      for (const joiner of ['', ' ']) {
        e = explanationOf(l, own + joiner + next, own.length, own + joiner + next, ctx);
        if (e && e.end > originalIndex(l, own.length, true)) break;
        e = undefined;
      }
    }
    if (!e) continue;
    const key = `${e.id}\u0000${e.layer ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(e);
  }
  return withoutGenericLeadIns(found);
}

/**
 * npm prints `code ECONNRESET` before the line that says why (`tunneling socket could not be established,
 * cause=getaddrinfo ENOTFOUND proxy.corp`): a generic cause is dropped when a more specific one follows within a
 * few lines.
 */
function withoutGenericLeadIns(found: Explanation[]): Explanation[] {
  const priority = (e: Explanation) => causeById(e.id)?.priority ?? 0;
  return found.filter((e) => priority(e) > 5 || !found.some((f) => f.line > e.line && f.line - e.line <= 3 && priority(f) > priority(e)));
}

/** One terminal or editor line on its own (no context from other lines): for link and hover providers. */
export function explainLine(raw: string, options?: ExplainOptions): Explanation | undefined {
  const { text, offset, removed } = cleanLine(raw.slice(0, MAX_LINE));
  return explanationOf({ line: 1, text, offset, removed, source: 'shell' }, text, text.length, text, contextFromLog(text, options?.knownProxyHosts));
}

/**
 * The explainer without a machine: the cause catalog on a pasted or logged text (a leading BOM dropped). The
 * doctor's `explain` starts here, and so do the adapters that have no machine to ask (the VS Code client before its
 * server runs, `explain` without --machine); it lives here, not in doctor.ts, so they do not bundle the whole engine.
 */
export function explainText(text: string): Explanation[] {
  return explainLog(text.replace(/^\uFEFF/, ''));
}
