// Issue 5 item 3: socks_proxy, all_proxy and ftp_proxy go through the same rules as http_proxy where they apply.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintAs, only } from './helpers';

const df = (text: string) => lintAs('dockerfile', text);

describe('every proxy variable', () => {
  test('ENV of socks/all/ftp proxies is baked in like http_proxy (DF001), and a password makes it an error', () => {
    for (const name of ['socks_proxy', 'SOCKS_PROXY', 'all_proxy', 'ALL_PROXY', 'ftp_proxy']) {
      const f = only(df(`FROM alpine\nENV ${name} socks5://proxy.corp:1080\nENV no_proxy=localhost\n`), 'DF001');
      assert.equal(f.length, 1, name);
      assert.equal(only(df(`FROM alpine\nENV ${name}=socks5://me:secret@proxy.corp:1080\n`), 'DF001')[0].severity, 'error', name);
    }
  });
  test('loopback (DF007), literal credentials in RUN (DF004) and missing no_proxy (DF013) for socks_proxy', () => {
    assert.equal(only(df('FROM alpine\nENV socks_proxy=socks5://127.0.0.1:1080 no_proxy=localhost\n'), 'DF007').length, 1);
    assert.equal(only(df('FROM alpine\nRUN socks_proxy=socks5://me:secret@proxy.corp:1080 ./fetch.sh\n'), 'DF004').length, 1);
    assert.equal(only(df('FROM alpine\nENV SOCKS_PROXY=socks5://proxy.corp:1080\n'), 'DF013').length, 1);
  });
  test('ARG socks_proxy is not a predefined build argument, so DF002/DF003 do not tell to delete it', () => {
    const text = 'FROM alpine\nARG socks_proxy\nARG SOCKS_PROXY=socks5://proxy.corp:1080\nRUN ./fetch.sh\n';
    assert.deepEqual(only(df(text), 'DF002').concat(only(df(text), 'DF003')), []);
  });
  test('drop-in with only SOCKS_PROXY: dockerd has no proxy (SV008)', () => {
    const text = '[Service]\nEnvironment="SOCKS_PROXY=socks5://proxy.corp:1080"\n';
    const [f] = only(lintAs('systemd-dropin', text), 'SV008');
    assert.match(f.message, /ignores SOCKS_PROXY/);
  });
});
