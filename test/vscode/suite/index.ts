// Mocha entry point for the extension host (test-electron style `run()`): works under code-server's payload runner and
// under @vscode/test-electron alike. Prints one line per test and a final `N passed, N failed` line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  const only = process.env.DPD_VSCODE_GREP;
  if (only) mocha.grep(only);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const runner = mocha.run(() => {
      console.log(`vscode suite: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      console.log(`${passed} passed, ${failed} failed`);
      if (failed > 0 || passed === 0) reject(new Error(`${failed} of ${passed + failed} tests failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => pending++);
  });
}
