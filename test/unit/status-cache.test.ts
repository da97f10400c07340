// The server's status requests: a request never gets the answer of a discovery that was already reading the machine
// when it came (that one may have read config.json before a change the request was sent for). A doctor whose status
// calls resolve when the test says stands in for the machine, so the order of events is the test's, not the clock's.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ServerStatusCache } from '../../server/src/lsp/statusHandler';
import type { Doctor } from '../../server/src/engine/doctor';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import type { StatusRequestParams } from '../../server/src/shared/protocol';

const report = (): ProxyStatusReport =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../test/fixtures/status', 'proxied.json'), 'utf8')) as ProxyStatusReport;

/** A doctor whose status() calls wait until released, each answering with the number of the call that made it. */
function heldDoctor() {
  const calls: Array<{ release: () => void; started: number }> = [];
  const doctor = {
    status: () => new Promise<ProxyStatusReport>((resolve) => {
      const n = calls.length + 1;
      calls.push({ started: n, release: () => resolve({ ...report(), generatedAt: `call ${n}` } as ProxyStatusReport) });
    }),
  } as unknown as Doctor;
  return { doctor, calls };
}

/** Lets the queued promise callbacks run (the cache awaits the rules setting before it starts a discovery). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('server status requests', () => {
  const params = { trusted: true } as unknown as StatusRequestParams;

  test('a request that comes while a discovery runs gets a discovery started after it', async () => {
    const { doctor, calls } = heldDoctor();
    const cache = new ServerStatusCache(doctor, () => {}, () => {});
    const first = cache.run(params);
    await settle();
    assert.equal(calls.length, 1, 'the first request started a discovery');
    const second = cache.run(params);
    const third = cache.run(params);
    await settle();
    assert.equal(calls.length, 1, 'nothing else reads the machine while the first discovery runs');
    calls[0].release();
    assert.equal((await first).generatedAt, 'call 1');
    await settle();
    assert.equal(calls.length, 2, 'the waiting requests start one discovery of their own');
    calls[1].release();
    assert.equal((await second).generatedAt, 'call 2', 'not the answer of the discovery that was running when it came');
    assert.equal((await third).generatedAt, 'call 2', 'requests that waited together share one discovery');
    cache.dispose();
  });

  test('a failed discovery does not fail the request queued behind it', async () => {
    let n = 0;
    const doctor = {
      status: () => (++n === 1 ? Promise.reject(new Error('docker hung')) : Promise.resolve({ ...report(), generatedAt: `call ${n}` })),
    } as unknown as Doctor;
    const cache = new ServerStatusCache(doctor, () => {}, () => {});
    const first = cache.run(params);
    const second = cache.run(params);
    await assert.rejects(first, /docker hung/);
    assert.equal((await second).generatedAt, 'call 2');
    cache.dispose();
  });
});
