// `docker-proxy-doctor test`: probes registries through each layer's proxy from this machine and prints the report.
import { readCaFiles } from '../node/nodeDialer';
import { formatConnectivityReport, parseRegistries } from '../engine/probe';
import type { Doctor } from '../engine/doctor';
import type { LayerId } from '../engine/status/report';

export class TestUsageError extends Error {}

const LAYERS: readonly LayerId[] = ['cli-shell', 'client-config', 'daemon', 'builder'];

export interface TestArgs {
  registries: string[];
  timeoutMs: number;
  caFiles: string[];
  format: 'text' | 'json';
  deep: boolean;
  layers?: LayerId[];
  docker: string;
  resolve: Record<string, string>;
}

export function parseTestArgs(argv: string[]): TestArgs {
  const args: TestArgs = { registries: [], timeoutMs: 5_000, caFiles: [], format: 'text', deep: false, docker: 'docker', resolve: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    const value = () => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new TestUsageError(`${a} needs a value`);
      return v;
    };
    switch (name) {
      case '--registry': args.registries.push(value()); break;
      case '--timeout': {
        const v = value();
        const s = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || s <= 0 || s > 600) throw new TestUsageError('--timeout takes seconds between 0 and 600, e.g. --timeout 5');
        args.timeoutMs = Math.round(s * 1000);
        break;
      }
      case '--ca': args.caFiles.push(value()); break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new TestUsageError('--format must be text or json');
        args.format = f;
        break;
      }
      case '--deep': args.deep = true; break;
      case '--layer': {
        const l = value() as LayerId;
        if (!LAYERS.includes(l)) throw new TestUsageError(`--layer must be one of ${LAYERS.join(', ')}`);
        (args.layers ??= []).push(l);
        break;
      }
      case '--docker': args.docker = value(); break;
      case '--resolve': {
        const v = value();
        const eq = v.lastIndexOf('=');
        if (eq <= 0 || eq === v.length - 1) throw new TestUsageError('--resolve takes HOST=ADDRESS, e.g. --resolve registry.corp=10.0.0.7');
        args.resolve[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      default:
        throw new TestUsageError(`unknown option ${a}`);
    }
  }
  try {
    parseRegistries(args.registries);
  } catch (e) {
    throw new TestUsageError((e as Error).message);
  }
  return args;
}

/** Runs the test; returns the exit code (0 every probed layer passed, 1 a layer failed). */
export async function runTest(argv: string[], out: (text: string) => void, doctor: Doctor): Promise<number> {
  const args = parseTestArgs(argv);
  const extra = process.env.NODE_EXTRA_CA_CERTS ? [process.env.NODE_EXTRA_CA_CERTS] : [];
  const caPem = readCaFiles([...extra, ...args.caFiles]);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    // The same discovery as `status`: the test probes exactly the values the status shows.
    const report = await doctor.test({
      dockerPath: args.docker,
      trusted: true,
      layers: args.layers,
      registries: args.registries,
      dialer: { extraCaPem: caPem, hosts: args.resolve },
      timeoutMs: args.timeoutMs,
      signal: controller.signal,
      deep: args.deep,
      onProgress: args.format === 'text' && process.stderr.isTTY ? (e) => process.stderr.write(`[${e.done}/${e.total}] ${e.message}\n`) : undefined,
    });
    out(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatConnectivityReport(report));
    return report.worst === 'error' || report.worst === 'warning' ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
