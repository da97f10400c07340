// §5: BuildKit delegates the registry token fetch to the buildx/docker CLI process, which uses its own environment.
import { goEnv } from '../statusModel';
import { isDesktopProxy } from '../dockerInfo';
import { envSource, finding, type StatusCheck } from './check';
import { SRC } from '../../sources';

export const SV001: StatusCheck = {
  meta: {
    id: 'SV001', title: 'Build token fetch gets no proxy from this shell', name: 'client-token-gap', defaultSeverity: 'warning', layer: 'cli-shell',
    summary: 'The daemon has an HTTPS proxy but the shell running docker has none: pulls work, builds fail with "failed to fetch oauth token".',
    description: 'Every BuildKit build (any driver) asks the client to fetch the registry bearer token. The docker/buildx process ' +
      'does that with its own environment, not with the daemon\'s or config.json\'s proxy. With the proxy set only for dockerd, ' +
      '`docker pull` works and `docker build` stops at "load metadata for docker.io/…" with `failed to fetch oauth token` or ' +
      '`failed to fetch anonymous token`.\n\nFix: export `HTTPS_PROXY` and `NO_PROXY` in the environment that runs `docker build` ' +
      '(terminal, VS Code task, CI job), or set `BUILDKIT_NO_CLIENT_TOKEN=1` there so the builder fetches the token with its own proxy.',
    sources: [SRC.buildkitClientToken, SRC.buildkitIssueClientToken],
    example: {
      before: { caption: "The daemon has a proxy, the shell running docker build has none", lang: 'text', text: "$ docker info --format \'{{.HTTPSProxy}}\'\nhttp://proxy.example.com:3128\n$ env | grep -i _proxy\n$ docker build .\nERROR: failed to solve: debian:bookworm: failed to resolve source metadata for docker.io/library/debian:bookworm: failed to fetch oauth token" },
      after: { caption: "The shell gets the proxy too", lang: 'text', text: "$ export HTTPS_PROXY=http://proxy.example.com:3128 NO_PROXY=localhost,127.0.0.1\n$ docker build ." },
    },
  },
  check(model) {
    const daemonHttps = model.effective ? model.effective.https : model.winners.get('https')?.value;
    if (!daemonHttps || isDesktopProxy(daemonHttps)) return [];
    if (model.shellEnv.BUILDKIT_NO_CLIENT_TOKEN) return [];
    if (goEnv(model.shellEnv, 'https')) return [];
    const inLogin = model.loginEnv && goEnv(model.loginEnv, 'https');
    const winner = model.winners.get('https');
    return [finding(SV001.meta,
      inLogin
        ? 'The daemon uses an HTTPS proxy and your login shell exports HTTPS_PROXY, but this process has none: docker builds started from here (tasks, the extension) fail with "failed to fetch oauth token".'
        : 'The daemon uses an HTTPS proxy but this shell has no HTTPS_PROXY: `docker pull` works, `docker build` fails with "failed to fetch oauth token".',
      {
        source: winner?.source.kind === 'file' ? winner.source : undefined,
        related: [envSource('HTTPS_PROXY', false), ...(winner && winner.source.kind !== 'file' ? [winner.source] : []), ...(model.effective ? [{ kind: 'command' as const, label: model.obs.info!.command }] : [])],
        action: 'export HTTPS_PROXY=<the daemon\'s proxy> and NO_PROXY=localhost,127.0.0.1 where docker build runs (or BUILDKIT_NO_CLIENT_TOKEN=1)',
      })];
  },
};
