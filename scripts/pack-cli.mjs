// `npm run pack:cli`: builds the CLI and language server and packs them as the npm package `docker-proxy-doctor`
// (cli-package/package.json: a `bin`, no dependencies; both bundles are self-contained). Stages the package in
// out/cli-package/, writes the tarball to dist/ and prints its absolute path as the last line.
// --no-build packs the current dist/cli.js and dist/server.js (the test suite builds once before).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, 'out/cli-package');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!process.argv.includes('--no-build')) execFileSync(npm, ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
for (const f of ['dist/cli.js', 'dist/server.js']) {
  if (!existsSync(path.join(root, f))) throw new Error(`${f} is missing: run npm run build`);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const manifest = JSON.parse(readFileSync(path.join(root, 'cli-package/package.json'), 'utf8'));
manifest.version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
if (manifest.dependencies || manifest.optionalDependencies || manifest.peerDependencies) throw new Error('the CLI package must have no runtime dependencies');
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(path.join(root, 'dist/cli.js'), path.join(stage, 'cli.js'));
copyFileSync(path.join(root, 'dist/server.js'), path.join(stage, 'server.js'));
copyFileSync(path.join(root, 'cli-package/README.md'), path.join(stage, 'README.md'));
copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));

mkdirSync(path.join(root, 'dist'), { recursive: true });
const out = execFileSync(npm, ['pack', '--json', '--pack-destination', path.join(root, 'dist')], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 2] });
const [info] = JSON.parse(out);
const tarball = path.join(root, 'dist', info.filename);
process.stderr.write(`${info.name}@${info.version}: ${info.entryCount} files, ${info.size} bytes packed, ${info.unpackedSize} unpacked\n`);
process.stdout.write(`${tarball}\n`);
