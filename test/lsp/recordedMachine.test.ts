// The language server on a recorded machine: startServer takes its doctor (and so its machine) from outside, so
// `dockerProxy/status`, `dockerProxy/explain` and `dockerProxy/plan` over stdio answer about the recorded Docker Desktop for Mac
// (test/fixtures/engines/desktop-mac, each file naming its public source), not about this Linux box. Were the
// handlers still to build the real machine, this box (no Desktop, no daemon at DOCKER_HOST) would answer instead.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import type { ExplainResponse, SetupPlanResponse } from '../../server/src/shared/protocol';
import { TestClient } from './client';

const RECORDED_SERVER = path.join(__dirname, 'recordedMachineServer.js');
const DAEMON_ERROR = 'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused';

let tmp = '';
let client: TestClient;

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dpd-lsp-recorded-'));
  client = await TestClient.start({
    server: RECORDED_SERVER,
    // This box's own view, should the server look at it: an empty home and a daemon socket nobody listens on.
    env: { PATH: process.env.PATH, HOME: tmp, DOCKER_HOST: `unix://${path.join(tmp, 'no-daemon.sock')}`, DPD_RECORDED_MACHINE: 'desktop-mac' },
  });
});
after(async () => {
  await client?.shutdown().catch(() => client.dispose());
  rmSync(tmp, { recursive: true, force: true });
});

describe('the server on a recorded machine (Docker Desktop for Mac)', () => {
  test('dockerProxy/status describes the recorded machine', async () => {
    const report = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: true });
    assert.equal(report.docker.state, 'ok', JSON.stringify(report.docker));
    assert.equal(report.docker.serverVersion, '19.03.13', 'the version in docker/for-mac#5021');
    assert.equal(report.docker.engine?.kind, 'desktop');
    assert.equal(report.docker.host, 'unix:///Users/alice/.docker/run/docker.sock');
    const daemon = report.layers.find((l) => l.id === 'daemon')!;
    const pac = daemon.values.find((v) => v.source.label === 'scutil --proxy');
    assert.equal(pac?.value, 'http://wpad.company.com/wpad.dat', JSON.stringify(daemon.values));
    const calls = await client.request<string[]>('dockerProxyDoctorTest/recordedCalls', null);
    assert.ok(calls.includes('docker info --format {{json .}}') && calls.includes('scutil --proxy'), calls.join('; '));
  });

  test('dockerProxy/explain attributes the daemon\'s error to the Desktop VM', async () => {
    const answer = await client.request<ExplainResponse>('dockerProxy/explain', { text: DAEMON_ERROR, trusted: true });
    assert.equal(answer.attributed, true);
    assert.equal(answer.explanations.length, 1);
    const machine = answer.explanations[0].machine;
    assert.equal(machine?.layer, 'daemon');
    assert.equal(machine?.namespace, 'the Docker Desktop VM');
    assert.equal(machine?.onHost, false);
  });

  test('dockerProxy/plan plans for the recorded Desktop: its settings are listed, its daemon is not edited', async () => {
    const session = 'recorded-1';
    const defaults = await client.request<SetupPlanResponse>('dockerProxy/plan', { trusted: true, session, composeServices: ['api'] });
    assert.deepEqual(defaults.layers, ['daemon', 'client-config']);
    assert.deepEqual(defaults.noProxy, ['localhost', '127.0.0.1', '::1', 'api']);
    assert.equal(defaults.plan, undefined, 'no input, no plan');
    const answer = await client.request<SetupPlanResponse>('dockerProxy/plan', {
      trusted: true, session, composeServices: ['api'], input: { proxy: 'http://proxy.corp.example:3128', user: 'alice', password: 's3cret' },
    });
    const plan = answer.plan!;
    assert.ok(plan, answer.error);
    assert.deepEqual(plan.changes.map((c) => [c.layer, c.path]), [['client-config', '/Users/alice/.docker/config.json']], 'the recorded home, not this box\'s');
    assert.equal(plan.desktop?.bypass, 'localhost,127.0.0.1,::1,api');
    assert.match(plan.blocked.find((b) => b.layer === 'daemon')?.reason ?? '', /Docker Desktop owns the daemon's proxy/);
    const bad = await client.request<SetupPlanResponse>('dockerProxy/plan', { trusted: true, session, input: { proxy: 'http://user:pw@' } });
    assert.equal(bad.plan, undefined);
    assert.ok(bad.error && !bad.error.includes('pw@'), bad.error);
  });

  test('untrusted: the recording is not asked, the text alone explains', async () => {
    const before = (await client.request<string[]>('dockerProxyDoctorTest/recordedCalls', null)).length;
    const answer = await client.request<ExplainResponse>('dockerProxy/explain', { text: DAEMON_ERROR, trusted: false });
    assert.equal(answer.attributed, false);
    assert.equal(answer.explanations[0].machine, undefined);
    const status = await client.request<ProxyStatusReport>('dockerProxy/status', { trusted: false });
    assert.equal(status.docker.state, 'not-checked');
    assert.equal((await client.request<string[]>('dockerProxyDoctorTest/recordedCalls', null)).length, before, 'no recorded command was run');
  });
});
