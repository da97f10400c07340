// dockerd proxy flags in a command line (`--http-proxy`, `--https-proxy`, `--no-proxy`, facts §1) and
// `--config-file`, which moves daemon.json. A flag and the same daemon.json key together make dockerd refuse to start.

export const DAEMON_PROXY_FLAGS: Readonly<Record<string, 'http' | 'https' | 'no'>> = {
  '--http-proxy': 'http',
  '--https-proxy': 'https',
  '--no-proxy': 'no',
};

export interface DaemonFlags {
  proxies: Array<{ flag: string; variable: 'http' | 'https' | 'no'; value: string }>;
  configFile?: string;
}

export function parseDaemonFlags(argv: readonly string[]): DaemonFlags {
  const result: DaemonFlags = { proxies: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const value = () => (eq > 0 ? a.slice(eq + 1) : argv[++i] ?? '');
    if (name in DAEMON_PROXY_FLAGS) result.proxies.push({ flag: name, variable: DAEMON_PROXY_FLAGS[name], value: value() });
    else if (name === '--config-file') result.configFile = value();
  }
  return result;
}
