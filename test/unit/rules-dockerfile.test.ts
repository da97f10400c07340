// Dockerfile rules: cases beyond each rule's own examples (positive, negative, fix applied and re-linted, odd input).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixCleans, ids, lintAs, only } from './helpers';
import type { Finding } from '../../server/src/engine';

const df = (text: string) => lintAs('dockerfile', text);
const one = (text: string, id: string): Finding => {
  const found = only(df(text), id);
  assert.equal(found.length, 1, `expected one ${id}, got ${found.length}: ${JSON.stringify(found.map((f) => f.message))}\n${text}`);
  return found[0];
};
const none = (text: string, id?: string) => {
  const found = id ? only(df(text), id) : df(text);
  assert.deepEqual(found.map((f) => `${f.ruleId}: ${f.message}`), [], text);
};
const PASSWORD = 'S3cr3tPw';

describe('Dockerfiles without proxy settings, or with correct ones, get nothing', () => {
  for (const [name, text] of Object.entries({
    empty: '',
    'only comments': '# just a comment\n# another\n',
    'only a directive': '# syntax=docker/dockerfile:1\n',
    'no proxy at all': 'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    'proxy used only inside RUN': 'FROM debian:bookworm\nRUN echo "proxy is $http_proxy" && apt-get update && apt-get install -y curl\n',
    'global ARG that is not a proxy': 'ARG BASE=alpine:3.20\nFROM ${BASE}\nRUN wget -q https://example.com/x\n',
    'apt option on the command line is not persisted': 'FROM debian:bookworm\nRUN apt-get -o Acquire::http::Proxy="$http_proxy" update\n',
    'apt proxy written and removed in one RUN': 'FROM debian:bookworm\nRUN echo "Acquire::http::Proxy \\"$http_proxy\\";" > /etc/apt/apt.conf.d/99proxy \\\n && apt-get update \\\n && rm -f /etc/apt/apt.conf.d/99proxy\n',
    'npm proxy set and deleted': 'FROM node:20\nRUN npm config set proxy "$http_proxy" && npm ci && npm config delete proxy\n',
    'heredoc RUN without proxy': 'FROM alpine\nRUN <<EOF\napk add curl\necho done\nEOF\n',
    'credentials that are not a proxy': 'FROM alpine/git\nRUN git clone https://user:token@example.com/repo.git\n',
    'password from a variable': 'FROM alpine\nRUN https_proxy="http://$PROXY_USER:$PROXY_PASS@proxy:3128" apk add curl\n',
    'ENV clearing a proxy': 'FROM corp/base\nENV http_proxy= HTTPS_PROXY=""\n',
    'single-quoted proxy variable in LABEL': "FROM alpine\nLABEL note='uses $HTTP_PROXY at build time'\n",
    'escaped proxy variable': 'FROM alpine\nENV HINT=\\$http_proxy\n',
    'variable with a default': 'FROM alpine\nLABEL p=${HTTP_PROXY:-none}\n',
    'wget on alpine with http_proxy': 'FROM alpine:3.20\nENV FOO=bar\nRUN http_proxy=http://proxy:3128 https_proxy=http://proxy:3128 wget -q https://example.com/x\n',
  })) {
    test(name, () => none(text));
  }
});

describe('DF001 env-proxy', () => {
  test('warning on the name, case-insensitive, legacy form too', () => {
    for (const line of ['ENV HTTPS_PROXY=http://proxy:3128', 'ENV Https_Proxy=http://proxy:3128', 'env https_proxy http://proxy:3128']) {
      const f = one(`FROM alpine\n${line}\n`, 'DF001');
      assert.equal(f.severity, 'warning');
      assert.equal(f.range.start.line, 1);
      assert.equal(f.range.start.character, 4);
    }
  });
  test('error with a password, and the message masks it', () => {
    const f = one(`FROM alpine\nENV http_proxy=http://me:${PASSWORD}@proxy:3128\n`, 'DF001');
    assert.equal(f.severity, 'error');
    assert.ok(!f.message.includes(PASSWORD), f.message);
    assert.match(f.message, /xxxxx/);
  });
  test('NO_PROXY alone and ENV before FROM are not DF001', () => {
    none('FROM alpine\nENV NO_PROXY=localhost,127.0.0.1\n', 'DF001');
    none('ENV http_proxy=http://p:3128\nFROM alpine\n', 'DF001');
  });
  test('fix deletes the whole line when it is the only variable', () => {
    const text = 'FROM alpine\nENV http_proxy=http://p:3128\nRUN apk add curl\n';
    const f = one(text, 'DF001');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\nRUN apk add curl\n');
    assert.equal(f.fixes[0].safe, false);
  });
  test('fix removes one variable out of several, first, middle and last', () => {
    const text = 'FROM alpine\nENV http_proxy=http://p:3128 A=1 HTTPS_PROXY=http://p:3128 B="two words"\nENV no_proxy=localhost\n';
    const found = only(df(text), 'DF001');
    assert.equal(found.length, 2);
    assert.equal(assertFixCleans('dockerfile', text, found[0], found[0].fixes[0]), 'FROM alpine\nENV A=1 HTTPS_PROXY=http://p:3128 B="two words"\nENV no_proxy=localhost\n');
    assert.equal(assertFixCleans('dockerfile', text, found[1], found[1].fixes[0]), 'FROM alpine\nENV http_proxy=http://p:3128 A=1 B="two words"\nENV no_proxy=localhost\n');
    const last = 'FROM alpine\nENV A=1 \\\n    http_proxy=http://p:3128\nRUN true\n';
    const f = one(last, 'DF001');
    assert.equal(f.range.start.line, 2);
    assert.equal(assertFixCleans('dockerfile', last, f, f.fixes[0]), 'FROM alpine\nENV A=1\nRUN true\n');
  });
  test('CRLF: range and fix keep the line breaks right', () => {
    const text = 'FROM alpine\r\nENV A=1 \\\r\n  https_proxy=http://p:3128\r\nRUN true\r\n';
    const f = one(text, 'DF001');
    assert.deepEqual(f.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 13 } });
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\r\nENV A=1\r\nRUN true\r\n');
    const single = 'FROM alpine\r\nENV https_proxy=http://p:3128\r\nRUN true\r\n';
    const g = one(single, 'DF001');
    assert.equal(assertFixCleans('dockerfile', single, g, g.fixes[0]), 'FROM alpine\r\nRUN true\r\n');
  });
});

describe('DF002 arg-proxy-declared and DF003 arg-proxy-default', () => {
  test('ARG without default is DF002, with default DF003, never both', () => {
    const f = one('FROM alpine\nARG HTTP_PROXY\n', 'DF002');
    assert.equal(f.range.start.line, 1);
    none('FROM alpine\nARG HTTP_PROXY\n', 'DF003');
    one('FROM alpine\nARG HTTP_PROXY=http://p:3128\n', 'DF003');
    none('FROM alpine\nARG HTTP_PROXY=http://p:3128\n', 'DF002');
    one('FROM alpine\nARG HTTP_PROXY=\n', 'DF002');
  });
  test('several names in one ARG are split (dockerfile-ast sees one property)', () => {
    const text = 'FROM alpine\nARG VERSION HTTPS_PROXY NO_PROXY\n';
    const f = one(text, 'DF002');
    assert.deepEqual(f.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 23 } });
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\nARG VERSION NO_PROXY\n');
  });
  test('DF003 is an error with a password and masks it; fix deletes the line', () => {
    const text = `FROM alpine\nARG https_proxy="http://me:${PASSWORD}@proxy:3128"\nRUN apk add curl\n`;
    const f = one(text, 'DF003');
    assert.equal(f.severity, 'error');
    assert.ok(!f.message.includes(PASSWORD));
    none(text, 'DF004');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\nRUN apk add curl\n');
  });
  test('NO_PROXY ARGs are not reported', () => {
    none('FROM alpine\nARG NO_PROXY\nARG no_proxy=localhost\n');
  });
});

describe('DF004 literal-proxy-credentials', () => {
  for (const [name, text, line] of [
    ['RUN assignment', `FROM alpine\nRUN https_proxy=http://me:${PASSWORD}@proxy:3128 apk add curl\n`, 1],
    ['curl -x', `FROM alpine\nRUN curl -x http://me:${PASSWORD}@proxy:3128 -fsSLO https://example.com/x\n`, 1],
    ['curl --proxy', `FROM alpine\nRUN curl --proxy "http://me:${PASSWORD}@proxy:3128" https://example.com/x\n`, 1],
    ['pip --proxy', `FROM python:3.12\nRUN pip install --proxy=http://me:${PASSWORD}@proxy:3128 requests\n`, 1],
    ['apt.conf in a heredoc', `FROM debian\nRUN <<EOF\necho 'Acquire::http::Proxy "http://me:${PASSWORD}@proxy:3128";' > /tmp/x\nEOF\n`, 2],
    ['LABEL', `FROM alpine\nLABEL build.proxy="http://me:${PASSWORD}@proxy:3128"\n`, 1],
    ['ENV of another name', `FROM alpine\nENV PIP_PROXY=http://me:${PASSWORD}@proxy:3128\n`, 1],
    ['global ARG', `ARG HTTPS_PROXY=http://me:${PASSWORD}@proxy:3128\nFROM alpine\n`, 0],
    ['continued RUN line', `FROM alpine\nRUN apk add curl \\\n && curl -x http://me:${PASSWORD}@proxy:3128 https://x\n`, 2],
  ] as const) {
    test(name, () => {
      const f = one(text, 'DF004');
      assert.equal(f.severity, 'error');
      assert.equal(f.range.start.line, line);
      assert.ok(!f.message.includes(PASSWORD), f.message);
    });
  }
  test('the range covers user:password exactly', () => {
    const f = one(`FROM alpine\nRUN http_proxy=http://me:${PASSWORD}@proxy:3128 true\n`, 'DF004');
    assert.deepEqual(f.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 22 + 3 + PASSWORD.length } });
  });
  test('no password, a variable password, or a comment: nothing', () => {
    none('FROM alpine\nRUN curl -x http://me@proxy:3128 https://x\n', 'DF004');
    none('FROM alpine\nRUN curl -x "http://me:$PW@proxy:3128" https://x\n', 'DF004');
    none(`FROM alpine\n# curl -x http://me:${PASSWORD}@proxy:3128\n`, 'DF004');
  });
});

describe('DF005 proxy-var-outside-run', () => {
  test('ENV copying a predefined arg without ARG', () => {
    const text = 'FROM alpine\nENV http_proxy=$http_proxy\n';
    const f = one(text, 'DF005');
    assert.equal(f.range.start.line, 1);
    assert.equal(f.range.start.character, 15);
  });
  test('declared by ARG or ENV in scope: nothing (other rules speak)', () => {
    none('FROM alpine\nARG http_proxy\nENV http_proxy=$http_proxy\n', 'DF005');
    none('FROM alpine\nENV HTTPS_PROXY=http://p:3128\nLABEL p=$HTTPS_PROXY\n', 'DF005');
    none('FROM alpine AS base\nENV HTTPS_PROXY=http://p:3128\nFROM base\nLABEL p=$HTTPS_PROXY\n', 'DF005');
  });
  test('a global ARG is not in a stage scope', () => {
    one('ARG HTTPS_PROXY\nFROM alpine\nCOPY ${HTTPS_PROXY}/x /x\n', 'DF005');
  });
  test('ENV inherited from another stage only through FROM <stage>', () => {
    one('FROM alpine AS base\nENV HTTPS_PROXY=http://p:3128\nFROM alpine\nLABEL p=$HTTPS_PROXY\n', 'DF005');
  });
});

describe('DF006 persisted-tool-proxy-config', () => {
  for (const [name, text] of [
    ['yum.conf', 'FROM rockylinux:9\nRUN echo "proxy=http://proxy:3128" >> /etc/yum.conf && yum -y install git\n'],
    ['dnf.conf via tee', 'FROM fedora\nRUN echo proxy=http://proxy:3128 | tee -a /etc/dnf/dnf.conf\n'],
    ['pip.conf', 'FROM python:3.12\nRUN printf "[global]\\nproxy = http://proxy:3128\\n" > /etc/pip.conf\n'],
    ['pip config set', 'FROM python:3.12\nRUN pip config set global.proxy http://proxy:3128\n'],
    ['.npmrc', 'FROM node:20\nRUN echo "https-proxy=http://proxy:3128" >> ~/.npmrc\n'],
    ['.wgetrc', 'FROM debian\nRUN echo "https_proxy = http://proxy:3128" > /root/.wgetrc\n'],
    ['/etc/environment', 'FROM debian\nRUN echo "http_proxy=$http_proxy" >> /etc/environment\n'],
    ['.curlrc', 'FROM debian\nRUN echo "proxy = http://proxy:3128" > ~/.curlrc\n'],
    ['git config --global', 'FROM alpine/git\nRUN git config --global http.proxy "$http_proxy"\n'],
    ['COPY heredoc into apt.conf.d', 'FROM debian\nCOPY <<EOF /etc/apt/apt.conf.d/01proxy\nAcquire::http::Proxy "http://proxy:3128";\nEOF\n'],
  ] as const) {
    test(name, () => { one(text, 'DF006'); });
  }
  test('removed in a later RUN still counts (the layer keeps it)', () => {
    one('FROM debian\nRUN echo \'Acquire::http::Proxy "http://p:1";\' > /etc/apt/apt.conf.d/01p\nRUN apt-get update && rm /etc/apt/apt.conf.d/01p\n', 'DF006');
  });
  test('removed by a glob in the same RUN: nothing', () => {
    none('FROM debian\nRUN echo \'Acquire::http::Proxy "http://p:1";\' > /etc/apt/apt.conf.d/01p && apt-get update && rm -f /etc/apt/apt.conf.d/*p\n', 'DF006');
  });
  test('fix appends the removal to the RUN', () => {
    const text = 'FROM debian\nRUN echo "proxy=http://p:3128" >> /etc/yum.conf \\\n && yum -y install git\n';
    const f = one(text, 'DF006');
    assert.equal(f.range.start.line, 1);
    const fixed = assertFixCleans('dockerfile', text, f, f.fixes[0]);
    assert.equal(fixed, 'FROM debian\nRUN echo "proxy=http://p:3128" >> /etc/yum.conf \\\n && yum -y install git && rm -f /etc/yum.conf\n');
  });
  test('writing other config or reading the proxy: nothing', () => {
    none('FROM debian\nRUN echo "deb http://deb.debian.org/debian bookworm main" > /etc/apt/sources.list\n', 'DF006');
    none('FROM debian\nRUN echo "$http_proxy" > /dev/null && cat /etc/environment\n', 'DF006');
  });
});

describe('DF007 loopback-proxy', () => {
  test('ENV and ARG values, localhost and ::1, with the Linux hint', () => {
    for (const line of ['ENV http_proxy=http://localhost:3128', 'ARG HTTPS_PROXY=http://127.0.0.1:7890', 'ENV ALL_PROXY=socks5://[::1]:1080']) {
      const f = one(`FROM alpine\n${line}\n`, 'DF007');
      assert.equal(f.range.start.line, 1);
      assert.match(f.message, /host\.docker\.internal=host-gateway/);
    }
  });
  test('fix points at host.docker.internal, unsafe, and clears the finding', () => {
    const text = 'FROM alpine\nRUN https_proxy=http://127.0.0.1:3128 apk add curl\n';
    const f = one(text, 'DF007');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\nRUN https_proxy=http://host.docker.internal:3128 apk add curl\n');
  });
  test('RUN --network=host and NO_PROXY loopback entries: nothing', () => {
    none('FROM alpine\nRUN --network=host https_proxy=http://127.0.0.1:3128 apk add curl\n', 'DF007');
    none('FROM alpine\nRUN no_proxy=localhost,127.0.0.1 apk add curl\n', 'DF007');
  });
});

describe('DF008 case-mismatch', () => {
  test('different values in ENV, on the later name; fixes align them', () => {
    const text = 'FROM alpine\nENV HTTP_PROXY=http://a:3128\nENV http_proxy=http://b:3128\n';
    const f = one(text, 'DF008');
    assert.equal(f.range.start.line, 2);
    assert.equal(f.fixes.length, 2);
    for (const fix of f.fixes) assertFixCleans('dockerfile', text, f, fix);
  });
  test('equal values, variables, or different stages: nothing', () => {
    none('FROM alpine\nENV HTTP_PROXY=http://a:3128 http_proxy=http://a:3128\n', 'DF008');
    none('FROM alpine\nARG http_proxy\nENV HTTP_PROXY=$http_proxy http_proxy=http://a:1\n', 'DF008');
    none('FROM alpine\nENV HTTP_PROXY=http://a:3128\nFROM alpine\nENV http_proxy=http://b:3128\n', 'DF008');
  });
});

describe('DF009 from-uses-daemon-proxy and DF012 proxy-arg-before-from (build args mistaken for the builder\'s proxy)', () => {
  test('a proxy ARG before FROM names the builder proxy, the driver opt and the shell', () => {
    const text = '# syntax=docker/dockerfile:1\nARG HTTPS_PROXY=http://proxy:3128\nARG NO_PROXY=localhost\nFROM alpine:3.20\n';
    const found = only(df(text), 'DF012');
    assert.deepEqual(found.map((f) => f.range.start.line), [1, 2]);
    const m = found[0].message;
    assert.match(m, /# syntax=/);
    assert.match(m, /daemon\.json "proxies"/);
    assert.match(m, /systemd drop-in/);
    assert.match(m, /--driver-opt env\.https_proxy=/);
    assert.match(m, /shell running docker build/);
    assert.match(m, /does not reach RUN/);
    const fixed = assertFixCleans('dockerfile', text, found[0], found[0].fixes[0]);
    assert.equal(fixed, '# syntax=docker/dockerfile:1\nARG NO_PROXY=localhost\nFROM alpine:3.20\n');
  });
  test('without # syntax= the message speaks of base-image pulls only', () => {
    const f = one('ARG http_proxy\nFROM alpine\n', 'DF012');
    assert.doesNotMatch(f.message, /syntax/);
  });
  test('redeclared in a stage: says how it reaches RUN, offers no deletion', () => {
    const f = one('ARG HTTP_PROXY=http://p:3128\nFROM alpine\nARG HTTP_PROXY\nRUN apk add curl\n', 'DF012');
    assert.match(f.message, /redeclared/);
    assert.equal(f.fixes.length, 0);
  });
  test('ENV before FROM is reported too', () => {
    assert.match(one('ENV HTTP_PROXY=http://p:3128\nFROM alpine\n', 'DF012').message, /build error/);
  });
  test('FROM ${HTTP_PROXY}/image: on the variable, with or without a global ARG', () => {
    const f = one('ARG HTTP_PROXY\nFROM ${HTTP_PROXY}/library/alpine\n', 'DF009');
    assert.deepEqual(f.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 18 } });
    assert.match(f.message, /builder's proxy/);
    assert.match(one('FROM $https_proxy/alpine\n', 'DF009').message, /empty/);
  });
  test('proxy ARGs inside stages and plain FROM lines: neither rule', () => {
    none('# syntax=docker/dockerfile:1\nFROM alpine\nRUN apk add curl\n', 'DF012');
    none('# syntax=docker/dockerfile:1\nFROM alpine\nARG HTTP_PROXY\n', 'DF012');
    none('ARG REGISTRY=docker.io\nFROM ${REGISTRY}/alpine\n', 'DF009');
  });
});

describe('DF010 busybox-wget', () => {
  test('alpine + ENV https_proxy only + wget https', () => {
    const f = one('FROM alpine:3.20\nENV https_proxy=http://proxy:3128\nRUN wget -q https://example.com/a.tgz\n', 'DF010');
    assert.equal(f.range.start.line, 2);
    assert.equal(f.severity, 'info');
  });
  test('busybox derived stage, host in no_proxy', () => {
    one('FROM busybox:1.36 AS base\nENV http_proxy=http://proxy:3128 no_proxy=.corp.example\nFROM base\nRUN wget http://repo.corp.example/x\n', 'DF010');
  });
  test('not alpine, GNU wget installed, curl, or no proxy set in the file: nothing', () => {
    none('FROM debian\nENV https_proxy=http://proxy:3128\nRUN wget -q https://example.com/a\n', 'DF010');
    none('FROM alpine\nENV https_proxy=http://proxy:3128\nRUN apk add --no-cache wget && wget -q https://example.com/a\n', 'DF010');
    none('FROM alpine\nENV https_proxy=http://proxy:3128\nRUN curl -fsSLO https://example.com/a\n', 'DF010');
    none('FROM alpine\nRUN wget -q https://example.com/a\n', 'DF010');
  });
});

describe('DF011 https-proxy-scheme-in-build', () => {
  test('ENV, ARG default and RUN assignment, on the scheme', () => {
    for (const line of ['ENV HTTPS_PROXY=https://proxy:3128', 'ARG https_proxy=https://proxy:3128', 'RUN HTTPS_PROXY=https://proxy:3128 apk add curl']) {
      const f = one(`FROM alpine\n${line}\n`, 'DF011');
      assert.equal(f.range.start.line, 1);
      assert.equal(f.range.end.character - f.range.start.character, 5);
    }
  });
  test('fix switches to http:// and clears it', () => {
    const text = 'FROM alpine\nRUN https_proxy=https://proxy:3128 apk add curl\n';
    const f = one(text, 'DF011');
    assert.equal(assertFixCleans('dockerfile', text, f, f.fixes[0]), 'FROM alpine\nRUN https_proxy=http://proxy:3128 apk add curl\n');
  });
  test('an https:// target URL is not a proxy scheme', () => {
    none('FROM alpine\nRUN wget https://example.com/x\n', 'DF011');
  });
});

describe('suppression pragmas', () => {
  test('next-line ignore suppresses one DF finding', () => {
    const text = 'FROM alpine\n# proxy-doctor ignore=DF001\nENV http_proxy=http://p:3128\nENV https_proxy=http://p:3128\n';
    assert.deepEqual(only(df(text), 'DF001').map((f) => f.range.start.line), [3]);
  });
  test('global ignore suppresses file-wide', () => {
    const text = '# proxy-doctor global ignore=DF002\nFROM alpine\nARG HTTP_PROXY\nFROM debian\nARG https_proxy\n';
    none(text, 'DF002');
    assert.equal(only(df(text.replace('DF002', 'DF001')), 'DF002').length, 2);
  });
});

// The timeout guards a hang (catastrophic backtracking); speed itself is measured in bench/, not asserted here.
describe('odd input never throws and never hangs', { timeout: 120_000 }, () => {
  test('ENV heredoc (not valid Docker), continuations, escape directive, junk', () => {
    for (const text of [
      'FROM alpine\nENV <<EOT\nhttp_proxy=http://p:3128\nEOT\n',
      'FROM alpine\nENV http_proxy=http://p:3128 \\\n',
      'FROM alpine\nENV \\\n',
      'FROM alpine\nARG\nENV\nRUN\nLABEL\n',
      '# escape=`\nFROM alpine\nENV A=1 `\n  http_proxy=http://p:3128\n',
      'FROM\nFROM AS\nARG "HTTP_PROXY\nENV \'http_proxy=\n',
      '\uFEFFFROM alpine\r\nENV http_proxy=http://p:3128\r\n',
      'ARG HTTP_PROXY=${HTTP_PROXY:-http://127.0.0.1:3128}\nFROM ${HTTP_PROXY:+x}alpine\n',
      '\r\n\r\n\t \n',
    ]) {
      assert.doesNotThrow(() => df(text), text);
    }
  });
  test('the escape directive is honoured by the ARG splitter', () => {
    const text = '# escape=`\nFROM alpine\nARG A=1 `\n  HTTP_PROXY\n';
    assert.equal(one(text, 'DF002').range.start.line, 3);
  });
  test('very long lines', () => {
    const long = 'x'.repeat(200_000);
    const texts = [
      `FROM alpine\nRUN echo ${long} && wget ${'a'.repeat(50_000)}\n`,
      `FROM alpine\nRUN ${'rm -f -r '.repeat(20_000)}> /etc/environment http_proxy=http://p:3128\n`,
      `FROM alpine\nENV http_proxy=http://${long}:3128\n`,
      `FROM alpine\nRUN ${'curl -x http://a@b '.repeat(10_000)}\n`,
      `FROM alpine\nRUN ${'dnf config-manager --setopt=proxy= '.repeat(5_000)}\n`,
      `FROM alpine\nENV https_proxy=http://p:1\nRUN ${'wget '.repeat(40_000)}\n`,
      `FROM alpine\nRUN echo proxy= > /etc/yum.conf ${'rm -a -b -c '.repeat(10_000)} x\n`,
      `FROM alpine\n${'LABEL a=$HTTP_PROXY\n'.repeat(20_000)}`,
      `ARG HTTP_PROXY\n${'FROM alpine\nARG HTTP_PROXY\n'.repeat(5_000)}`,
    ];
    for (const text of texts) {
      assert.doesNotThrow(() => df(text));
    }
  });
  test('a realistic proxied Dockerfile gives the expected set', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG HTTP_PROXY',
      'FROM debian:bookworm',
      'ARG HTTP_PROXY',
      'ENV http_proxy=$HTTP_PROXY',
      'RUN apt-get update',
      '',
    ].join('\n');
    assert.deepEqual(ids(df(text)).sort(), ['DF001', 'DF002', 'DF012', 'DF013']);
  });
});

describe('DF017 proxy-in-tool-flag: proxy addresses only', () => {
  test('a scheme-less host:port after curl -x fires, also when the file never says "proxy"', () => {
    const f = one('FROM alpine\nRUN curl -fsSL -x 10.1.2.3:8080 https://example.com/install.sh | sh\n', 'DF017');
    assert.deepEqual(f.range.start, { line: 1, character: 18 }); // the value, after "RUN curl -fsSL -x "
  });
  test('values that are no proxy address stay silent', () => {
    none('FROM alpine\nRUN curl -x ht# https://example.com/\n', 'DF017');
    none('FROM alpine\nRUN curl -x "" https://example.com/\n', 'DF017');
    none('FROM alpine\nRUN curl -x "$HTTPS_PROXY" https://example.com/\n', 'DF017');
  });
});
