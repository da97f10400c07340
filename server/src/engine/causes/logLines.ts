// Turns raw terminal or log output into clean lines the catalog's texts can match, and remembers where each line
// came from: a RUN step (BuildKit `#7 [2/4] RUN …`, the legacy `Step 2/4 : RUN …`), dockerd, containerd, the
// docker CLI. That context decides the layer when the cause itself does not name one.
import type { LayerId } from '../status/report';
import { stripAnsi } from './match';

export type LineSource = 'run-step' | 'buildkit' | 'dockerd' | 'containerd' | 'systemd' | 'docker-cli' | 'shell';

export interface LogLine {
  /** 1-based line number in the input. */
  line: number;
  /** The line without colours, BuildKit prefixes and `\"` escapes; what the catalog matches. */
  text: string;
  /** Where the text starts in the original line without ANSI codes (for editor and terminal ranges). */
  offset: number;
  /** Positions in `text` where a `\` of a `\"` escape was dropped (to map matches back to the line). */
  removed: number[];
  source: LineSource;
}

// `#12 ERROR: `, `#12 0.532 `, `#12 ` (BuildKit plain progress), and the timestamps in its error summary block.
const BUILDKIT_PREFIX = /^#(\d+) (?:ERROR:? |CANCELED |\d+\.\d+ |DONE \d+\.\d+s)?/;
const BUILDKIT_STEP = /^#(\d+) \[[^\]]*\] (RUN|FROM|ADD|COPY|WORKDIR|ENV|ARG|LABEL|USER|CMD|ENTRYPOINT|EXPOSE|SHELL|ONBUILD|HEALTHCHECK|VOLUME|STOPSIGNAL)\b/i;
const SUMMARY_RUN = /^\s*> \[[^\]]*\] RUN\b/i;
const SUMMARY_TIME = /^\s*\d+\.\d+ /;
const TTY_ERROR_RUN = /^\s*=> ERROR \[[^\]]*\] RUN\b/i;
// `Step 2/4 : RUN` (Docker 1.13 and later) or `Step 2 : RUN` (before)
const LEGACY_STEP = /^Step \d+(?:\/\d+)? : (\w+)/i;

/** Splits on newlines; within a line keeps what a terminal shows after the last carriage return (progress bars). */
function physicalLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => {
    const cr = l.lastIndexOf('\r');
    return cr >= 0 ? l.slice(cr + 1) : l;
  });
}

/** One line, cleaned, with no context: what a terminal link provider or a hover sees. */
export function cleanLine(raw: string): { text: string; offset: number; removed: number[]; step?: number } {
  const plain = stripAnsi(raw);
  let offset = 0;
  let step: number | undefined;
  const bk = BUILDKIT_PREFIX.exec(plain);
  if (bk) {
    offset = bk[0].length;
    step = Number(bk[1]);
  } else {
    const t = SUMMARY_TIME.exec(plain);
    if (t) offset = t[0].length;
  }
  // dockerd and containerd log with logfmt, where quotes inside msg="…" are escaped
  const removed: number[] = [];
  const text = plain.slice(offset).replace(/\\"/g, (_m, at: number) => {
    removed.push(at - removed.length);
    return '"';
  });
  return { text, offset, removed, step };
}

function sourceOf(text: string): LineSource | undefined {
  if (/\bdockerd(\[\d+\])?:|level=\w+ msg=.*(registry|pull|proxy)/i.test(text)) return 'dockerd';
  if (/\bcontainerd(\[\d+\])?:|^ctr: /i.test(text)) return 'containerd';
  if (/\bsystemd(\[\d+\])?:|\.service\.d\/[^ ]+\.conf:\d+:/i.test(text)) return 'systemd';
  if (/^(docker: )?Error response from daemon:/i.test(text)) return 'docker-cli';
  return undefined;
}

/** Every line of a log with its context. */
export function logLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  const runSteps = new Set<number>();
  let inRun = false; // legacy builder step or BuildKit error summary of a RUN step
  physicalLines(text).forEach((raw, i) => {
    const plain = stripAnsi(raw);
    const header = BUILDKIT_STEP.exec(plain);
    if (header && header[2].toUpperCase() === 'RUN') runSteps.add(Number(header[1]));
    const legacy = LEGACY_STEP.exec(plain);
    if (legacy) inRun = legacy[1].toUpperCase() === 'RUN';
    else if (SUMMARY_RUN.test(plain) || TTY_ERROR_RUN.test(plain)) inRun = true;
    else if (/^(Successfully built|ERROR: failed to solve|failed to solve)/i.test(plain.trim())) inRun = false;
    const { text: clean, offset, removed, step } = cleanLine(raw);
    let source: LineSource = sourceOf(clean) ?? 'shell';
    if (step !== undefined) source = runSteps.has(step) ? 'run-step' : 'buildkit';
    else if (inRun && source === 'shell') source = 'run-step';
    else if (/^(ERROR: )?failed to solve:/i.test(clean.trim())) source = 'buildkit';
    out.push({ line: i + 1, text: clean, offset, removed, source });
  });
  return out;
}

/** Index in the original line (without ANSI) of index `p` of a cleaned line; `end` for an exclusive end. */
export function originalIndex(l: Pick<LogLine, 'offset' | 'removed'>, p: number, end = false): number {
  let shift = 0;
  for (const r of l.removed) if (end ? r < p : r <= p) shift++;
  return l.offset + p + shift;
}

/** The layer a line's context points at, for causes that do not name their own. */
export function layerOfSource(source: LineSource): LayerId | undefined {
  switch (source) {
    case 'run-step': return 'build-args';
    case 'dockerd':
    case 'docker-cli':
    case 'systemd':
    case 'containerd': return 'daemon';
    case 'buildkit': return 'builder';
    default: return undefined;
  }
}
