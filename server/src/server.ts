// Docker Proxy Doctor language server entry (bundled to dist/server.js). Transports: `--stdio`, `--node-ipc`
// (what the VS Code client uses) and `--socket=<port>`, all chosen by vscode-languageserver from the command line;
// `--clientProcessId` (and the initialize processId) make the server exit when the editor dies.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { maskCredentials } from './engine';
import { startServer } from './lsp/doctorServer';
import { createNodeDoctor } from './node/nodeDoctor';

const connection = createConnection(ProposedFeatures.all);

// Last line of defence: an exception escaping a handler is logged (masked), never allowed to kill the server.
const report = (what: string) => (error: unknown) => {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  try {
    connection.console.error(`[${what}] ${maskCredentials(text)}`);
  } catch {
    // nothing left to report to
  }
};
process.on('uncaughtException', report('uncaughtException'));
process.on('unhandledRejection', report('unhandledRejection'));

// This machine, built once here: every request handler examines the doctor it is given.
startServer(connection, { doctor: createNodeDoctor() });
