// A minimal LSP client over stdio for the npm package test: initialize (prints the serverInfo and the
// textDocumentSync capability), shutdown, exit. Exits 1 when the server does not answer within 60 s.
const { spawn } = require('child_process');
const [cmd, ...args] = process.argv.slice(2);
const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'inherit'] });
const send = (m) => { const b = Buffer.from(JSON.stringify(m)); p.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); p.stdin.write(b); };
let buf = Buffer.alloc(0);
p.stdout.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const h = buf.indexOf('\r\n\r\n'); if (h < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, h).toString())[1]);
    if (buf.length < h + 4 + len) return;
    const msg = JSON.parse(buf.slice(h + 4, h + 4 + len).toString()); buf = buf.slice(h + 4 + len);
    if (msg.id === 1) { console.log(JSON.stringify({ serverInfo: msg.result.serverInfo, textDocumentSync: msg.result.capabilities.textDocumentSync })); send({ jsonrpc: '2.0', id: 2, method: 'shutdown' }); }
    if (msg.id === 2) send({ jsonrpc: '2.0', method: 'exit' });
  }
});
const timer = setTimeout(() => { console.error('no answer from the language server in 60 s'); p.kill(); process.exit(1); }, 60_000);
p.on('exit', (code) => { clearTimeout(timer); console.log(`server exited with code ${code}`); process.exitCode = code === 0 ? 0 : 1; });
send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
