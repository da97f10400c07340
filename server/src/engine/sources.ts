// Public sources the rule and status pages cite ("Based on"). Each is an https address a reader can open: a Docker
// docs section, upstream source pinned to a release tag (moby v26.1.5 = our dockerd, docker/cli v28.2.2 = our CLI,
// buildx and BuildKit v0.13.1, golang.org/x/net v0.25.0), a man page or a public issue. A rule lists the ones it
// rests on in `meta.sources`; `{ ...SRC.x, shows: '…' }` narrows what an entry shows for that rule.
// Facts our own suite measured are `{ test, shows }` entries (MEASURED) naming the test file (linked on the project's
// repository, since the pages also ship inside the VSIX, where the tests do not).

/** A public page or source line, and what it shows for the rule that cites it. */
export interface WebSource { url: string; shows: string }
/** A fact measured by this repository's test suite against the real program. */
export interface MeasuredSource { test: string; shows: string }
export type Source = WebSource | MeasuredSource;

export function isMeasured(s: Source): s is MeasuredSource {
  return (s as MeasuredSource).test !== undefined;
}

const MOBY = 'https://github.com/moby/moby/blob/v26.1.5/';
const CLI = 'https://github.com/docker/cli/blob/v28.2.2/';
const BUILDX = 'https://github.com/docker/buildx/blob/v0.13.1/';
const BUILDKIT = 'https://github.com/moby/buildkit/blob/v0.13.1/';
const XNET = 'https://github.com/golang/net/blob/v0.25.0/http/httpproxy/proxy.go';
const SYSTEMD = 'https://www.freedesktop.org/software/systemd/man/latest/';

const s = (url: string, shows: string): WebSource => ({ url, shows });

export const SRC = {
  // Docker documentation
  daemonProxyConfig: s('https://docs.docker.com/engine/daemon/proxy/#daemon-configuration',
    'dockerd takes its proxy from daemon.json `proxies` (`http-proxy`, `https-proxy`, `no-proxy`) or flags, and these win over environment variables; restart dockerd after a change'),
  daemonProxyEnv: s('https://docs.docker.com/engine/daemon/proxy/#environment-variables',
    'dockerd reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY (either case) from its start-up environment'),
  daemonProxySystemd: s('https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file',
    'the drop-in `[Service]` + `Environment="HTTP_PROXY=…"` (one variable per assignment), `%%` for a literal `%`, the NO_PROXY forms, `daemon-reload` then `restart`, and the rootless drop-in directory'),
  dockerdProxyFlags: s('https://docs.docker.com/reference/cli/dockerd/#proxy-configuration',
    'the three ways to give dockerd a proxy (environment, daemon.json fields, `--http-proxy`/`--https-proxy`/`--no-proxy`) and that flags and the file win over the environment'),
  dockerdConfigFile: s('https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file',
    'daemon.json keys are dockerd flag names; a key also given as a flag, or a key that matches no option, makes dockerd refuse to start; `dockerd --validate` checks a file'),
  dockerdHostGateway: s('https://docs.docker.com/reference/cli/dockerd/#configure-host-gateway-ip',
    'the special `host-gateway` value resolves to the host\'s address from inside containers'),
  cliProxyConfig: s('https://docs.docker.com/engine/cli/proxy/#configure-the-docker-client',
    '`~/.docker/config.json` `proxies.default` with `httpProxy`, `httpsProxy`, `noProxy`, `ftpProxy`, `allProxy` sets the proxy variables of containers and builds only, not of the CLI or dockerd; values are stored in plain text'),
  cliProxyPerDaemon: s('https://docs.docker.com/engine/cli/proxy/#configure-proxy-settings-per-daemon',
    'a `proxies` entry named after a daemon address applies to that daemon instead of `default`'),
  cliProxyBuild: s('https://docs.docker.com/engine/cli/proxy/#build-with-a-proxy-configuration',
    'the CLI pre-populates the proxy build arguments of every build from config.json'),
  cliProxyRun: s('https://docs.docker.com/engine/cli/proxy/#run-containers-with-a-proxy-configuration',
    'new containers get both cases of each proxy variable from config.json'),
  cliProxyOnCommandLine: s('https://docs.docker.com/engine/cli/proxy/#set-proxy-using-the-cli',
    '`--build-arg HTTP_PROXY=…` for builds and `--env` for containers; proxy build args are available in the build container only'),
  cliProxyNotEnv: s('https://docs.docker.com/engine/cli/proxy/#proxy-as-environment-variable-for-builds',
    'do not use `ENV` for a build proxy: it is embedded in the image, may be unreachable from containers and may leak credentials'),
  cliEnvVars: s('https://docs.docker.com/reference/cli/docker/#environment-variables',
    'the docker CLI itself reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY from its own environment'),
  dockerfilePredefinedArgs: s('https://docs.docker.com/reference/dockerfile/#predefined-args',
    'HTTP_PROXY, HTTPS_PROXY, FTP_PROXY, NO_PROXY, ALL_PROXY (either case) are predefined build args, usable without an ARG line and left out of `docker history`'),
  dockerfileArgFrom: s('https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact',
    'an ARG declared before the first FROM is outside every build stage and is not available after FROM'),
  dockerfileRun: s('https://docs.docker.com/reference/dockerfile/#run',
    'each RUN executes in its own shell on top of the current image and commits the result as a new layer'),
  dockerfileEnv: s('https://docs.docker.com/reference/dockerfile/#env',
    'ENV values persist in the image and in every container run from it'),
  buildVariablesProxy: s('https://docs.docker.com/build/building/variables/#proxy-arguments',
    'proxy build arguments reach RUN steps and are kept out of the image and its history'),
  buildChecksSecrets: s('https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
    'Docker\'s own build check judges ARG/ENV by their names only, so a proxy URL with a password is not caught'),
  containerDriver: s('https://docs.docker.com/build/builders/drivers/docker-container/#synopsis',
    'a docker-container builder runs BuildKit in its own container; `env.<key>` driver options set that container\'s environment'),
  buildxCreateDriverOpt: s('https://docs.docker.com/reference/cli/docker/buildx/create/#driver-opt',
    '`--driver-opt` takes comma-separated `key=value` options, such as `env.http_proxy=…`'),
  buildkitConfigure: s('https://docs.docker.com/reference/cli/docker/buildx/create/#buildkitd-config',
    'a docker-container builder takes its registry settings (mirrors included) from its own buildkitd.toml, not from daemon.json'),
  hubMirror: s('https://docs.docker.com/docker-hub/image-library/mirror/#configure-the-docker-daemon',
    '`registry-mirrors` names pull-through cache registries for Docker Hub images, given as `https://` URLs'),
  desktopProxies: s('https://docs.docker.com/desktop/settings-and-maintenance/settings/#proxies',
    'Docker Desktop takes its proxy from its Settings (or the system), not from daemon.json'),
  addHost: s('https://docs.docker.com/reference/cli/docker/container/run/#add-host',
    '`--add-host host.docker.internal:host-gateway` makes the host reachable by that name from a container on Linux'),
  composeBuildArgs: s('https://docs.docker.com/reference/compose-file/build/#args',
    '`build.args` are build arguments, available to RUN steps'),
  composeEnvironment: s('https://docs.docker.com/reference/compose-file/services/#environment',
    '`environment:` sets the container\'s variables and overrides values from elsewhere'),
  composeExtraHosts: s('https://docs.docker.com/reference/compose-file/services/#extra_hosts',
    '`extra_hosts` adds host-name mappings, `host-gateway` included'),
  composeNetworking: s('https://docs.docker.com/compose/how-tos/networking/',
    'services reach each other by service name on the project network'),

  // moby/moby v26.1.5 (dockerd 26, the daemon the suite runs)
  mobyProxiesStruct: s(`${MOBY}daemon/config/config.go#L268-L273`,
    'daemon.json `proxies` has exactly three string fields: `http-proxy`, `https-proxy`, `no-proxy`'),
  mobyFlatten: s(`${MOBY}daemon/config/config.go#L520-L534`,
    'dockerd flattens one level of nesting before validating, so each key inside `proxies` is checked as if it were a top-level option'),
  mobyUnknownKeys: s(`${MOBY}daemon/config/config.go#L539-L565`,
    'a key that matches no dockerd flag makes dockerd fail with "the following directives don\'t match any configuration option"'),
  mobyFlagFileConflict: s(`${MOBY}daemon/config/config.go#L567-L600`,
    'the same option as a flag and in daemon.json makes dockerd fail with "specified both as a flag and in the configuration file"'),
  mobySecondDecode: s(`${MOBY}daemon/config/config.go#L513-L517`,
    'after validation daemon.json is decoded into the Config struct, where proxy values are read only under `proxies`'),
  mobyProxiesTag: s(`${MOBY}daemon/config/config.go#L166`,
    'the `Proxies` struct is embedded under the JSON key `proxies`'),
  mobyFlatOptions: s(`${MOBY}daemon/config/config.go#L73-L81`,
    'the only objects not flattened are `log-opts`, `runtimes`, `features`, `builder` and a few others; `proxies` is not among them'),
  mobyConfigureProxyEnv: s(`${MOBY}cmd/dockerd/daemon.go#L985-L1009`,
    'dockerd writes each configured proxy value into both cases of its own environment variables, warning "overriding existing proxy variable" when the environment differed'),
  mobyProxyFlags: s(`${MOBY}cmd/dockerd/config.go#L71-L73`,
    'the `--http-proxy`, `--https-proxy` and `--no-proxy` flags'),
  mobyInfo: s(`${MOBY}daemon/info.go#L75-L77`,
    '`docker info` reports the configured value, else dockerd\'s environment (upper case first), with credentials masked'),
  mobyMaskCredentials: s(`${MOBY}daemon/config/config.go#L691-L698`,
    'credentials are masked only for display; the value itself is used as written'),
  mobyValidateMirror: s(`${MOBY}registry/config.go#L325-L342`,
    'a mirror must be an `http://` or `https://` URL without user, password, query or fragment, else "invalid mirror"'),
  mobyRegistryHosts: s(`${MOBY}daemon/daemon.go#L206-L208`,
    'registry mirrors are used for `docker.io` images only'),
  mobyServiceUnit: s(`${MOBY}contrib/init/systemd/docker.service`,
    'the docker.service unit has no EnvironmentFile=, so /etc/default/docker and /etc/sysconfig/docker are not read'),
  mobyRootlessConfigDir: s(`${MOBY}cmd/dockerd/daemon_unix.go#L25-L43`,
    'rootless dockerd reads `$XDG_CONFIG_HOME/docker/daemon.json` (`~/.config/docker/daemon.json`)'),
  mobyRootlessNet: s(`${MOBY}contrib/dockerd-rootless.sh#L18`,
    'rootless dockerd runs in its own network namespace and, by default, cannot reach 127.0.0.1 on the host'),
  mobyHostGateway: s(`${MOBY}opts/hosts.go#L33`,
    'the special `host-gateway` address name'),

  // docker/cli v28.2.2
  cliProxyStruct: s(`${CLI}cli/config/configfile/file.go#L49-L56`,
    'a config.json `proxies` entry has exactly `httpProxy`, `httpsProxy`, `noProxy`, `ftpProxy`, `allProxy`; Go\'s encoding/json drops any other field silently and matches names case-insensitively'),
  cliParseProxyConfig: s(`${CLI}cli/config/configfile/file.go#L190-L225`,
    'the CLI uses `proxies[<daemon host>]` only when that exact key exists, else `proxies.default`, with no merging, and sets both cases of each variable'),
  cliConnhelper: s(`${CLI}cli/connhelper/connhelper.go#L59`,
    'for an `ssh://` daemon the CLI\'s daemon host is the placeholder `http://docker.example.com`'),
  cliParseHost: s(`${CLI}opts/hosts.go#L53`,
    '`-H`/`DOCKER_HOST` values are normalised (a `tcp://` host gets its port)'),
  cliLoadConfig: s(`${CLI}cli/config/config.go#L167-L172`,
    'a config.json that fails to load prints "WARNING: Error …" and the CLI carries on without it'),
  cliOwnTransport: s(`${CLI}vendor/github.com/docker/go-connections/sockets/sockets.go#L30`,
    'the CLI\'s own connection to a tcp daemon uses `http.ProxyFromEnvironment`, its shell\'s proxy variables'),
  cliInfo: s(`${CLI}cli/command/system/info.go#L353`,
    '`docker info` prints the daemon\'s HTTP Proxy, HTTPS Proxy and No Proxy lines when they are set'),

  // docker/buildx v0.13.1 and moby/buildkit v0.13.1
  buildxProxyConfig: s(`${BUILDX}store/storeutil/storeutil.go#L27-L51`,
    'buildx picks the config.json entry the same way (exact daemon host, else `default`) and passes HTTP, HTTPS, NO and FTP proxy, not ALL_PROXY'),
  buildxEnvDriverOpt: s(`${BUILDX}driver/docker-container/factory.go#L97-L100`,
    'each `env.<NAME>=<value>` driver option becomes a variable of the builder container'),
  buildxDriverOptCsv: s(`${BUILDX}builder/builder.go#L598-L618`,
    'each `--driver-opt` is read as one CSV record: unquoted commas split it into separate `key=value` fields'),
  buildkitProxyArgs: s(`${BUILDKIT}frontend/dockerfile/dockerfile2llb/convert.go#L1731-L1760`,
    'the proxy build args (matched case-insensitively) become the proxy environment of RUN steps only'),
  buildkitRunProxyEnv: s(`${BUILDKIT}solver/llbsolver/ops/exec.go#L503-L521`,
    'a RUN step gets each proxy value in both cases; they are not stored in the image config'),
  buildkitResolver: s(`${BUILDKIT}util/resolver/resolver.go#L197`,
    'image pulls of a build use `http.ProxyFromEnvironment` of the process that runs BuildKit (dockerd, or the builder container), not build args'),
  buildkitClientToken: s(`${BUILDKIT}session/auth/authprovider/authprovider.go#L73-L97`,
    'the registry token of a build is fetched by the client (docker/buildx CLI) with its own HTTP client, so the shell\'s proxy variables apply'),

  // Go: net/http and golang.org/x/net/http/httpproxy v0.25.0 (what dockerd, the CLI and BuildKit use)
  goProxyFromEnvironment: s('https://pkg.go.dev/net/http#ProxyFromEnvironment',
    'Go programs read HTTP_PROXY/HTTPS_PROXY/NO_PROXY; a value without a scheme is taken as `http://`; the schemes are http, https and socks5; requests to localhost are never proxied'),
  xnetNoProxyGrammar: s(`${XNET}#L38-L51`,
    'NO_PROXY is a comma-separated list of IP prefixes, CIDR ranges, domain names (matching subdomains) and `*`; a port may follow'),
  xnetFromEnvironment: s(`${XNET}#L86-L105`,
    'the upper-case variable wins over the lower-case one; ALL_PROXY and FTP_PROXY are not read at all'),
  xnetSchemeSelection: s(`${XNET}#L126-L144`,
    'an https request uses HTTPS_PROXY only; there is no fall-back to HTTP_PROXY'),
  xnetParseProxy: s(`${XNET}#L146-L167`,
    'a proxy value without a scheme is retried with `http://` prepended; one that still fails is an error and no proxy is used'),
  xnetLoopback: s(`${XNET}#L169-L185`,
    'Go never proxies `localhost` or a loopback address, whatever NO_PROXY says; every other host goes through the proxy unless NO_PROXY lists it'),
  xnetNoProxyParse: s(`${XNET}#L204-L271`,
    'how NO_PROXY entries are parsed: `*` alone disables the proxy, `*.` and `.` prefixes match subdomains, IPs and CIDRs match addresses, `host:port` only that port; anything else never matches'),
  goUrlUserinfo: s('https://pkg.go.dev/net/url#URL',
    'a URL\'s user information must be percent-encoded; characters such as `@`, `#`, `/` or `%` in a password break parsing'),

  // Other programs in build steps and containers
  curlNoProxy: s('https://curl.se/libcurl/c/CURLOPT_NOPROXY.html',
    'curl\'s NO_PROXY: comma-separated host names, the only wildcard is a lone `*`, IPv6 without brackets'),
  curlProxy: s('https://curl.se/libcurl/c/CURLOPT_PROXY.html',
    'curl assumes `http://` for a proxy without a scheme and port 1080 without a port, and reads `http_proxy` in lower case only'),
  wgetProxies: s('https://www.gnu.org/software/wget/manual/html_node/Proxies.html',
    'GNU wget reads `http_proxy`/`https_proxy`/`no_proxy`; no_proxy is a list of domain suffixes'),
  busyboxWget: s('https://github.com/mirror/busybox/blob/1_36_0/networking/wget.c#L1116-L1123',
    'BusyBox wget (Alpine\'s default) reads only the lower-case `http_proxy` (`ftp_proxy` for ftp), for https URLs too, and no NO_PROXY at all'),
  pythonProxies: s('https://docs.python.org/3/library/urllib.request.html#urllib.request.getproxies',
    'Python reads `<scheme>_proxy` variables (lower case preferred) and `no_proxy` from the environment'),
  urllib3Changelog: s('https://urllib3.readthedocs.io/en/stable/changelog.html',
    'urllib3 1.26 added HTTPS proxies (TLS to the proxy) and refuses a proxy URL without a known scheme (ProxySchemeUnknown)'),

  // systemd
  systemdEnvironment: s(`${SYSTEMD}systemd.exec.html#Environment=`,
    '`Environment=` takes space-separated assignments, each quoted as a whole; no variable expansion is done; specifiers are resolved'),
  systemdSpecifiers: s(`${SYSTEMD}systemd.unit.html#Specifiers`,
    '`%` starts a specifier in unit files; `%%` is a literal `%`'),
  systemdQuoting: s(`${SYSTEMD}systemd.syntax.html#Quoting`,
    'quotes group a whole word, and inside them C-style backslash escapes apply; an unknown escape or an unclosed quote makes the assignment invalid'),
  systemdDropins: s(`${SYSTEMD}systemd.unit.html#Description`,
    'drop-in directories `<unit>.d/` with `.conf` files extend a unit; the same page lists the unit search paths, where user units live under `~/.config/systemd/user/`'),
  systemctlDaemonReload: s(`${SYSTEMD}systemctl.html#daemon-reload`,
    '`systemctl daemon-reload` re-reads unit files and drop-ins; the service must then be restarted'),

  // Public reports
  buildkitIssueClientToken: s('https://github.com/moby/buildkit/issues/5839',
    'a user report: `docker buildx build` fails with "failed to fetch oauth token" although pulls work, because the token is fetched by the client'),
  buildxIssueContainerEnv: s('https://github.com/docker/buildx/issues/136',
    'maintainers: the docker-container driver does not use the daemon\'s proxy settings; pass them with `--driver-opt env.*`'),
  mobyIssueWildcards: s('https://github.com/moby/moby/issues/37946',
    'a user report: wildcard NO_PROXY entries such as `*.corp` or `10.*` do not work for dockerd'),
  forLinuxIssueHttpsProxy: s('https://github.com/docker/for-linux/issues/415',
    'a user report: an `https://` proxy URL makes dockerd speak TLS to a plain-HTTP proxy and fail'),
  goIssueHttpsFallback: s('https://github.com/golang/go/issues/40909',
    'Go stopped using HTTP_PROXY for https requests: HTTPS_PROXY must be set'),
  goIssueSocks5h: s('https://github.com/golang/go/issues/24135',
    'Go\'s proxy handling did not accept `socks5h://` (only `socks5://`) until this issue was fixed; older Go programs fail or go direct with it'),
  composeIssueNoProxy: s('https://github.com/docker/compose/issues/11433',
    'a user report: services calling each other through the proxy because NO_PROXY lacks their names'),
  forWinIssueBrokenConfig: s('https://github.com/docker/for-win/issues/11938',
    'a user report of a config.json the CLI cannot parse, so none of it applies'),

  // Standards
  rfc8259Limits: s('https://www.rfc-editor.org/rfc/rfc8259#section-9',
    'a JSON parser may limit the size of texts and the depth of nesting it accepts'),
  rfc8259Strings: s('https://www.rfc-editor.org/rfc/rfc8259#section-7',
    'JSON strings are delimited by the ASCII quotation mark U+0022 only; typographic quotes are not quotes'),
} satisfies Record<string, WebSource>;

/** Facts measured by our own suite against the real programs. */
export const MEASURED = {
  dockerdValidate: { test: 'test/dockerd/crosscheck.ts', shows: 'real dockerd 26.1.5 `--validate` refuses (or accepts) each daemon.json fixture as this rule says' } as MeasuredSource,
  dockerdAccepts: { test: 'test/dockerd/crosscheck.ts', shows: 'real dockerd 26.1.5 `--validate` accepts such a file ("configuration OK"), so the mistake only shows when a pull goes the wrong way' } as MeasuredSource,
  dockerdStarted: { test: 'test/dockerd/crosscheck.ts', shows: 'a real dockerd 26.1.5 started with a top-level "http-proxy" accepts the file and reports no HTTP proxy in `docker info`' } as MeasuredSource,
  buildxDriverOpts: { test: 'test/buildx/driver-opts.test.ts', shows: 'real buildx 0.13.1 refuses or mis-stores each bad `--driver-opt` and stores the intended value for each fixed one' } as MeasuredSource,
  engineLimits: { test: 'test/unit/limits.test.ts', shows: 'binary, oversized and deeply nested files get this finding quickly instead of stalling the editor' } as MeasuredSource,
} satisfies Record<string, MeasuredSource>;
