// Connectivity command helpers (client/src/connectivity): registries from FROM lines and settings, the pick list,
// the notification line and the log report text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConnectivityReport } from '../../server/src/engine/status/report';
import { DOCKER_HUB, normalizeRegistry, registriesInDockerfile, registryChoices, registryOfImage } from '../../client/src/connectivity/registries';
import { connectivitySummary, formatConnectivityReport, worstResult } from '../../client/src/connectivity/format';

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
    assert.match(formatConnectivityReport(r), /\[OK\] daemon \(docker pull\) → registry-1\.docker\.io: ok \(2100 ms\)/);
    assert.match(formatConnectivityReport(r), /\[FAIL\] daemon → registry-1\.docker\.io: fail/, 'the log keeps the modelled result too');
  });

  test('the log text has phases, timings, the masked proxy, the NO_PROXY decision, cause and next step', () => {
    const r = connectivity();
    r.results[1].proxy = 'http://bob:secret@proxy.corp.example:3128';
    const text = formatConnectivityReport(r);
    assert.ok(!text.includes('secret'));
    assert.match(text, /^Connectivity test 2026-11-30T07:43:00.000Z: registry-1.docker.io; worst error; 5012 ms in all/);
    assert.match(text, /\[FAIL\] daemon → registry-1.docker.io: fail \(33 ms\)\n  route: proxy http:\/\/xxxxx:xxxxx@proxy.corp.example:3128\n  NO_PROXY: no NO_PROXY entry matches \(Go\)/);
    assert.match(text, /FAIL connect      31 ms  CONNECT registry-1.docker.io:443 -> 407/);
    assert.match(text, /cause: the proxy answered 407: credentials missing or wrong \[proxy-auth\]\n  next step: put the right user/);
    assert.match(text, /\[UNREACHABLE\] client-config → registry-1.docker.io: unreachable \(0 ms\)\n  route: not-probed/);
  });
});
