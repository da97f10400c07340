// Issue 5 item 6: Dockerfile settings that do not do what they look like (DF014, DF015, DF016).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFixCleans, lintAs, only } from './helpers';

const df = (text: string) => lintAs('dockerfile', text);

describe('Dockerfile look-alikes', () => {
  test('DF014: no scheme in ENV or ARG, fix prepends http://; variables and placeholders are left alone', () => {
    const text = 'FROM python:3.12\nENV HTTPS_PROXY=proxy.corp:3128 NO_PROXY=localhost\n';
    const [f] = only(df(text), 'DF014');
    assert.match(assertFixCleans('dockerfile', text, f, f.fixes[0]), /HTTPS_PROXY=http:\/\/proxy.corp:3128/);
    for (const v of ['$HTTPS_PROXY', '{{ proxy }}', 'http://proxy.corp:3128', 'socks5://s.corp:1080']) {
      assert.equal(only(df(`FROM alpine\nARG https_proxy=${v}\nARG no_proxy=localhost\n`), 'DF014').length, 0, v);
    }
  });
  test('DF015: a RUN that only exports proxy variables; not when a command follows', () => {
    assert.equal(only(df('FROM debian\nRUN export http_proxy=http://p:3128 && export https_proxy=http://p:3128\nRUN apt-get update\n'), 'DF015').length, 1);
    assert.equal(only(df('FROM debian\nRUN export https_proxy=http://p:3128 && apt-get update\n'), 'DF015').length, 0);
    assert.equal(only(df('FROM debian\nRUN export PATH=/opt/bin:$PATH\n'), 'DF015').length, 0);
  });
  test('DF016: unset after an ENV of the same variable, also from a parent stage; not without the ENV', () => {
    const text = 'FROM debian AS base\nENV http_proxy=http://p:3128 no_proxy=localhost\nFROM base\nRUN unset http_proxy && apt-get update\n';
    assert.deepEqual(only(df(text), 'DF016').map((f) => f.range.start.line), [3]);
    assert.equal(only(df('FROM debian\nRUN unset http_proxy https_proxy && apt-get update\n'), 'DF016').length, 0);
  });
});
