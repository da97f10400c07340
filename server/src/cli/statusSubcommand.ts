// `status`: every proxy layer of this machine (or of the files under --root), as text or JSON. The engine gathers it
// (files, environment, docker/systemctl with timeouts); this file picks the machine and prints.
import * as path from 'node:path';
import type { Health, ProxyStatusReport, StatusFinding } from '../engine/status/report';
import type { NodeDoctors } from '../node/nodeDoctor';
import type { SeveritySetting } from '../engine/findingTypes';

export interface StatusArgs {
  /** `/` for this machine; any other directory is read as a machine's file tree (no environment of ours). */
  root: string;
  format: 'text' | 'json';
  docker?: string;
  systemctl?: string;
  timeoutMs?: number;
  /** From --config: severity per finding id or name, like `lint --config`. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** The --root machine's platform, home and environment (default: linux, /home/user, no variables). */
  platform?: 'linux' | 'darwin' | 'win32';
  home?: string;
  env?: Record<string, string>;
}

const ICON: Record<Health, string> = { ok: 'ok  ', warning: 'WARN', error: 'FAIL', unknown: '?   ' };

function findingLine(f: StatusFinding): string[] {
  const where = f.source ? ` (${f.source.label})` : '';
  const lines = [`         ${f.lint ? 'lint ' : ''}${f.id} ${f.severity}: ${f.title}`, `           ${f.message}${where}`];
  if (f.action && !f.lint) lines.push(`           next: ${f.action}`);
  return lines;
}

export function formatStatusText(report: ProxyStatusReport): string {
  const out: string[] = [];
  const d = report.docker;
  out.push(`Docker: ${d.state}${d.serverVersion ? ` (dockerd ${d.serverVersion}${d.operatingSystem ? ` on ${d.operatingSystem}` : ''})` : ''}${d.host ? `, daemon host ${d.host}${d.context ? ` (context ${d.context})` : ''}` : ''}`);
  if (d.message) out.push(`        ${d.message}`);
  if (d.engine) out.push(`Engine: ${d.engine.label}${d.engine.evidence.length ? ` (${d.engine.evidence.join('; ')})` : ''}`);
  for (const l of report.layers) {
    out.push(`[${ICON[l.health]}] ${l.title}${l.summary ? ` — ${l.summary}` : ''}`);
    for (const v of l.values) {
      const tag = v.overridden ? ' [overridden]' : v.health !== 'ok' ? ` [${v.health}]` : '';
      out.push(`         ${v.name} = ${v.value}   (${v.source.label})${tag}${v.note ? `  ${v.note}` : ''}`);
    }
    for (const n of l.notes) out.push(`         - ${n.text}`);
    for (const f of l.findings) out.push(...findingLine(f));
  }
  const c = report.counts;
  out.push(`Health: ${report.health}; ${c.error} error(s), ${c.warning} warning(s), ${c.info} info${report.noConfiguration ? '; no proxy configured in any layer' : ''}`);
  if (report.commands.length) out.push(`Commands: ${report.commands.map((r) => `${r.command} (${r.outcome}, ${r.durationMs} ms)`).join('; ')}`);
  return out.join('\n') + '\n';
}

/** Exit code of `status`: 1 when a layer is in error, else 0. */
export function statusExitCode(report: ProxyStatusReport): number {
  return report.layers.some((l) => l.health === 'error') ? 1 : 0;
}

export async function runStatus(args: StatusArgs, doctors: NodeDoctors): Promise<{ output: string; code: number }> {
  const thisMachine = args.root === '/';
  // A --root tree is another machine's files: neither our environment nor our docker belongs to it, unless --docker
  // explicitly asks a daemon too.
  // Nor is its network ours: no proxy reachability check for a --root tree.
  const doctor = thisMachine
    ? doctors.thisMachine
    : doctors.tree({
      root: path.resolve(args.root),
      env: { HOME: args.home ?? '/home/user', PATH: process.env.PATH, ...(args.env ?? {}) },
      platform: args.platform,
      homeDir: args.home ?? '/home/user',
      noNetwork: true,
    });
  const report = await doctor.status({
    trusted: true,
    filesOnly: !thisMachine && !args.docker,
    dockerPath: args.docker,
    systemctlPath: args.systemctl,
    commandTimeoutMs: args.timeoutMs,
    rules: args.rules,
  });
  return { output: args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatStatusText(report), code: statusExitCode(report) };
}
