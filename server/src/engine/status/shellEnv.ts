// The user's login-shell environment (`$SHELL -l -i -c env`): VS Code started from a desktop icon does not see what
// ~/.profile or ~/.bashrc export, but `docker build` in a terminal does (facts §5: the token fetch uses it).

/** The variables the status view looks at in an environment. Nothing else is kept from the shell's output. */
export const SHELL_VARIABLES = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'BUILDKIT_NO_CLIENT_TOKEN',
] as const;

/** Picks the watched variables out of `env` output (NAME=value lines; continuation lines of multi-line values are skipped). */
export function parseEnvOutput(stdout: string): Record<string, string> {
  const wanted = new Set<string>(SHELL_VARIABLES);
  const result: Record<string, string> = {};
  for (const line of stdout.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq);
    if (wanted.has(name)) result[name] = line.slice(eq + 1);
  }
  return result;
}

export function pickShellVariables(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of SHELL_VARIABLES) {
    const v = env[name];
    if (v !== undefined) result[name] = v;
  }
  return result;
}
