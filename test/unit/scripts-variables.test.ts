// Issue 18 item 3: commands behind the script's own variables and arrays, loopback proxies in --build-arg, BX004
// for proxies passed only as build args (and silent when the options are out of sight), and Docker's files written
// from here-documents linted as those files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { tokenizeShell } from '../../server/src/engine/parse/shell';
import { sliceOf } from '../../server/src/engine/parse/mapped';

function ids(text: string, path = '/project/build.sh'): string[] {
  return lint(text, 'shell', { path, onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } }).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

const PROXY = '#!/bin/bash\nexport HTTPS_PROXY=http://proxy.corp.example:3128\n';

test('tokenizer: array assignments keep their elements; redirections keep their targets; pipes are marked', () => {
  const text = 'ARGS=(--name b "--driver-opt" \'env.x=1\' # note\n  --use)\ncat <<EOF | sudo tee /etc/docker/daemon.json >/dev/null 2>&1\n{}\nEOF\n';
  const s = tokenizeShell(sliceOf(text, 0, text.length));
  const arr = s.commands[0].words[0];
  assert.equal(arr.value, 'ARGS=');
  assert.deepEqual(arr.array?.map((w) => w.value), ['--name', 'b', '--driver-opt', 'env.x=1', '--use']);
  assert.equal(s.commands[1].pipe, true);
  assert.deepEqual(s.commands[2].words.map((w) => w.value), ['sudo', 'tee', '/etc/docker/daemon.json']);
  assert.deepEqual(s.commands[2].redirects?.map((r) => `${r.op} ${r.target.value}`), ['> /dev/null']);
  assert.equal(s.hereDocs[0].command, s.commands[1]);
  assert.equal(s.hereDocs[0].body.text, '{}\n');
});

test('a docker command behind a variable prefix is read: $DRY, ${SUDO}, $DOCKER=docker, an array holding the command', () => {
  const create = 'buildx create --name ci --driver docker-container --use\n';
  assert.deepEqual(ids(`${PROXY}$DRY docker ${create}`), ['BX004@3']);
  assert.deepEqual(ids(`${PROXY}SUDO=sudo\n\${SUDO} docker ${create}`), ['BX004@4']);
  assert.deepEqual(ids(`${PROXY}SUDO=\n\${SUDO} docker ${create}`), ['BX004@4']);
  assert.deepEqual(ids(`${PROXY}DOCKER=docker\n$DOCKER ${create}`), ['BX004@4']);
  assert.deepEqual(ids(`${PROXY}CMD=(docker buildx)\n"\${CMD[@]}" create --name ci\n`), ['BX004@4']);
  // a command word whose value is unknown and is not followed by docker stays unread
  assert.deepEqual(ids(`${PROXY}$BUILDX create --name ci\n`), []);
});

test('driver options from an array: seen when the script shows them, silent when it cannot', () => {
  assert.deepEqual(ids(`${PROXY}OPTS=(--name ci)\nOPTS+=(--driver-opt "env.https_proxy=$HTTPS_PROXY")\ndocker buildx create "\${OPTS[@]}"\n`), []);
  assert.deepEqual(ids(`${PROXY}OPTS=(--name ci)\ndocker buildx create "\${OPTS[@]}"\n`), ['BX004@4']);
  assert.deepEqual(ids(`${PROXY}. ./ci/env.sh\ndocker buildx create --use "\${BUILDER_OPTS[@]}"\n`), []);
  assert.deepEqual(ids(`${PROXY}OPTS="$(cat opts.txt)"\ndocker buildx create $OPTS\n`), []);
  // an array set in a way this reader does not follow is unknown too
  assert.deepEqual(ids(`${PROXY}OPTS=(--name ci)\nOPTS+=$EXTRA\ndocker buildx create "\${OPTS[@]}"\n`), []);
});

test('BX004 for a builder created where proxies are only literal --build-arg values', () => {
  const text = '#!/bin/sh\ndocker buildx create --name ci --driver docker-container --use\ndocker buildx build --build-arg http_proxy=http://proxy.corp.example:3128 --build-arg https_proxy=http://proxy.corp.example:3128 -t app .\n';
  const found = lint(text, 'shell', { path: '/p/build.sh' }).filter((f) => f.ruleId === 'BX004');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /only as --build-arg \(http_proxy, https_proxy\)/);
  assert.deepEqual(found[0].fixes[0].edits.map((e) => e.newText), [' --driver-opt env.http_proxy=http://proxy.corp.example:3128 --driver-opt env.https_proxy=http://proxy.corp.example:3128']);
  // build args taken from the environment (dynamic) are not literal values
  assert.deepEqual(ids('#!/bin/sh\ndocker buildx create --use\ndocker buildx build --build-arg https_proxy=$https_proxy .\n').filter((x) => x.startsWith('BX004')), ['BX004@2']);
  // a password is never copied into a fix
  const secret = lint('#!/bin/sh\ndocker buildx create --use\ndocker buildx build --build-arg https_proxy=http://u:Pw0rd@proxy:3128 .\n', 'shell', { path: '/p/b.sh' }).find((f) => f.ruleId === 'BX004');
  assert.deepEqual(secret?.fixes, []);
});

test('SH003: a loopback proxy in --build-arg, not with --network host, not for a dynamic value', () => {
  const text = '#!/bin/sh\ndocker build --build-arg http_proxy=http://127.0.0.1:3128 -t a .\ndocker build --build-arg HTTPS_PROXY=http://localhost:3128 -t b .\ndocker build --network host --build-arg http_proxy=http://127.0.0.1:3128 -t c .\ndocker build --network=host --build-arg http_proxy=http://127.0.0.1:3128 -t d .\ndocker build --build-arg http_proxy=$LOCAL_PROXY -t e .\ndocker build --build-arg http_proxy=http://host.docker.internal:3128 -t f .\n';
  const found = lint(text, 'shell', { path: '/p/build.sh' }).filter((f) => f.ruleId === 'SH003');
  assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`), ['2:127.0.0.1', '3:localhost']);
});

test('here-documents written to Docker files are linted as those files, findings on the right lines', () => {
  const daemon = '#!/bin/sh\nsudo mkdir -p /etc/docker\ncat <<\'EOF\' | sudo tee /etc/docker/daemon.json\n{\n  "proxies": {\n    "default": { "httpProxy": "http://proxy.corp.example:3128" }\n  }\n}\nEOF\n';
  const d = lint(daemon, 'shell', { path: '/p/setup.sh' });
  assert.ok(d.some((f) => f.ruleId === 'DJ003' && f.range.start.line === 5 && /daemon\.json written to \/etc\/docker\/daemon\.json/.test(f.message)), JSON.stringify(d.map((f) => [f.ruleId, f.range.start.line])));
  const config = '#!/bin/sh\ncat > ~/.docker/config.json <<EOF\n{ "proxies": { "default": { "httpProxy": "https://proxy.corp.example:3128", "noProxy": "localhost" } } }\nEOF\n';
  const c = lint(config, 'shell', { path: '/p/setup.sh' });
  assert.ok(c.some((f) => f.ruleId === 'CC009' && f.range.start.line === 2), JSON.stringify(c.map((f) => [f.ruleId, f.range.start.line])));
  const dropin = '#!/bin/sh\nsudo tee /etc/systemd/system/docker.service.d/proxy.conf > /dev/null <<EOF\n[Service]\nEnvironment="HTTPS_PROXY=http://127.0.0.1:3128"\nEnvironment="NO_PROXY=localhost"\nEOF\n';
  const s = lint(dropin, 'shell', { path: '/p/setup.sh' });
  assert.ok(s.every((f) => f.range.start.line >= 2 && f.range.start.line <= 4), JSON.stringify(s.map((f) => [f.ruleId, f.range.start.line])));
  // a here-document to any other file is not linted as a Docker file
  assert.deepEqual(ids('#!/bin/sh\ncat > /tmp/daemon.json.bak <<EOF\n{ "proxies": { "default": { "httpProxy": "x" } } }\nEOF\n'), []);
  // with an unquoted delimiter the shell fills in $… first: no finding on those lines
  assert.deepEqual(ids('#!/bin/sh\ncat > ~/.docker/config.json <<EOF\n{ "proxies": { "default": { "httpsProxy": "$HTTPS_PROXY", "noProxy": "$NO_PROXY" } } }\nEOF\n'), []);
});

// ---- Compose (issue 18 item 4) -------------------------------------------------------------------------------

function composeIds(text: string): string[] {
  return lint(text, 'compose', { path: '/project/compose.yaml' }).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

test('Compose: a scalar alias (NO_PROXY: *anchor) is read as its anchored value; the fix edits the anchor', () => {
  const text = 'x-no-proxy: &no_proxy localhost,127.0.0.1\nservices:\n  web:\n    image: nginx\n    environment:\n      HTTPS_PROXY: http://proxy.corp.example:3128\n      NO_PROXY: *no_proxy\n  api:\n    image: example/api\n';
  const found = lint(text, 'compose', { path: '/project/compose.yaml' }).filter((f) => f.ruleId === 'DC002');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 0, 'reported at the anchored value');
  assert.deepEqual(found[0].fixes[0]?.edits.map((e) => [e.range.start.line, e.newText]), [[0, ',api']]);
  assert.deepEqual(composeIds(text.replace('localhost,127.0.0.1', 'localhost,127.0.0.1,api')).filter((x) => x.startsWith('DC002')), []);
});

test('Compose: DC002 asks only for services reachable by name on a shared network', () => {
  const base = (web: string, nets = '') => `services:\n  web:\n    image: nginx\n${web}    environment:\n      HTTPS_PROXY: http://proxy.corp.example:3128\n      NO_PROXY: localhost\n  api:\n    image: example/api\n    networks: [back]\n  db:\n    image: postgres\n    networks: [back]\n${nets}`;
  // web is on default only: api and db are on back only, so web cannot call them by name
  assert.deepEqual(composeIds(base('')).filter((x) => x.startsWith('DC002')), []);
  // web joins back: both are asked for
  const shared = lint(base('    networks: [back, default]\n'), 'compose', { path: '/p/compose.yaml' }).filter((f) => f.ruleId === 'DC002');
  assert.match(shared[0]?.message ?? '', /api, db/);
  // network_mode: host — names of services do not resolve there
  assert.deepEqual(composeIds(base('    network_mode: host\n')).filter((x) => x.startsWith('DC002')), []);
  // only on an internal network: the proxy is the way out on purpose
  assert.deepEqual(composeIds(base('    networks: [back]\n', 'networks:\n  back:\n    internal: true\n')).filter((x) => x.startsWith('DC002')), []);
  // on an internal network and a normal one: still asked
  assert.equal(composeIds(base('    networks: [back, default]\n', 'networks:\n  back:\n    internal: true\n')).filter((x) => x.startsWith('DC002')).length, 1);
  // network_mode: service:api shares api's networks
  assert.equal(composeIds(base('    network_mode: service:api\n')).filter((x) => x.startsWith('DC002')).length, 1);
});
