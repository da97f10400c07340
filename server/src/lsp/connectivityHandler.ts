// `dockerProxy/testConnectivity`: gathers each layer's proxy, runs the probes, streams progress as
// `dockerProxy/connectivityProgress` notifications and honours the client's cancellation.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { createNodeMachine } from '../node/nodeMachine';
import { createNodeDialer, nodeClock, readCaFiles } from '../node/nodeDialer';
import { certsByHost, probeInputsFromModel, runConnectivityTest } from '../engine/probe';
import { computeStatusModel } from '../engine/status';
import { DEFAULT_COMMAND_TIMEOUT_MS } from '../engine/machine';
import { maskCredentials } from '../engine/proxy/url';
import { CONNECTIVITY_PROGRESS, Requests, type ConnectivityProgress, type ConnectivityReport, type ConnectivityRequestParams } from '../shared/protocol';

export function registerConnectivity(connection: Connection, logError: (where: string, error: unknown) => void): void {
  connection.onRequest(Requests.testConnectivity, async (params: ConnectivityRequestParams | null, token: CancellationToken): Promise<ConnectivityReport> => {
    const p = params ?? {};
    const trusted = p.trusted !== false;
    const machine = createNodeMachine();
    const extra = process.env.NODE_EXTRA_CA_CERTS ? [process.env.NODE_EXTRA_CA_CERTS] : [];
    // A CA file that cannot be read is the user's setting to fix, not a reason to fail the whole test.
    let caPem: string[] = [];
    const caProblems: string[] = [];
    for (const file of [...extra, ...(p.caFiles ?? [])]) {
      try {
        caPem.push(...readCaFiles([file]));
      } catch (e) {
        caProblems.push((e as Error).message);
      }
    }
    caPem = [...new Set(caPem)];
    // The status view's own discovery: the test probes exactly the values the view shows.
    const model = await computeStatusModel(machine, {
      dockerPath: p.dockerPath ?? 'docker',
      systemctlPath: p.systemctlPath,
      commandTimeoutMs: p.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      trusted,
      vscodeProxy: p.vscodeProxy,
    });
    const gathered = probeInputsFromModel(model, p.layers);
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const report = await runConnectivityTest({
        layers: gathered.layers,
        notProbed: gathered.notProbed,
        knownCas: certsByHost(model),
        registries: p.registries,
        dialer: createNodeDialer({ extraCaPem: caPem }),
        clock: nodeClock,
        timeoutMs: p.timeoutMs,
        signal: controller.signal,
        // `docker pull` is a command: never in an untrusted workspace.
        deep: p.deep && trusted ? { machine, dockerPath: p.dockerPath ?? 'docker' } : undefined,
        onProgress: (e) => {
          const progress: ConnectivityProgress = { progressToken: p.progressToken, done: e.done, total: e.total, message: e.message };
          void connection.sendNotification(CONNECTIVITY_PROGRESS, progress).catch((error) => logError('connectivityProgress', error));
        },
        generatedAt: new Date().toISOString(),
      });
      if (p.deep && !trusted) (report.notProbed ??= []).push({ layer: 'daemon', reason: 'The deep test (docker pull) does not run in an untrusted workspace.' });
      if (caProblems.length > 0) report.warnings = caProblems.map((problem) => maskCredentials(`Extra CA ignored: ${problem}`));
      return report;
    } finally {
      subscription.dispose();
    }
  });
}
