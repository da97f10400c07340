// The Docker row of the Proxy Status view: is the daemon there, which version, which context. Its problem (daemon
// down, permission denied …) also heads the Problems node. Pure (no `vscode`).
import type { DockerState, Health, ProxyStatusReport } from '../../../server/src/engine/status/report';
import { m } from './viewText';
import type { TreeNode } from './treeNode';

export const DOCKER_STATE_TEXT: Record<DockerState, string> = {
  ok: 'running',
  'not-installed': 'not installed',
  'daemon-down': 'daemon not running',
  'permission-denied': 'permission denied',
  timeout: 'not answering',
  'not-checked': 'not checked',
  error: 'error',
};

export const DOCKER_STATE_HEALTH: Record<DockerState, Health> = {
  ok: 'ok',
  'not-installed': 'warning',
  'daemon-down': 'warning',
  'permission-denied': 'error',
  timeout: 'error',
  'not-checked': 'unknown',
  error: 'error',
};

export function dockerNode(report: ProxyStatusReport): TreeNode {
  const d = report.docker;
  const facts: string[] = [];
  if (d.state === 'ok') {
    if (d.serverVersion) facts.push(m(d.serverVersion));
    if (d.operatingSystem) facts.push(m(d.operatingSystem));
  } else facts.push(DOCKER_STATE_TEXT[d.state] ?? d.state);
  // The engine behind the context (Docker Desktop 4.38.0, Colima, rootless …) when the server recognised it.
  if (d.engine) {
    if (!facts.includes(m(d.engine.label))) facts.push(m(d.engine.label));
  } else {
    if (d.desktop) facts.push('Docker Desktop');
    if (d.rootless) facts.push('rootless');
  }
  if (d.context) facts.push(`context ${m(d.context)}`);
  const tooltip = [
    `Docker: ${DOCKER_STATE_TEXT[d.state] ?? d.state}`,
    d.message ? m(d.message) : undefined,
    d.host ? `Daemon host: ${m(d.host)}` : undefined,
    d.engine ? `Engine: ${m(d.engine.label)} (${d.engine.evidence.map(m).join('; ')})` : undefined,
    report.commands.length ? `Commands run: ${report.commands.length} (under Details and in Output › Docker Proxy Doctor)` : undefined,
  ].filter(Boolean).join('\n');
  return {
    id: 'docker',
    kind: 'docker',
    label: 'Docker',
    description: facts.join(' · '),
    tooltip,
    health: DOCKER_STATE_HEALTH[d.state] ?? 'unknown',
    contextValue: 'docker',
    children: [],
  };
}
