// The doctor of a real machine: this one (files, environment, programs, network), or a machine's file tree under a
// root directory (`status --root`, `setup --root`). The adapters' entries (server.ts, cli.ts) build it once.
import { createDoctor, type Doctor } from '../engine/doctor';
import { createNodeMachine, type NodeMachineOptions } from './nodeMachine';
import { createNodeDialer, nodeClock } from './nodeDialer';

export function createNodeDoctor(options: NodeMachineOptions = {}): Doctor {
  return createDoctor({
    machine: createNodeMachine(options),
    dialer: (o) => createNodeDialer({ extraCaPem: o.extraCaPem ? [...o.extraCaPem] : undefined, hosts: o.hosts }),
    clock: nodeClock,
    date: () => new Date(),
  });
}

/** The CLI's doctors: this machine's, and one for a machine's file tree (`--root DIR`). */
export interface NodeDoctors {
  thisMachine: Doctor;
  tree(options: NodeMachineOptions): Doctor;
}

export function createNodeDoctors(): NodeDoctors {
  return { thisMachine: createNodeDoctor(), tree: (options) => createNodeDoctor(options) };
}
