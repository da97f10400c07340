// Terminal adapter over the engine: `docker-proxy-doctor lint|status|test`. Exit 0 clean, 1 findings at the
// --fail-on threshold, 2 usage or I/O errors.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FILE_KINDS, notLintable, type FileKind, type Finding, type Severity, type SeveritySetting } from './engine';
import { collectTargets } from './cli/lintFiles';
import { formatJson, formatSarif, formatText, type FileFindings } from './cli/lintOutput';
import { runStatus, type StatusArgs } from './cli/statusSubcommand';
import { runTest, TestUsageError } from './cli/testSubcommand';
import { ExplainUsageError, runExplain } from './cli/explainSubcommand';
import { parseSetupArgs, runSetup, SetupUsageError } from './cli/setupSubcommand';
import { createNodeDoctors, type NodeDoctors } from './node/nodeDoctor';
import type { Doctor } from './engine/doctor';
import { version } from '../../package.json';

const USAGE = `Usage:
  docker-proxy-doctor lint [--kind dockerfile|daemon-json|cli-config|systemd-dropin|compose|ci-workflow|shell] [--format text|json|sarif]
                           [--config FILE] [--fail-on error|warning|info] [--fix] [--skip-unknown] PATH...
  docker-proxy-doctor status [--root DIR [--platform linux|darwin|win32] [--home PATH] [--env NAME=VALUE]...]
                             [--format text|json] [--config FILE] [--docker PATH] [--systemctl PATH] [--timeout SECONDS]
  docker-proxy-doctor test [--registry HOST[:PORT]]... [--timeout S] [--ca FILE]... [--format text|json] [--deep]
                           [--layer cli-shell|client-config|daemon|builder]... [--docker PATH] [--resolve HOST=ADDRESS]...
  docker-proxy-doctor explain [--format text|json] [--machine [--docker PATH]] [FILE]
  docker-proxy-doctor lsp --stdio | --node-ipc | --socket=PORT
  docker-proxy-doctor setup --proxy URL [--user USER --password-stdin] [--no-proxy LIST] [--container-proxy URL] [--ca FILE]
                            [--layer daemon|client-config|builder|dockerfiles]... [--dockerfile FILE]... [--compose FILE]...
                            [--format text|json] [--apply | --undo] [--root DIR] [--docker PATH] [--state-dir DIR]
  docker-proxy-doctor --version | --help

lint    Checks Dockerfiles, daemon.json, ~/.docker/config.json, docker.service drop-ins, Compose files, CI workflows
        (GitHub Actions, GitLab CI) and build scripts (*.sh, Makefile, Jenkinsfile) for proxy mistakes.
        Directories are walked; the kind of each file comes from its name and location unless --kind is given.
        --fix rewrites each file with every safe fix applied, then reports what is left.
        --skip-unknown skips named files whose kind cannot be told (an unrelated config.json), as a directory walk does.
        Exit 1 when a finding reaches --fail-on (default: error), 2 on usage or read errors.
status  Shows every Docker proxy layer of this machine (shell, config.json, daemon configured and effective, builder,
        build args), where each value comes from, which one wins, and the cross-layer findings (credentials masked).
        Asks docker (and systemctl where systemd runs), each command with a timeout (default 5 s).
        --root DIR reads the files under DIR as a machine's tree and runs no command unless --docker is given;
        --platform, --home and --env describe that machine (a Windows path C:\\x is read from DIR/C/x).
        --json is short for --format json. Exit 1 when a layer is in error, 2 on usage errors.
test    Probes registries (default Docker Hub) through the proxy each layer would use, with that layer's NO_PROXY
        rules, and names the cause and next step of every failure. Phases: DNS, TCP, CONNECT, TLS, GET /v2/, token
        realm. The layers and their values come from the same discovery as status. --timeout per probe (default 5),
        --ca trusts an extra CA (NODE_EXTRA_CA_CERTS too), --deep also lets dockerd itself contact each registry
        (docker pull of a tag that does not exist: "not found" = reached); Docker's answer wins over the probe.
        Exit 1 when a layer fails.
explain Reads a log (FILE, or stdin: docker build . 2>&1 | docker-proxy-doctor explain) and prints each known
        Docker proxy error once, with its line number, cause, layer and next action. --machine asks this machine
        (as status does) which layer produced each error, where that layer runs and which file configures it.
        Exit 1 when it found one.
lsp     Starts the language server (server.js beside this file) for editors other than VS Code: Neovim, Helix, Emacs.
setup   Plans one proxy for every layer: the daemon (daemon.json "proxies" or the drop-in it already uses, % as %%,
        rootless paths), config.json "proxies" for the entry of the current daemon host (every other key kept),
        docker-container builders (recreated with env.*_proxy driver options), and --dockerfile files (baked proxies
        removed). Loopback proxies are rewritten per consumer (docker0 gateway, 10.0.2.2 rootless, host.docker.internal
        on Desktop). Prints the plan (diffs masked; --format json: changes[] with path and diff, commands[]);
        --apply writes it (a backup of each file first, atomic writes, mode and owner kept) and runs the commands it
        may; --undo restores the last run byte for byte. NO_PROXY defaults to localhost,127.0.0.1,::1, the daemon's
        insecure registries and mirrors, and --compose service names. Exit 1 when a layer could not be set.
`;

class UsageError extends Error {}

interface LintArgs { kind?: FileKind; format: 'text' | 'json' | 'sarif'; config?: string; failOn: Severity; fix: boolean; skipUnknown: boolean; paths: string[] }

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { format: 'text', failOn: 'error', fix: false, skipUnknown: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.startsWith('--') ? a.split('=')[0] : a;
    switch (name) {
      case '--kind': {
        const k = value();
        if (!FILE_KINDS.includes(k as FileKind)) throw new UsageError(`--kind must be one of ${FILE_KINDS.join(', ')}`);
        args.kind = k as FileKind;
        break;
      }
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError('--format must be text, json or sarif');
        args.format = f;
        break;
      }
      case '--config': args.config = value(); break;
      case '--fix': args.fix = true; break;
      case '--skip-unknown': args.skipUnknown = true; break;
      case '--fail-on': {
        const s = value();
        if (s !== 'error' && s !== 'warning' && s !== 'info') throw new UsageError('--fail-on must be error, warning or info');
        args.failOn = s;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) throw new UsageError('lint needs at least one PATH');
  return args;
}

/** The --config file: `{ "rules": { "DJ005": "off" } }`, the same shape as the `dockerProxyDoctor` settings. */
async function readRuleConfig(file: string): Promise<Record<string, SeveritySetting>> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read --config ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`--config ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const rules = (parsed as { rules?: unknown })?.rules ?? {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new Error(`--config ${file}: "rules" must be an object`);
  for (const [id, sev] of Object.entries(rules)) {
    if (!['off', 'info', 'warning', 'error'].includes(sev as string)) throw new Error(`--config ${file}: rule ${id} has "${String(sev)}"; use off, info, warning or error`);
  }
  return rules as Record<string, SeveritySetting>;
}

function parseStatusArgs(argv: string[]): StatusArgs & { config?: string } {
  const args: StatusArgs & { config?: string } = { root: '/', format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const value = () => {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--root': args.root = path.resolve(value()); break;
      case '--json': args.format = 'json'; break;
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new UsageError('--format must be text or json');
        args.format = f;
        break;
      }
      case '--docker': args.docker = value(); break;
      case '--systemctl': args.systemctl = value(); break;
      case '--config': args.config = value(); break;
      case '--timeout': {
        const s = Number(value());
        if (!Number.isFinite(s) || s <= 0 || s > 120) throw new UsageError('--timeout must be a number of seconds between 0 and 120');
        args.timeoutMs = Math.round(s * 1000);
        break;
      }
      case '--platform': {
        const p = value();
        if (p !== 'linux' && p !== 'darwin' && p !== 'win32') throw new UsageError('--platform must be linux, darwin or win32');
        args.platform = p;
        break;
      }
      case '--home': args.home = value(); break;
      case '--env': {
        const v = value();
        const at = v.indexOf('=');
        if (at <= 0) throw new UsageError('--env needs NAME=VALUE');
        (args.env ??= {})[v.slice(0, at)] = v.slice(at + 1);
        break;
      }
      default: throw new UsageError(`unknown option ${a}`);
    }
  }
  if (args.root === '/' && (args.platform || args.home || args.env)) throw new UsageError('--platform, --home and --env describe a --root tree');
  return args;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

async function runLint(argv: string[], doctor: Doctor): Promise<number> {
  const args = parseLintArgs(argv);
  const rules = args.config ? await readRuleConfig(args.config) : {};
  const targets = await collectTargets(args.paths, args.kind);
  const results: FileFindings[] = [];
  let ioError = false;
  for (const t of targets) {
    if (t.error) { process.stderr.write(`docker-proxy-doctor: ${t.error}\n`); ioError = true; continue; }
    if (!t.kind) {
      if (args.skipUnknown) continue; // a hook passes every changed file of a name we might lint
      process.stderr.write(`docker-proxy-doctor: cannot tell what kind of file ${t.file} is; pass --kind ${FILE_KINDS.join('|')}\n`);
      ioError = true;
      continue;
    }
    const options = { path: path.resolve(t.file), rules, onRuleError: (id: string, e: unknown) => process.stderr.write(`docker-proxy-doctor: internal error in rule ${id} on ${t.file}: ${String(e)}\n`) };
    let text = t.text ?? '';
    if (args.fix && !t.tooLarge) {
      const fixed = doctor.fixedText(text, t.kind, options);
      if (fixed !== text) {
        try {
          await fs.writeFile(t.file, fixed);
          process.stderr.write(`docker-proxy-doctor: fixed ${t.file}\n`);
          text = fixed;
        } catch (e) {
          process.stderr.write(`docker-proxy-doctor: cannot write ${t.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
          ioError = true;
        }
      }
    }
    const findings: Finding[] = t.tooLarge ? notLintable('the file is larger than 2 MiB', { rules }) : doctor.lint(text, t.kind, options);
    results.push({ file: t.file, findings });
  }
  const out = args.format === 'json' ? formatJson(results)
    : args.format === 'sarif' ? formatSarif(results, version, (f) => path.relative(process.cwd(), path.resolve(f)).split(path.sep).join('/'))
    : formatText(results, process.stdout.isTTY === true && !process.env.NO_COLOR);
  process.stdout.write(out);
  if (ioError) return 2;
  const failing = results.some((r) => r.findings.some((f) => RANK[f.severity] >= RANK[args.failOn]));
  return failing ? 1 : 0;
}

/**
 * `lsp --stdio`: runs the bundled language server in this process. It sits beside this file in both packages (the
 * extension's dist/ and the npm package), and reads its transport from process.argv as `node server.js --stdio` would.
 * The returned promise never settles: the server owns the process and exits when its client says so.
 */
function startLanguageServer(rest: string[]): Promise<number> {
  if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    throw new UsageError('lsp needs a transport: --stdio (or --node-ipc, --socket=PORT, --pipe=NAME)');
  }
  const server = path.join(__dirname, 'server.js');
  process.argv = [process.argv[0], server, ...rest];
  // A computed path, so the bundler leaves it alone and the CLI does not carry a second copy of the server.
  require(server);
  return new Promise<number>(() => undefined);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[], doctors: NodeDoctors): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return runLint(rest, doctors.thisMachine);
    case 'status': {
      const { config, ...statusArgs } = parseStatusArgs(rest);
      const result = await runStatus({ ...statusArgs, rules: config ? await readRuleConfig(config) : undefined }, doctors);
      process.stdout.write(result.output);
      return result.code;
    }
    case 'test':
      try {
        return await runTest(rest, (text) => process.stdout.write(text), doctors.thisMachine);
      } catch (error) {
        if (error instanceof TestUsageError) throw new UsageError(error.message);
        throw error;
      }
    case 'explain':
      try {
        return await runExplain(rest, (text) => process.stdout.write(text), (text) => process.stderr.write(text), process.stdin, doctors.thisMachine);
      } catch (error) {
        if (error instanceof ExplainUsageError) throw new UsageError(error.message);
        throw error;
      }
    case 'lsp':
      return startLanguageServer(rest);
    case 'setup':
      try {
        return await runSetup(parseSetupArgs(rest), { out: (text) => process.stdout.write(text), readStdin: readAllStdin, doctors });
      } catch (error) {
        if (error instanceof SetupUsageError) throw new UsageError(error.message);
        throw error;
      }
    case '--version':
    case '-v':
      process.stdout.write(`${version}\n`);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

// A reader that goes away (`docker-proxy-doctor lint --format sarif . | head`) is not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });

// The machines every subcommand examines, built once here: this one, and a --root tree's.
main(process.argv.slice(2), createNodeDoctors()).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof UsageError) process.stderr.write(`docker-proxy-doctor: ${error.message}\n\n${USAGE}`);
    else process.stderr.write(`docker-proxy-doctor: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
