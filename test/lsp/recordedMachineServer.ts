// The language server on a recorded machine (test/fixtures/engines/<name>), over stdio: the same startServer as
// dist/server.js, given a doctor whose machine answers from the recording instead of this box. Started by
// recorded-machine.test.ts as `node recordedMachineServer.js --stdio` with DPD_RECORDED_MACHINE=<name>; without that
// variable it does nothing (node --test may load it as a file of the lsp group).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/lsp/doctorServer';
import { createDoctor } from '../../server/src/engine/doctor';
import { createNodeDialer, nodeClock } from '../../server/src/node/nodeDialer';
import { recordedMachine } from '../unit/engine-machines';

const name = process.env.DPD_RECORDED_MACHINE;
if (name) {
  const machine = recordedMachine(name);
  const doctor = createDoctor({
    machine,
    dialer: (o) => createNodeDialer({ extraCaPem: o.extraCaPem ? [...o.extraCaPem] : undefined, hosts: o.hosts }),
    clock: nodeClock,
    date: () => new Date(),
  });
  const connection = createConnection(ProposedFeatures.all);
  // Which commands the server ran on the recorded machine, for the test to see that the recording was asked.
  connection.onRequest('dockerProxyDoctorTest/recordedCalls', () => machine.calls);
  startServer(connection, { doctor });
}
