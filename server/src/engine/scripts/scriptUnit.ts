// What the shell and CI-workflow rules read: per script or CI job, the proxy environment its commands run with,
// the builds it runs, the builders it creates and the proxy values it hands to dockerd, builders and containers.
import type { Range } from '../findingTypes';
import type { ScriptTargetKind } from '../fileKinds';
import type { MappedText } from '../parse/mapped';
import type { ShellWord } from '../parse/shell';

/** A proxy-relevant variable set for the commands of a unit: `export`, `VAR=x cmd`, a CI `env:`/`variables:` map. */
export interface EnvVar {
  name: string;
  /** Decoded value; undefined when only the name is exported (`export HTTPS_PROXY`). */
  value?: string;
  mapped?: MappedText;
  nameRange: Range;
  valueRange?: Range;
  /** True when the value holds an expansion (`$PROXY`, `${{ secrets.X }}`) and is unknown here. */
  dynamic: boolean;
}

/** `--build-arg NAME=value`, or a line of build-push-action's `build-args`. */
export interface BuildArg {
  name: string;
  /** undefined for `--build-arg NAME`, which takes the value from the client's environment. */
  value?: string;
  mapped?: MappedText;
  range: Range;
  nameRange: Range;
  valueRange?: Range;
  dynamic: boolean;
  origin: 'command-line' | 'action';
  /** The build runs its steps in the host's network namespace (`--network host`), where loopback is the host's. */
  hostNetwork?: boolean;
}

/** One `--driver-opt` value or one `driver-opts` line, as buildx receives it (before its CSV parsing). */
export interface DriverOpt {
  text: string;
  mapped: MappedText;
  range: Range;
  dynamic: boolean;
  /** The shell word it came from (for shell-quoting-aware fixes); undefined for action inputs. */
  word?: ShellWord;
  origin: 'command-line' | 'action';
}

export interface BuilderCreate {
  /** `docker-container` unless the command or action says otherwise. */
  driver: string;
  driverOpts: DriverOpt[];
  /** Where to report (the `create` word, or the `uses:` value). */
  range: Range;
  origin: 'command-line' | 'action';
  /** Some arguments come from a variable or array whose value this script does not show (`"${OPTS[@]}"`). */
  opaque?: boolean;
}

export interface BuildInvocation {
  /** `docker build`, `docker buildx build`, `docker compose build`, `docker/build-push-action` ... */
  what: string;
  range: Range;
  /** The legacy builder (`DOCKER_BUILDKIT=0`) fetches registry tokens in dockerd. */
  legacy: boolean;
  /** Variables set just for this command (`HTTPS_PROXY=x docker build`) or this CI step. */
  stepEnv: EnvVar[];
}

/** A proxy value the unit gives to dockerd, a builder or containers rather than to its own shell. */
export interface ProxyElsewhere {
  range: Range;
  /** `dockerd`, `the docker-container builder`, `build arguments`, `containers` */
  where: string;
  variable: 'http' | 'https';
  /** True when the value is written literally (not taken from this shell's own `$HTTPS_PROXY`). */
  literal: boolean;
}

export interface ScriptUnit {
  /** Job or file name for messages. */
  label: string;
  env: EnvVar[];
  builds: BuildInvocation[];
  creates: BuilderCreate[];
  buildArgs: BuildArg[];
  /** `docker run -e`/`--env` proxy values. */
  containerEnv: EnvVar[];
  elsewhere: ProxyElsewhere[];
  /** True when the unit reads `$HTTPS_PROXY`/`$https_proxy` etc. somewhere, so its shell evidently has one. */
  readsProxyVariable: boolean;
  /** `BUILDKIT_NO_CLIENT_TOKEN` is set: builders fetch registry tokens themselves. */
  noClientToken: boolean;
  /** Docker's own files the unit writes from a here-document (`cat > ~/.docker/config.json <<EOF`). */
  embedded: EmbeddedFile[];
}

/** A here-document written to a file Docker reads, to be linted as that file. */
export interface EmbeddedFile {
  kind: ScriptTargetKind;
  /** The target as written (`/etc/docker/daemon.json`, `~/.docker/config.json`). */
  path: string;
  /** The body, mapped to the document. */
  body: MappedText;
  /** True when the body's `$…` expansions are left to the shell (unquoted delimiter). */
  expands: boolean;
}

export function emptyUnit(label: string): ScriptUnit {
  return { label, env: [], builds: [], creates: [], buildArgs: [], containerEnv: [], elsewhere: [], readsProxyVariable: false, noClientToken: false, embedded: [] };
}
