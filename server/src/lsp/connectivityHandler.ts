// `dockerProxy/testConnectivity`: gathers each layer's proxy, runs the probes, streams progress as
// `dockerProxy/connectivityProgress` notifications and honours the client's cancellation.
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { readCaFiles } from '../node/nodeDialer';
import type { Doctor } from '../engine/doctor';
import { maskCredentials } from '../engine/proxy/url';
import { CONNECTIVITY_PROGRESS, Requests, type ConnectivityProgress, type ConnectivityReport, type ConnectivityRequestParams } from '../shared/protocol';

export function registerConnectivity(connection: Connection, doctor: Doctor, logError: (where: string, error: unknown) => void): void {
  connection.onRequest(Requests.testConnectivity, async (params: ConnectivityRequestParams | null, token: CancellationToken): Promise<ConnectivityReport> => {
    const p = params ?? {};
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
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      const report = await doctor.test({
        dockerPath: p.dockerPath,
        systemctlPath: p.systemctlPath,
        commandTimeoutMs: p.commandTimeoutMs,
        trusted: p.trusted !== false,
        vscodeProxy: p.vscodeProxy,
        layers: p.layers,
        registries: p.registries,
        timeoutMs: p.timeoutMs,
        deep: p.deep,
        dialer: { extraCaPem: caPem },
        signal: controller.signal,
        onProgress: (e) => {
          const progress: ConnectivityProgress = { progressToken: p.progressToken, done: e.done, total: e.total, message: e.message };
          void connection.sendNotification(CONNECTIVITY_PROGRESS, progress).catch((error) => logError('connectivityProgress', error));
        },
      });
      if (caProblems.length > 0) report.warnings = caProblems.map((problem) => maskCredentials(`Extra CA ignored: ${problem}`));
      return report;
    } finally {
      subscription.dispose();
    }
  });
}
