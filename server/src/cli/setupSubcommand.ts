// `docker-proxy-doctor setup`: one proxy set up in every layer that needs it. Prints the plan by default (text or
// JSON with `changes[]` and `commands[]`), writes it with --apply (backups first, atomic writes), restores the last
// run with --undo. --root DIR works on a machine's file tree as `status --root` does. The password is read from
// stdin (--password-stdin), never from the command line, and never printed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TOOL_PATHS, type Machine } from '../engine/machine';
import type { Doctor } from '../engine/doctor';
import { parseDocument, type ComposeDocument } from '../engine/document';
import { maskCredentials } from '../engine/proxy/url';
import { planIsEmpty, SETUP_LAYERS, SetupInputError, shellWord, type PlanCommand, type SetupContext, type SetupLayer, type SetupPlan } from '../engine/setup';
import { runFile } from '../node/nodeMachine';
import type { NodeDoctors } from '../node/nodeDoctor';
import { applyChanges, defaultStateDir, rootUndoLines, SetupWriteError, stageRootChanges, undoLastSetup, type ApplyResult } from '../node/setupWriter';

export class SetupUsageError extends Error {}

export interface SetupArgs {
  proxy?: string;
  user?: string;
  passwordStdin: boolean;
  noProxy?: string[];
  containerProxy?: string;
  caFile?: string;
  layers?: SetupLayer[];
  dockerfiles: string[];
  composeFiles: string[];
  format: 'text' | 'json';
  apply: boolean;
  undo: boolean;
  root: string;
  docker?: string;
  systemctl?: string;
  timeoutMs: number;
  stateDir?: string;
}

export function parseSetupArgs(argv: string[]): SetupArgs {
  const args: SetupArgs = { passwordStdin: false, dockerfiles: [], composeFiles: [], format: 'text', apply: false, undo: false, root: '/', timeoutMs: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      const v = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new SetupUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--proxy': args.proxy = value(); break;
      case '--user': args.user = value(); break;
      case '--password':
        throw new SetupUsageError('a password on the command line is visible to every user (ps); pass it with --password-stdin');
      case '--password-stdin': args.passwordStdin = true; break;
      case '--no-proxy': args.noProxy = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--container-proxy': args.containerProxy = value(); break;
      case '--ca': args.caFile = path.resolve(value()); break;
      case '--layer': {
        const l = value() as SetupLayer;
        if (!SETUP_LAYERS.includes(l)) throw new SetupUsageError(`--layer must be one of ${SETUP_LAYERS.join(', ')}`);
        (args.layers ??= []).push(l);
        break;
      }
      case '--dockerfile': args.dockerfiles.push(value()); break;
      case '--compose': args.composeFiles.push(value()); break;
      case '--json': args.format = 'json'; break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new SetupUsageError('--format must be text or json');
        args.format = f;
        break;
      }
      case '--apply': args.apply = true; break;
      case '--undo': args.undo = true; break;
      case '--root': args.root = path.resolve(value()); break;
      case '--docker': args.docker = value(); break;
      case '--systemctl': args.systemctl = value(); break;
      case '--state-dir': args.stateDir = path.resolve(value()); break;
      case '--timeout': {
        const s = Number(value());
        if (!Number.isFinite(s) || s <= 0 || s > 120) throw new SetupUsageError('--timeout must be a number of seconds between 0 and 120');
        args.timeoutMs = Math.round(s * 1000);
        break;
      }
      default: throw new SetupUsageError(`unknown option ${a}`);
    }
  }
  if (args.apply && args.undo) throw new SetupUsageError('--apply and --undo do not go together');
  if (!args.undo && !args.proxy) throw new SetupUsageError('setup needs --proxy URL (or --undo)');
  if (args.passwordStdin && !args.user) throw new SetupUsageError('--password-stdin needs --user');
  return args;
}

export interface SetupIo {
  out(text: string): void;
  readStdin(): Promise<string>;
  /** This machine's doctor, and the one for a --root tree. */
  doctors: NodeDoctors;
}

const ROOT_HOME = '/home/user';

/** The machine: this one, or a file tree (--root) whose docker, when --docker asks one, keeps its config in the tree. */
function doctorFor(args: SetupArgs, doctors: NodeDoctors): { doctor: Doctor; thisMachine: boolean; runCommands: boolean; execEnv: Record<string, string> } {
  const thisMachine = args.root === '/';
  if (thisMachine) return { doctor: doctors.thisMachine, thisMachine, runCommands: true, execEnv: {} };
  const env: Record<string, string | undefined> = { HOME: ROOT_HOME, PATH: process.env.PATH };
  if (args.docker && process.env.DOCKER_HOST) env.DOCKER_HOST = process.env.DOCKER_HOST;
  // The tree's docker client config, so buildx stores builders there and not in a real home.
  const execEnv = { DOCKER_CONFIG: path.join(args.root, ROOT_HOME, '.docker') };
  return { doctor: doctors.tree({ root: args.root, env, execEnv }), thisMachine, runCommands: !!args.docker, execEnv };
}

function stateDirFor(args: SetupArgs, machine: Machine): string {
  if (args.stateDir) return args.stateDir;
  const dir = defaultStateDir(machine.env, machine.homeDir);
  return args.root === '/' ? dir : path.join(args.root, dir);
}

/** The files named on the command line: Dockerfiles to clean, Compose services for NO_PROXY. */
async function readWorkspaceFiles(args: SetupArgs): Promise<Required<Pick<SetupContext, 'dockerfiles' | 'composeServices'>>> {
  const context = { dockerfiles: [] as Array<{ path: string; text: string }>, composeServices: [] as string[] };
  for (const f of args.dockerfiles) {
    try {
      context.dockerfiles.push({ path: path.resolve(f), text: await fs.readFile(f, 'utf8') });
    } catch (e) {
      throw new SetupUsageError(`cannot read --dockerfile ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  for (const f of args.composeFiles) {
    let text: string;
    try {
      text = await fs.readFile(f, 'utf8');
    } catch (e) {
      throw new SetupUsageError(`cannot read --compose ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const doc = parseDocument(text, 'compose', f) as ComposeDocument;
    context.composeServices.push(...doc.compose.services.map((s) => s.name));
  }
  return context;
}

function indent(text: string, by = '    '): string {
  return text.replace(/\n$/, '').split('\n').map((l) => by + l).join('\n') + '\n';
}

export function formatPlanText(plan: SetupPlan, withCommands = true): string {
  const out: string[] = [];
  out.push(`Proxy: ${plan.proxy}`);
  out.push(`NO_PROXY: ${plan.noProxy.join(',')}`);
  out.push(`Layers: ${plan.layers.join(', ')}`);
  if (planIsEmpty(plan)) out.push('Nothing to change: every layer asked for already has this proxy.');
  for (const c of plan.changes) {
    out.push('', `[${c.layer}] ${c.title}${c.owner === 'root' ? ' (root-owned)' : ''}`);
    out.push(indent(c.diff).replace(/\n$/, ''));
  }
  if (plan.commands.length && withCommands) {
    out.push('', 'Then run, in this order:');
    for (const c of plan.commands) out.push(`  [${c.layer}] ${c.root ? 'sudo ' : ''}${c.display.replace(/^sudo /, '')}    # ${c.title}`);
  }
  if (plan.desktop) {
    out.push('', 'Docker Desktop → Settings → Resources → Proxies → Manual proxy configuration:');
    out.push(`  Web Server (HTTP): ${plan.desktop.http}`, `  Secure Web Server (HTTPS): ${plan.desktop.https}`, `  Bypass proxy settings for these hosts & domains: ${plan.desktop.bypass}`);
  }
  if (plan.notes.length) {
    out.push('', 'Notes:');
    for (const n of plan.notes) out.push(`  ${n.severity === 'warning' ? '!' : '-'} [${n.layer}] ${n.text}`);
  }
  if (plan.blocked.length) {
    out.push('', 'Not changed:');
    for (const b of plan.blocked) out.push(`  x [${b.layer}] ${b.reason}`);
  }
  return out.join('\n') + '\n';
}

export function planJson(plan: SetupPlan): unknown {
  return {
    proxy: plan.proxy,
    noProxy: plan.noProxy,
    layers: plan.layers,
    changes: plan.changes.map((c) => ({ layer: c.layer, path: c.path, title: c.title, owner: c.owner, created: c.before === undefined, diff: c.diff })),
    commands: plan.commands.map((c) => ({ layer: c.layer, title: c.title, command: c.display, root: c.root })),
    notes: plan.notes,
    blocked: plan.blocked,
    ...(plan.desktop ? { desktop: plan.desktop } : {}),
  };
}

interface Ran { command: string; outcome: string }

async function runCommands(commands: readonly PlanCommand[], opts: { thisMachine: boolean; timeoutMs: number; docker: string; systemctl: string; env: Record<string, string> }): Promise<{ ran: Ran[]; skipped: PlanCommand[]; failed: boolean }> {
  const ran: Ran[] = [];
  const skipped: PlanCommand[] = [];
  const isRoot = process.getuid?.() === 0;
  for (const [i, c] of commands.entries()) {
    const systemctl = c.argv[0] === 'systemctl';
    // Another machine's tree has no init of ours; a root command without root is the user's to run (with sudo).
    if ((systemctl && !opts.thisMachine) || (c.root && !isRoot)) { skipped.push(c); continue; }
    const file = c.argv[0] === 'docker' ? opts.docker : systemctl ? opts.systemctl : c.argv[0];
    const r = await runFile(file, c.argv.slice(1), { timeoutMs: Math.max(opts.timeoutMs, 60_000), env: opts.env });
    const outcome = r.exitCode === 0 ? 'ok' : r.failure ? (r.message ?? r.failure) : `exit ${r.exitCode}: ${maskCredentials(r.stderr.trim().split('\n').pop() ?? '')}`;
    ran.push({ command: c.display, outcome });
    if (r.exitCode !== 0) { skipped.push(...commands.slice(i + 1)); return { ran, skipped, failed: true }; }
  }
  return { ran, skipped, failed: false };
}

export async function runSetup(args: SetupArgs, io: SetupIo): Promise<number> {
  const { doctor, thisMachine, runCommands: mayRun, execEnv } = doctorFor(args, io.doctors);
  const stateDir = stateDirFor(args, doctor.machine);
  const docker = args.docker || DEFAULT_TOOL_PATHS.docker;
  const systemctl = args.systemctl || DEFAULT_TOOL_PATHS.systemctl;
  const commandEnv = { ...execEnv, ...(thisMachine ? {} : { HOME: path.join(args.root, ROOT_HOME) }) };

  if (args.undo) {
    let result;
    try {
      result = await undoLastSetup({ root: args.root, stateDir });
    } catch (e) {
      io.out(`setup --undo failed: ${(e as Error).message}\n`);
      return 1;
    }
    if (!result) { io.out(`Nothing to undo (no setup run in ${stateDir}).\n`); return 0; }
    const lines = [`Undid ${result.sessionDir}:`, ...result.restored.map((p) => `  restored ${p}`), ...result.removed.map((p) => `  removed ${p} (setup had created it)`)];
    let code = 0;
    if (result.undoCommands.length) {
      const cmds: PlanCommand[] = result.undoCommands.map((argv) => ({ layer: 'builder', title: 'undo', display: maskCredentials(argv.map(shellWord).join(' ')), argv, root: false, secret: true }));
      if (mayRun) {
        const r = await runCommands(cmds, { thisMachine, timeoutMs: args.timeoutMs, docker, systemctl, env: commandEnv });
        lines.push(...r.ran.map((x) => `  ran ${x.command}: ${x.outcome}`));
        if (r.failed) code = 1;
      } else lines.push('  then recreate the builder as it was:', ...cmds.map((c) => `    ${c.display}`));
    }
    const rootLines = await rootUndoLines(result.sessionDir);
    if (rootLines.length) lines.push('  root-owned files: run', ...rootLines.map((l) => `    ${l}`));
    lines.push('Restart dockerd (and reload systemd) for the daemon to read the restored files.');
    io.out(args.format === 'json' ? JSON.stringify({ undone: result.sessionDir, restored: result.restored, removed: result.removed }, null, 2) + '\n' : lines.join('\n') + '\n');
    return code;
  }

  let password: string | undefined;
  if (args.passwordStdin) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password === '') throw new SetupUsageError('--password-stdin read an empty password');
  }
  const files = await readWorkspaceFiles(args);
  const { model, context } = await doctor.setupModel({ dockerPath: docker, systemctlPath: systemctl, commandTimeoutMs: args.timeoutMs, filesOnly: !mayRun, ...files });
  let plan: SetupPlan;
  try {
    plan = doctor.plan(model, { proxy: args.proxy!, user: args.user, password, noProxy: args.noProxy, containerProxy: args.containerProxy, caFile: args.caFile, layers: args.layers }, context);
  } catch (e) {
    if (e instanceof SetupInputError) throw new SetupUsageError(e.message);
    throw e;
  }

  if (!args.apply) {
    io.out(args.format === 'json' ? JSON.stringify(planJson(plan), null, 2) + '\n' : formatPlanText(plan) + (planIsEmpty(plan) ? '' : '\nNothing was written. Run again with --apply to write these changes (a backup of each file comes first).\n'));
    return plan.blocked.length && planIsEmpty(plan) ? 1 : 0;
  }

  if (planIsEmpty(plan)) {
    io.out(args.format === 'json' ? JSON.stringify({ ...(planJson(plan) as object), applied: null, ran: [], toRun: [] }, null, 2) + '\n' : formatPlanText(plan));
    return plan.blocked.length ? 1 : 0;
  }
  // Root-owned files when we are not root (on this machine): staged for `sudo install`, shown to the user.
  const isRoot = process.getuid?.() === 0;
  const direct = plan.changes.filter((c) => !thisMachine || isRoot || c.owner !== 'root');
  const staged = plan.changes.filter((c) => !direct.includes(c));
  let applied: ApplyResult | undefined;
  const extra: string[] = [];
  const backups: string[] = [];
  try {
    const undo = plan.commands.flatMap((c) => c.undo ?? []);
    applied = await applyChanges(direct, { root: args.root, stateDir }, undo);
    const stagedRoot = await stageRootChanges(applied.sessionDir, staged);
    extra.push(...stagedRoot.install);
    for (const b of stagedRoot.backups) backups.push(`Backup of ${b.path}: ${b.backup}`);
  } catch (e) {
    if (e instanceof SetupWriteError) { io.out(`setup: ${e.message}\n`); return 1; }
    io.out(`setup: could not write: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}; files written before the error are backed up, run setup --undo to restore them.\n`);
    return 1;
  }
  const result = mayRun && !staged.length ? await runCommands(plan.commands, { thisMachine, timeoutMs: args.timeoutMs, docker, systemctl, env: commandEnv }) : { ran: [], skipped: plan.commands, failed: false };
  if (args.format === 'json') {
    io.out(JSON.stringify({ ...(planJson(plan) as object), applied: { sessionDir: applied.sessionDir, written: applied.written, staged: extra, backups }, ran: result.ran, toRun: [...extra, ...result.skipped.map((c) => c.display)] }, null, 2) + '\n');
  } else {
    const lines = [formatPlanText(plan, false)];
    for (const b of backups) lines.push(b);
    for (const w of applied.written) lines.push(w.created ? `Created ${w.path}` : `Wrote ${w.path} (backup: ${w.backup})`);
    for (const r of result.ran) lines.push(`Ran ${r.command}: ${r.outcome}`);
    const toRun = [...extra, ...result.skipped.map((c) => (c.root && !/^sudo /.test(c.display) ? `sudo ${c.display}` : c.display))];
    if (toRun.length) lines.push('Now run:', ...toRun.map((t) => `  ${t}`));
    lines.push(`Undo with: docker-proxy-doctor setup --undo${args.root !== '/' ? ` --root ${shellWord(args.root)}` : ''}${args.stateDir ? ` --state-dir ${shellWord(args.stateDir)}` : ''}`);
    io.out(lines.join('\n') + '\n');
  }
  return result.failed ? 1 : 0;
}
