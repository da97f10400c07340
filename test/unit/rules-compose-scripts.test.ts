// Compose, CI-workflow and script rules beyond their own examples: detection by name, files with no Docker proxy
// content, fixes applied and re-linted, NO_PROXY rules on values found in these files, suppression pragmas.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, detectKind, fixAllText, kindFromLocation, type FileKind, type Finding } from '../../server/src/engine';
import { disableForFileEdit, disableForLineEdit } from '../../server/src/engine/suppress';
import { assertFixCleans, ids, lintAs, only } from './helpers';

const WF = '/repo/.github/workflows/build.yml';
const compose = (text: string) => lintAs('compose', text, '/repo/compose.yaml');
const shell = (text: string, path = '/repo/build.sh') => lintAs('shell', text, path);
const workflow = (text: string, path = WF) => lintAs('ci-workflow', text, path);
const one = (findings: Finding[], id: string): Finding => {
  const found = only(findings, id);
  assert.equal(found.length, 1, `expected one ${id}, got ${JSON.stringify(findings.map((f) => `${f.ruleId}: ${f.message}`))}`);
  return found[0];
};

describe('detection by name and location', () => {
  const cases: [string, FileKind | undefined][] = [
    ['/r/compose.yaml', 'compose'], ['/r/compose.yml', 'compose'], ['/r/docker-compose.yml', 'compose'],
    ['/r/docker-compose.prod.yaml', 'compose'], ['/r/compose.override.yml', 'compose'], ['/r/docker-compose-dev.yml', 'compose'],
    ['/r/.github/workflows/ci.yml', 'ci-workflow'], ['C:\\r\\.github\\workflows\\ci.yaml', 'ci-workflow'], ['/r/.gitlab-ci.yml', 'ci-workflow'],
    ['/r/build.sh', 'shell'], ['/r/ci/run.bash', 'shell'], ['/r/Makefile', 'shell'], ['/r/docker.mk', 'shell'], ['/r/Jenkinsfile', 'shell'],
    ['/r/Jenkinsfile.release', 'shell'],
    ['/r/k8s/deployment.yaml', undefined], ['/r/.github/dependabot.yml', undefined], ['/r/mkdocs.yml', undefined],
    ['/r/.github/workflows/README.md', undefined], ['/r/composer.json', undefined], ['/r/src/main.go', undefined],
  ];
  for (const [p, kind] of cases) test(`${p} → ${kind}`, () => assert.equal(kindFromLocation(p), kind));
  test('an extension-less script is one by its #! line only', () => {
    assert.equal(detectKind('/r/bin/release', '#!/usr/bin/env bash\necho hi\n'), 'shell');
    assert.equal(detectKind('/r/bin/tool', '#!/usr/bin/env python3\nprint(1)\n'), undefined);
    assert.equal(detectKind('/r/bin/notes', 'plain text\n'), undefined);
  });
});

describe('files without Docker proxy content get nothing', () => {
  const texts: [FileKind, string, string][] = [
    ['compose', '/r/compose.yaml', ''],
    ['compose', '/r/compose.yaml', 'services: {}\n'],
    ['compose', '/r/compose.yaml', ':::: not yaml [\n  - {\n'],
    ['compose', '/r/compose.yaml', 'services:\n  - just\n  - a list\n'],
    ['compose', '/r/compose.yaml', 'services:\n  web:\n    image: nginx\n    environment: "not a map"\n'],
    ['ci-workflow', WF, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n'],
    ['ci-workflow', WF, 'jobs: 3\n'],
    ['ci-workflow', WF, 'jobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - shell: pwsh\n        run: docker build --build-arg "HTTP_PROXY=http://u:Pw0rd@p:3128" .\n'],
    ['ci-workflow', '/r/.gitlab-ci.yml', 'test:\n  script: make test\n'],
    ['shell', '/r/build.sh', '#!/bin/sh\nset -e\nmake all\n'],
    ['shell', '/r/build.sh', 'if [ "$x" = y ]; then\n  echo "unterminated\nfi\n'],
    ['shell', '/r/Makefile', 'all:\n\tgo build ./...\n'],
    ['shell', '/r/Jenkinsfile', "node { sh 'make' }\n"],
  ];
  for (const [kind, p, text] of texts) test(`${kind}: ${JSON.stringify(text.slice(0, 40))}`, () => assert.deepEqual(lintAs(kind, text, p).map((f) => f.message), []));
});

describe('Compose rules', () => {
  test('DC002 lists the missing services and its fix makes the value complete', () => {
    const text = 'services:\n  web:\n    image: w\n    environment:\n      - HTTPS_PROXY=http://proxy:3128\n      - "NO_PROXY=localhost,127.0.0.1"\n  api:\n    image: a\n  db:\n    image: d\n';
    const f = one(compose(text), 'DC002');
    assert.match(f.message, /api, db/);
    const fixed = assertFixCleans('compose', text, f, f.fixes[0], '/repo/compose.yaml');
    assert.match(fixed, /"NO_PROXY=localhost,127\.0\.0\.1,api,db"/);
  });
  test('DC002: no NO_PROXY at all is reported on the proxy; `*` and ${NO_PROXY} are not judged', () => {
    const base = 'services:\n  web:\n    image: w\n    environment:\n      HTTPS_PROXY: http://proxy:3128\nNP\n  db:\n    image: d\n';
    assert.match(one(compose(base.replace('NP\n', '')), 'DC002').message, /no NO_PROXY/);
    assert.deepEqual(only(compose(base.replace('NP', '      NO_PROXY: "*"')), 'DC002'), []);
    assert.deepEqual(only(compose(base.replace('NP', '      NO_PROXY: ${NO_PROXY}')), 'DC002'), []);
  });
  test('DC005 fix adds the upper-case twin in list form too', () => {
    const text = 'services:\n  app:\n    build:\n      context: .\n      args:\n        - https_proxy=http://proxy:3128\n';
    const f = one(compose(text), 'DC005');
    assert.match(assertFixCleans('compose', text, f, f.fixes[0], '/repo/compose.yaml'), /- https_proxy=http:\/\/proxy:3128\n {8}- HTTPS_PROXY=http:\/\/proxy:3128/);
  });
  test('DC006 fix adds extra_hosts to the build section for build args', () => {
    const text = 'services:\n  app:\n    build:\n      context: .\n      args:\n        HTTPS_PROXY: http://host.docker.internal:3128\n';
    const f = one(compose(text), 'DC006');
    const fixed = assertFixCleans('compose', text, f, f.fixes[0], '/repo/compose.yaml');
    assert.match(fixed, /build:\n {6}extra_hosts:\n {8}- "host.docker.internal:host-gateway"\n {6}context: \./);
  });
  test('DC001 and DC006 stay quiet with host networking', () => {
    const text = 'services:\n  app:\n    network_mode: host\n    build:\n      context: .\n      network: host\n      args:\n        HTTPS_PROXY: http://127.0.0.1:3128\n    environment:\n      HTTPS_PROXY: http://host.docker.internal:3128\n      NO_PROXY: localhost\n';
    assert.deepEqual(ids(compose(text)).filter((i) => i !== 'DC003'), []);
  });
  test('NO_PROXY rules run on environment and build args, with fixes inside YAML values', () => {
    const text = 'services:\n  app:\n    image: a\n    environment:\n      HTTPS_PROXY: http://proxy:3128\n      NO_PROXY: "localhost 127.0.0.1 .corp"\n';
    const f = one(compose(text), 'NP004');
    assert.match(assertFixCleans('compose', text, f, f.fixes[0], '/repo/compose.yaml'), /NO_PROXY: "localhost,127\.0\.0\.1,\.corp"/);
    assert.ok(only(compose('services:\n  a:\n    build:\n      args:\n        NO_PROXY: 172.17.*\n'), 'NP001').length === 1);
  });
  test('DC004 never shows the password', () => {
    const f = one(compose('services:\n  a:\n    environment:\n      HTTP_PROXY: http://bob:Pa55word@proxy:3128\n'), 'DC004');
    assert.doesNotMatch(f.message, /Pa55word|bob/);
  });
});

describe('builder and script rules', () => {
  test('BX001 fix for the --driver-opt=value form and for a variable', () => {
    const text = '#!/bin/sh\ndocker buildx create --driver-opt=env.no_proxy=a.example,b.example --driver-opt "env.no_proxy=$NO_PROXY"\n';
    const found = only(shell(text), 'BX001');
    assert.deepEqual(found.map((f) => f.severity), ['error', 'warning']);
    const fixed = fixAllText(text, 'shell', { path: '/repo/build.sh' });
    assert.equal(fixed, '#!/bin/sh\ndocker buildx create --driver-opt=\'"env.no_proxy=a.example,b.example"\' --driver-opt "\\"env.no_proxy=$NO_PROXY\\""\n');
    assert.deepEqual(only(shell(fixed), 'BX001'), []);
  });
  test('BX001 leaves other CSV options alone (several k=v in one --driver-opt is legal)', () => {
    assert.deepEqual(shell('docker buildx create --driver-opt network=host,image=moby/buildkit:v0.16.0\n'), []);
  });
  test('BX003/BX004 do not apply to the docker driver', () => {
    const text = 'export HTTPS_PROXY=http://proxy:3128\ndocker buildx create --driver docker --driver-opt env.https_proxy=http://127.0.0.1:3128\n';
    assert.deepEqual(ids(shell(text)).filter((i) => i.startsWith('BX')), []);
  });
  test('BX004 fix passes the exported variables, quoted for CSV where needed', () => {
    const text = '#!/bin/sh\nexport HTTPS_PROXY=http://proxy:3128 NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name b --use\n';
    const f = one(shell(text), 'BX004');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /docker buildx create --driver-opt "env\.https_proxy=\$HTTPS_PROXY" --driver-opt "\\"env\.no_proxy=\$NO_PROXY\\"" --name b --use/);
    assert.deepEqual(ids(shell(fixed)), []);
  });
  test('SH001: BUILDKIT_NO_CLIENT_TOKEN, the legacy builder and a shell that reads $HTTPS_PROXY are not reported', () => {
    const bad = 'docker build --build-arg HTTPS_PROXY=http://proxy:3128 .\n';
    assert.equal(only(shell(bad), 'SH001').length, 1);
    assert.deepEqual(only(shell('export BUILDKIT_NO_CLIENT_TOKEN=1\n' + bad), 'SH001'), []);
    assert.deepEqual(only(shell('DOCKER_BUILDKIT=0 ' + bad), 'SH001'), []);
    assert.deepEqual(only(shell('echo "using $HTTPS_PROXY"\n' + bad), 'SH001'), []);
    assert.deepEqual(only(shell('HTTPS_PROXY=http://proxy:3128 ' + bad), 'SH001'), []);
  });
  test('SH001 in a workflow: a step env with HTTPS_PROXY covers that step', () => {
    const text = 'on: push\njobs:\n  b:\n    runs-on: x\n    steps:\n      - run: docker build --build-arg HTTPS_PROXY=http://proxy:3128 .\n        env:\n          HTTPS_PROXY: http://proxy:3128\n';
    assert.deepEqual(only(workflow(text), 'SH001'), []);
    assert.equal(only(workflow(text.replace(/ {8}env:\n.*\n$/, '')), 'SH001').length, 1);
  });
  test('SH002 on a GitLab job and a Makefile, password never shown', () => {
    const gl = 'build:\n  script:\n    - docker build --build-arg "HTTP_PROXY=http://ci:Xy7zPass@proxy:3128" .\n';
    const f = one(workflow(gl, '/repo/.gitlab-ci.yml'), 'SH002');
    assert.doesNotMatch(f.message, /Xy7zPass/);
    assert.equal(only(shell('img:\n\tdocker build --build-arg HTTPS_PROXY=http://u:Secr3t@p:3128 .\n', '/repo/Makefile'), 'SH002').length, 1);
  });
  test('NO_PROXY rules on exports, build args and workflow env, with fixes', () => {
    const text = '#!/bin/sh\nexport NO_PROXY="localhost 127.0.0.1"\ndocker build --build-arg no_proxy=*.corp.example .\n';
    const found = shell(text);
    const np4 = one(found, 'NP004');
    assertFixCleans('shell', text, np4, np4.fixes[0], '/repo/build.sh');
    one(found, 'NP005');
    const wf = 'env:\n  NO_PROXY: localhost,[::1]\njobs: {}\n';
    one(workflow(wf), 'NP008');
  });
});

describe('suppression pragmas in the new kinds', () => {
  test('line and file pragmas in scripts, Compose files and Jenkinsfiles', () => {
    const sh = '#!/bin/sh\n# proxy-doctor ignore=BX001\ndocker buildx create --driver-opt env.no_proxy=a,b\n';
    assert.deepEqual(ids(shell(sh)), []);
    const yml = '# proxy-doctor global ignore=DC004\nservices:\n  a:\n    environment:\n      HTTP_PROXY: http://u:p4ss@proxy:3128\n';
    assert.deepEqual(ids(compose(yml)), []);
    const jf = "pipeline {\n  stages { stage('x') { steps {\n    // proxy-doctor ignore=SH002\n    sh 'docker build --build-arg HTTP_PROXY=http://u:p4ss@proxy:3128 .'\n  } } }\n}\n";
    assert.deepEqual(ids(shell(jf, '/repo/Jenkinsfile')).filter((i) => i === 'SH002'), []);
  });
  test('pragma edits: after the #! line, `//` in a Jenkinsfile, file-level only in workflows', () => {
    const sh = '#!/bin/sh\ndocker buildx create --driver-opt env.no_proxy=a,b\n';
    const fileEdit = disableForFileEdit(sh, 'shell', 'BX001')!;
    assert.equal(applyEdits(sh, [fileEdit]), '#!/bin/sh\n# proxy-doctor global ignore=BX001\ndocker buildx create --driver-opt env.no_proxy=a,b\n');
    assert.deepEqual(ids(shell(applyEdits(sh, [fileEdit]))), []);
    const jf = "pipeline {\n  steps {\n    sh 'x'\n  }\n}\n";
    assert.match(disableForLineEdit(jf, 'shell', 'SH002', 2)!.newText, /^ {4}\/\/ proxy-doctor ignore=SH002/);
    assert.equal(disableForLineEdit('jobs: {}\n', 'ci-workflow', 'BX001', 0), undefined);
    assert.ok(disableForFileEdit('jobs: {}\n', 'ci-workflow', 'BX001'));
  });
});

describe('bad input never crashes', () => {
  test('pathological YAML nesting is refused before parsing (PD001)', () => {
    for (const text of ['['.repeat(100_000), '- '.repeat(50_000) + 'x', '{a: '.repeat(20_000)]) {
      const f = compose(text);
      assert.deepEqual(ids(f), ['PD001']);
      assert.match(f[0].message, /YAML nesting depth \d+ exceeds the limit of 64/);
    }
  });
  test('random bytes in every new kind', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ' \n\t"\'\\$`(){}[]<>|&;#=,:-*@abcdefHTTPS_PROXYno_proxy';
    for (let i = 0; i < 200; i++) {
      const text = Array.from({ length: 200 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      for (const [kind, p] of [['compose', '/r/compose.yaml'], ['ci-workflow', WF], ['shell', '/r/b.sh'], ['shell', '/r/Makefile'], ['shell', '/r/Jenkinsfile']] as const) {
        assert.doesNotThrow(() => lintAs(kind, text, p));
      }
    }
  });
});
