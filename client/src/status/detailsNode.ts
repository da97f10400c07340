// The collapsed "Details" branch at the bottom of the Proxy Status view: the commands the status ran, with their
// outcome and time (the same lines go to Output › Docker Proxy Doctor). Pure (no `vscode`).
import type { CommandRun, Health, ProxyStatusReport } from '../../../server/src/engine/status/report';
import { m, ms, plural } from './viewText';
import type { TreeNode } from './treeNode';

function commandHealth(c: CommandRun): Health {
  if (c.outcome === 'ok') return 'ok';
  if (/timed out|not found|denied/i.test(c.outcome)) return 'error';
  return 'warning';
}

/** `docker info → exit 1 (277 ms)`, one entry per command: what the output channel gets after a refresh. */
export function commandLogLines(report: ProxyStatusReport): string[] {
  return report.commands.map((c) => `${m(c.command)} → ${m(c.outcome)} (${ms(c.durationMs)})`);
}

function commandNode(c: CommandRun, i: number): TreeNode {
  return {
    id: `details/command/${i}/${m(c.command)}`,
    kind: 'command',
    label: m(c.command),
    description: `${m(c.outcome)} · ${ms(c.durationMs)}`,
    tooltip: `${m(c.command)}\n${m(c.outcome)} after ${ms(c.durationMs)}`,
    health: commandHealth(c),
    contextValue: 'command.copyable',
    copyText: m(c.command),
    children: [],
  };
}

/** Always collapsed: the commands explain a result, they are not the result. */
export function detailsNode(report: ProxyStatusReport): TreeNode {
  const failed = report.commands.filter((c) => c.outcome !== 'ok').length;
  const when = /T(\d\d:\d\d:\d\d)/.exec(report.generatedAt)?.[1];
  return {
    id: 'details',
    kind: 'details',
    label: 'Details',
    description: [plural(report.commands.length, 'command'), failed ? `${failed} not ok` : undefined, when ? `at ${when} UTC` : undefined].filter(Boolean).join(' · '),
    tooltip: `The commands the status ran (also in Output › Docker Proxy Doctor).\nStatus generated ${m(report.generatedAt)}.`,
    health: 'unknown',
    icon: 'list-unordered',
    contextValue: 'details',
    expanded: false,
    children: report.commands.map(commandNode),
  };
}
