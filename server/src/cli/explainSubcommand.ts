// `docker-proxy-doctor explain [--format text|json] [--machine [--docker PATH]] [FILE]`: explains the known Docker
// proxy errors in a log; with --machine, each is attributed to the layer of this machine that produced it.
// Reads FILE, or stdin when there is none (or FILE is -). Exit 0 nothing found, 1 found, 2 usage or read error.
import { promises as fs } from 'node:fs';
import { formatExplanationsJson, formatExplanationsText, type AttributedExplanation } from '../engine/causes';
import type { Doctor } from '../engine/doctor';
import { explainText } from '../engine/causes/explain';

export class ExplainUsageError extends Error {}

/** Logs bigger than this are read only up to it: the end of a huge log is rarely where a proxy error is new. */
const MAX_BYTES = 32 * 1024 * 1024;

export interface ExplainArgs { format: 'text' | 'json'; file?: string; machine: boolean; docker?: string }

export function parseExplainArgs(argv: string[]): ExplainArgs {
  const args: ExplainArgs = { format: 'text', machine: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (f !== 'text' && f !== 'json') throw new ExplainUsageError('--format must be text or json');
      args.format = f;
    } else if (a === '--machine') {
      args.machine = true;
    } else if (a === '--docker' || a.startsWith('--docker=')) {
      const d = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!d) throw new ExplainUsageError('--docker needs the path of the docker CLI');
      args.docker = d;
    } else if (a.startsWith('-') && a !== '-') {
      throw new ExplainUsageError(`unknown option ${a}`);
    } else if (args.file !== undefined) {
      throw new ExplainUsageError('explain reads one FILE (or stdin); pipe several logs with cat');
    } else {
      args.file = a;
    }
  }
  return args;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (size < MAX_BYTES) chunks.push(b.subarray(0, MAX_BYTES - size));
    size += b.length; // keep draining so the writer on the other end of the pipe does not block
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readFileCapped(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(MAX_BYTES, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function runExplain(argv: string[], out: (text: string) => void, err: (text: string) => void, stdin: NodeJS.ReadableStream, doctor: Doctor): Promise<number> {
  const args = parseExplainArgs(argv);
  let text: string;
  if (args.file === undefined || args.file === '-') {
    text = await readStdin(stdin);
  } else {
    try {
      text = await readFileCapped(args.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const hint = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory; give a log file' : String(code ?? e);
      err(`docker-proxy-doctor: cannot read ${args.file}: ${hint}\n`);
      return 2;
    }
  }
  // With --machine, the same discovery as `status`: which layer produced each error, where it runs, which file
  // configures it.
  const found: AttributedExplanation[] = args.machine
    ? (await doctor.explain(text, { dockerPath: args.docker, trusted: true })).explanations
    : explainText(text);
  out(args.format === 'json' ? formatExplanationsJson(found) : formatExplanationsText(found));
  return found.length > 0 ? 1 : 0;
}
