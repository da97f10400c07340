// Connectivity command helpers (client/src/connectivity): registries from FROM lines and settings, the pick list,
// the notification line and the log report text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectivityReport } from '../../server/src/engine/status/report';
import { DOCKER_HUB, normalizeRegistry, registriesInDockerfile, registryChoices, registryOfImage } from '../../client/src/connectivity/registryChoices';
import { connectivitySummary, formatConnectivityReport, worstResult } from '../../client/src/connectivity/reportSummary';
import { formatConnectivityReport as formatEngineReport } from '../../server/src/engine/probe';

const connectivity = (): ConnectivityReport =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/status/connectivity.json'), 'utf8')) as ConnectivityReport;

describe('registries from image references and Dockerfiles', () => {
  test('the CLI rule: a first component is a registry only with a dot, a colon or localhost', () => {
    assert.equal(registryOfImage('ubuntu:24.04'), DOCKER_HUB);
    assert.equal(registryOfImage('library/ubuntu'), DOCKER_HUB);
    assert.equal(registryOfImage('bitnami/redis:7'), DOCKER_HUB);
    assert.equal(registryOfImage('docker.io/library/alpine'), DOCKER_HUB);
    assert.equal(registryOfImage('ghcr.io/owner/app:1'), 'ghcr.io');
    assert.equal(registryOfImage('registry.corp.example:5000/team/base@sha256:abc'), 'registry.corp.example:5000');
    assert.equal(registryOfImage('localhost/x'), 'localhost');
    assert.equal(registryOfImage('Quay.IO/x/y'), 'quay.io');
    assert.equal(registryOfImage('scratch'), undefined);
    assert.equal(registryOfImage('${BASE}'), undefined);
    assert.equal(registryOfImage('$REGISTRY/app'), undefined);
  });

  test('FROM lines: flags, stages, continuations and duplicates', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'from ghcr.io/owner/tools:2 as tools',
      'FROM build AS test',
      'FROM \\',
      '  registry.corp.example:5000/base/debian:12',
      'FROM scratch',
      'FROM ${BASE_IMAGE}',
      'FROM golang:1.23',
      'RUN echo FROM quay.io/not/an/image',
    ].join('\n');
    assert.deepEqual(registriesInDockerfile(text), [DOCKER_HUB, 'ghcr.io', 'registry.corp.example:5000']);
    assert.deepEqual(registriesInDockerfile(''), []);
  });

  test('settings values are normalised; unusable ones are dropped', () => {
    assert.equal(normalizeRegistry(' https://Registry.Corp.Example:5000/v2/ '), 'registry.corp.example:5000');
    assert.equal(normalizeRegistry('index.docker.io'), DOCKER_HUB);
    assert.equal(normalizeRegistry(''), undefined);
    assert.equal(normalizeRegistry('user:pw@host'), undefined);
    assert.equal(normalizeRegistry('two words'), undefined);
  });

  test('pick list: Docker Hub first, then settings, then Dockerfiles, each once with every origin', () => {
    const choices = registryChoices(['ghcr.io', 'docker.io', 'bad value'], [
      { file: 'Dockerfile', registries: [DOCKER_HUB, 'ghcr.io', 'quay.io'] },
      { file: 'app/Dockerfile', registries: ['quay.io'] },
    ]);
    assert.deepEqual(choices.map((c) => c.registry), [DOCKER_HUB, 'ghcr.io', 'quay.io']);
    assert.match(choices[0].origin, /^Docker Hub.*setting, FROM in Dockerfile$/);
    assert.equal(choices[1].origin, 'setting, FROM in Dockerfile');
    assert.equal(choices[2].origin, 'FROM in Dockerfile, FROM in app/Dockerfile');
    assert.ok(choices.every((c) => c.picked));
  });
});

describe('connectivity report text', () => {
  test('worst result: the timeout beats the 407; summary says how many were ok', () => {
    const r = connectivity();
    assert.equal(worstResult(r)!.layer, 'cli-shell');
    const s = connectivitySummary(r);
    assert.equal(s.severity, 'error');
    assert.equal(s.text, 'Connectivity test: 1 of 4 probes ok; worst: cli-shell → registry-1.docker.io: timeout (5004 ms): no answer within 5 s');
  });

  test('all ok, and nothing probed', () => {
    const r = connectivity();
    r.results = r.results.filter((x) => x.outcome === 'ok');
    assert.deepEqual(connectivitySummary(r), { severity: 'info', text: 'Connectivity test: all 1 probe ok in 5012 ms.' });
    r.results = [];
    assert.equal(connectivitySummary(r).severity, 'warning');
  });

  test('where Docker itself (the deep test) and the model disagree, the headline follows Docker', () => {
    const r = connectivity();
    r.results = r.results.filter((x) => x.layer === 'vscode' || x.layer === 'daemon');
    r.results.push({ ...r.results[1], deep: true, outcome: 'ok', cause: undefined, causeId: undefined, action: undefined, durationMs: 2100 });
    assert.deepEqual(connectivitySummary(r), { severity: 'info', text: 'Connectivity test: all 2 probes ok in 5012 ms.' });
    assert.match(formatConnectivityReport(r), /== \[OK\] daemon deep → registry-1\.docker\.io 2\.10 s/);
    assert.match(formatConnectivityReport(r), /== \[FAIL\] daemon → registry-1\.docker\.io \d+ ms/, 'the log keeps the modelled result too');
  });

  test('the log text is the engine\'s one report format: phases, timings, the masked proxy, the NO_PROXY decision, cause and next step', () => {
    const r = connectivity();
    r.results[1].proxy = 'http://bob:secret@proxy.corp.example:3128';
    const text = formatConnectivityReport(r);
    assert.equal(text, formatEngineReport(r));
    assert.ok(!text.includes('secret'));
    assert.match(text, /^== \[FAIL\] daemon → registry-1\.docker\.io 33 ms\n {3}route: {4}proxy http:\/\/xxxxx:xxxxx@proxy\.corp\.example:3128$/m);
    assert.match(text, /^ {3}\[FAIL\] connect +31 ms {2}CONNECT registry-1\.docker\.io:443 -> 407$/m);
    assert.match(text, /^ {3}cause: {4}\[proxy-auth\] the proxy answered 407: credentials missing or wrong$/m);
    assert.match(text, /^== \[UNREACHABLE\] client-config → registry-1\.docker\.io/m);
  });
});
