// systemd drop-ins: parser, settings, SV rules (beyond their own examples), generic rules over drop-in settings,
// suppression comments, and the TextMate grammar.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument, type SystemdDocument } from '../../server/src/engine/document';
import type { EnvAssignment } from '../../server/src/engine/parse/envAssignment';
import { parseUnitFile } from '../../server/src/engine/parse/unitFile';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { applyFix, assertFixCleans, ids, lintAs, only } from './helpers';

const DROPIN = '/etc/systemd/system/docker.service.d/http-proxy.conf';
// SV016 (no NO_PROXY, info) would sit on most snippets here; it has its own tests (missing-no-proxy.test.ts).
const sv = (text: string, p = DROPIN) => lintAs('systemd-dropin', text, p).filter((f) => f.ruleId !== 'SV016');
const unit = (text: string) => parseUnitFile(text, new LineIndex(text));
const doc = (text: string, p = DROPIN) => parseDocument(text, 'systemd-dropin', p) as SystemdDocument;
/** Document text covered by a range. */
const at = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));
};
const envOf = (text: string): EnvAssignment[] => unit(text).assignments.flatMap((a) => a.environment ?? []);

const DOCS_EXAMPLE =
  '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="HTTPS_PROXY=http://proxy.example.com:3128"\n' +
  'Environment="NO_PROXY=localhost,127.0.0.1,docker-registry.example.com,.corp"\n';

describe('unit-file parser', () => {
  test('sections, keys, values with exact ranges; comments skipped', () => {
    const text = '# comment\n; other comment\n[Unit]\nDescription = Docker  \n\n[Service]\n  ExecStart=\nExecStart=/usr/bin/dockerd -H fd:// # not a comment\n';
    const u = unit(text);
    assert.deepEqual(u.sections.map((s) => [s.name, s.line]), [['Unit', 2], ['Service', 5]]);
    assert.deepEqual(u.assignments.map((a) => [a.section, a.key, a.rawValue]), [
      ['Unit', 'Description', 'Docker'],
      ['Service', 'ExecStart', ''],
      ['Service', 'ExecStart', '/usr/bin/dockerd -H fd:// # not a comment'],
    ]);
    assert.equal(at(text, u.assignments[0].keyRange), 'Description');
    assert.equal(at(text, u.assignments[0].valueRange), 'Docker');
    assert.equal(at(text, u.assignments[1].keyRange), 'ExecStart');
    assert.equal(u.assignments[1].keyRange.start.character, 2);
  });

  test('continuation lines are joined, the backslash becomes a space, offsets still point into the text', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://p:3128" \\\n# skipped comment\n  "NO_PROXY=localhost"\nUser=root\n';
    const [env, user] = unit(text).assignments;
    assert.equal(env.rawValue, '"HTTP_PROXY=http://p:3128"    "NO_PROXY=localhost"');
    assert.equal(env.line, 1);
    assert.equal(env.endLine, 3);
    assert.equal(user.key, 'User');
    const words = env.environment!;
    assert.deepEqual(words.map((w) => [w.name, w.value, w.line]), [['HTTP_PROXY', 'http://p:3128', 1], ['NO_PROXY', 'localhost', 1]]);
    assert.equal(words[1].valueRange.start.line, 3);
    assert.equal(at(text, words[1].valueRange), 'localhost');
    assert.equal(words[1].valueOffset, text.indexOf('localhost'));
    // An even number of trailing backslashes is no continuation.
    assert.equal(unit('[Service]\nA=x\\\\\nB=y\n').assignments.length, 2);
  });

  test('Environment= words: quotes, escapes, mid-word quotes, per-word ranges', () => {
    const text = `[Service]\nEnvironment=A=1 "B=two words" 'C=it''s' D="x y" E=a\\x41b "F=q\\"uote"\n`;
    const words = envOf(text);
    assert.deepEqual(words.map((w) => [w.name, w.value]), [['A', '1'], ['B', 'two words'], ['C', 'its'], ['D', 'x y'], ['E', 'aAb'], ['F', 'q"uote']]);
    assert.equal(at(text, words[1].valueRange), 'two words');
    assert.equal(words[1].quote, '"');
    assert.equal(words[0].quote, undefined);
    assert.equal(at(text, words[1].nameRange), 'B');
    assert.equal(words[4].valueOffset, undefined, 'escapes are not 1:1');
    assert.equal(words[5].valueOffset, undefined);
    assert.equal(words[0].valueOffset, text.indexOf('A=1') + 2);
  });

  test('% specifiers: %% is a literal %, anything else is recorded and kept as written', () => {
    const [a, b] = envOf('[Service]\nEnvironment="HTTP_PROXY=http://u:p%%40s@h:1" "HTTPS_PROXY=http://u:p%40s%h@h:1%"\n');
    assert.equal(a.value, 'http://u:p%40s@h:1');
    assert.deepEqual(a.specifiers, []);
    assert.equal(a.valueOffset, undefined, '%% is two characters for one');
    assert.equal(b.value, 'http://u:p%40s%h@h:1%');
    assert.deepEqual(b.specifiers.map((s) => s.char), ['4', 'h', '']);
    assert.notEqual(b.valueOffset, undefined);
  });

  test('several assignments in one quoted word are unpacked with their own ranges', () => {
    const text = '[Service]\nEnvironment="http_proxy=http://a:1 https_proxy=http://b:2"\n';
    const [w] = envOf(text);
    assert.equal(w.name, 'http_proxy');
    assert.equal(w.value, 'http://a:1 https_proxy=http://b:2');
    assert.deepEqual(w.packed!.map((p) => [p.name, p.value]), [['http_proxy', 'http://a:1'], ['https_proxy', 'http://b:2']]);
    assert.equal(at(text, w.packed![1].valueRange), 'http://b:2');
    // A space in a NO_PROXY value is not a second assignment.
    assert.equal(envOf('[Service]\nEnvironment="NO_PROXY=a, b"\n')[0].packed, undefined);
  });

  test('invalid words: unterminated quote, bad escape, no "=", bad name', () => {
    const words = envOf('[Service]\nEnvironment=NOEQ 1X=2 "Y=\\q" "Z=open\n');
    assert.deepEqual(words.map((w) => !!w.invalid), [true, true, true, true]);
  });

  test('EnvironmentFile= and empty Environment= are plain assignments', () => {
    const u = unit('[Service]\nEnvironmentFile=-/etc/default/docker\nEnvironment=\n');
    assert.deepEqual(u.assignments.map((a) => [a.key, a.rawValue, a.environment?.length]), [['EnvironmentFile', '-/etc/default/docker', undefined], ['Environment', '', 0]]);
  });

  test('shell-style files: export, quotes, comments', () => {
    const text = '# comment\nexport http_proxy="http://p:3128/"\nHTTPS_PROXY=\'http://p:3128\' # trailing\nDOCKER_OPTS="--dns 8.8.8.8"\n';
    const s = unit(text).shellAssignments;
    assert.deepEqual(s.map((a) => [a.name, a.value]), [['http_proxy', 'http://p:3128/'], ['HTTPS_PROXY', 'http://p:3128'], ['DOCKER_OPTS', '--dns 8.8.8.8']]);
    assert.equal(at(text, s[0].nameRange), 'http_proxy');
    assert.equal(at(text, s[0].valueRange), 'http://p:3128/');
  });

  test('BOM, CRLF and junk do not break it', () => {
    const text = '\uFEFF[Service]\r\nEnvironment="HTTP_PROXY=http://p:3128"\r\n';
    const [w] = envOf(text);
    assert.equal(w.value, 'http://p:3128');
    assert.equal(at(text, w.valueRange), 'http://p:3128');
    for (const junk of ['\\', '=', '[', '"', 'Environment=\\', 'Environment="\\', 'Environment=%', 'Environment=\'', '\\\n\\\n', 'Environment=\\x', '[Service]\nEnvironment="A=\\u12']) {
      assert.doesNotThrow(() => sv(junk), junk);
    }
  });
});

// Completes at all (no catastrophic backtracking); how fast is bench/'s business, the timeout only guards a hang.
test('large and repetitive input is linted without hanging', { timeout: 60_000 }, () => {
  const inputs = [
    '[Service]\n' + 'Environment="HTTP_PROXY=http://u:p%40@p:1 NO_PROXY=a" '.repeat(5_000) + '\n',
    '[Service]\nEnvironment="A=' + 'x \\\n'.repeat(20_000) + '"\n',
    '[Service]\n' + 'Environment=HTTP_PROXY=http://p:1\n'.repeat(10_000),
    'export http_proxy="' + '%'.repeat(200_000) + '\n',
  ];
  for (const text of inputs) {
    assert.doesNotThrow(() => sv(text));
  }
});

describe('drop-in proxy settings', () => {
  test('the docs example yields three daemon settings with 1:1 offsets', () => {
    const settings = doc(DOCS_EXAMPLE).proxySettings;
    assert.deepEqual(settings.map((s) => [s.variable, s.name, s.consumer]), [['http', 'HTTP_PROXY', 'daemon'], ['https', 'HTTPS_PROXY', 'daemon'], ['no', 'NO_PROXY', 'daemon']]);
    for (const s of settings) assert.equal(DOCS_EXAMPLE.slice(s.valueOffset!, s.valueOffset! + s.value.length), s.value);
  });

  test('%% decodes to % and drops the offset; outside [Service], shell files, ALL_PROXY are no settings', () => {
    assert.deepEqual(doc('[Service]\nEnvironment="HTTPS_PROXY=http://u:p%%40@h:1"\n').proxySettings.map((s) => [s.value, s.valueOffset]), [['http://u:p%40@h:1', undefined]]);
    assert.deepEqual(doc('[Unit]\nEnvironment="HTTPS_PROXY=http://p:1"\n').proxySettings, []);
    assert.deepEqual(doc('export HTTPS_PROXY=http://p:1\n', '/etc/default/docker').proxySettings, []);
    assert.deepEqual(doc('[Service]\nEnvironment="ALL_PROXY=socks5://p:1080"\n').proxySettings, []);
  });

  test('last assignment wins, an empty Environment= resets, upper case shadows lower case', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://old:1"\nEnvironment=\nEnvironment="https_proxy=http://low:1" HTTPS_PROXY=http://a:1\nEnvironment=HTTPS_PROXY=http://b:2\n';
    assert.deepEqual(doc(text).proxySettings.map((s) => [s.name, s.value]), [['HTTPS_PROXY', 'http://b:2']]);
    assert.deepEqual(doc('[Service]\nEnvironment=HTTPS_PROXY= https_proxy=http://low:1\n').proxySettings.map((s) => s.name), ['https_proxy']);
  });

  test('packed assignments become the settings that were meant', () => {
    const settings = doc('[Service]\nEnvironment="HTTP_PROXY=http://a:1 HTTPS_PROXY=http://b:2"\n').proxySettings;
    assert.deepEqual(settings.map((s) => [s.name, s.value]), [['HTTP_PROXY', 'http://a:1'], ['HTTPS_PROXY', 'http://b:2']]);
  });
});

describe('correct and proxy-free files get nothing', () => {
  const cases: Array<[string, string, string?]> = [
    ['empty', ''],
    ['docs example', DOCS_EXAMPLE],
    ['ExecStart override', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n'],
    ['one line, separately quoted', '[Service]\nEnvironment="HTTP_PROXY=http://p.corp:3128" "HTTPS_PROXY=http://p.corp:3128" "NO_PROXY=localhost,127.0.0.1"\n'],
    ['encoded password with %%', '[Service]\nEnvironment="HTTP_PROXY=http://domain%%5Cuser:complex%%23pass@proxy.example.com:3128/"\nEnvironment="HTTPS_PROXY=http://domain%%5Cuser:complex%%23pass@proxy.example.com:3128/"\n'],
    ['unrelated specifier', '[Service]\nEnvironment="DOCKER_CONFIG=%h/.docker"\n'],
    ['continuation', '[Service]\nEnvironment="HTTP_PROXY=http://p.corp:3128" \\\n  "HTTPS_PROXY=http://p.corp:3128"\n'],
    ['rootless path', DOCS_EXAMPLE, '/home/alice/.config/systemd/user/docker.service.d/http-proxy.conf'],
    ['/etc/default/docker without proxies', '#DOCKER_OPTS="--dns 8.8.8.8"\n#export http_proxy="http://127.0.0.1:3128/"\n', '/etc/default/docker'],
    ['/etc/environment without proxies', 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"\n', '/etc/environment'],
    ['lower case only', '[Service]\nEnvironment=http_proxy=http://p.corp:3128 https_proxy=http://p.corp:3128\n'],
    ['CRLF', DOCS_EXAMPLE.replace(/\n/g, '\r\n')],
  ];
  for (const [name, text, p] of cases) {
    // DJ012 (credentials stored in plain text, information) is expected wherever a URL has a password.
    test(name, () => assert.deepEqual(ids(sv(text, p)).filter((id) => id !== 'DJ012'), []));
  }
});

describe('SV005 percent-specifier', () => {
  test('on the % signs, one finding per assignment; the fix doubles each and keeps the value', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://u%5Cx:p%40ss@proxy.corp:3128"\nEnvironment="HTTP_PROXY=http://u%%5Cx:p%%40ss@proxy.corp:3128"\n';
    const [f] = only(sv(text), 'SV005');
    assert.equal(f.range.start.line, 1);
    assert.equal(at(text, f.range), '%5Cx:p%4');
    assert.match(f.message, /Failed to resolve specifiers/);
    assert.ok(!f.message.includes('p%40ss') && !f.message.includes('40'), 'no password in the message');
    assert.equal(f.fixes[0].safe, true);
    const fixed = assertFixCleans('systemd-dropin', text, f, f.fixes[0]);
    assert.match(fixed, /u%%5Cx:p%%40ss/);
    assert.deepEqual(ids(sv(fixed)), ['DJ012', 'DJ012']);
    assert.equal(doc(fixed).proxySettings[1].value, 'http://u%5Cx:p%40ss@proxy.corp:3128');
  });
  test('a known specifier letter is replaced, not dropped', () => {
    const [f] = only(sv('[Service]\nEnvironment="NO_PROXY=%H,localhost"\n'), 'SV005');
    assert.match(f.message, /replaces it/);
  });
  test('not for non-proxy variables or %%', () => {
    assert.deepEqual(only(sv('[Service]\nEnvironment="FOO=%h" "HTTPS_PROXY=http://p:1%%"\n'), 'SV005'), []);
  });
  test('suppressed by a comment on the line before', () => {
    const text = '[Service]\n# proxy-doctor ignore=SV005\nEnvironment="HTTPS_PROXY=http://u:p%40@proxy.corp:3128"\nEnvironment="HTTP_PROXY=http://u:p%40@proxy.corp:3128"\n';
    const found = only(sv(text), 'SV005');
    assert.deepEqual(found.map((f) => f.range.start.line), [3]);
    assert.deepEqual(only(sv('# proxy-doctor global ignore=percent-specifier\n' + text), 'SV005'), []);
  });
});

describe('SV010 several-assignments-in-one-quote', () => {
  test('one Environment= line per variable, indentation kept', () => {
    const text = '[Service]\n  Environment="http_proxy=http://p.corp:3128 https_proxy=http://p.corp:3128 no_proxy=localhost"\n';
    const [f] = only(sv(text), 'SV010');
    assert.equal(f.range.start.line, 1);
    assert.match(f.message, /only http_proxy/);
    const fixed = assertFixCleans('systemd-dropin', text, f, f.fixes[0]);
    assert.equal(fixed, '[Service]\n  Environment="http_proxy=http://p.corp:3128"\n  Environment="https_proxy=http://p.corp:3128"\n  Environment="no_proxy=localhost"\n');
    assert.deepEqual(ids(sv(fixed)), []);
  });
  test('next to other words: each assignment quoted on its own', () => {
    const text = '[Service]\nEnvironment=FOO=1 "HTTP_PROXY=http://p.corp:3128 HTTPS_PROXY=http://p.corp:3128"\n';
    const [f] = only(sv(text), 'SV010');
    assert.equal(assertFixCleans('systemd-dropin', text, f, f.fixes[0]), '[Service]\nEnvironment=FOO=1 "HTTP_PROXY=http://p.corp:3128" "HTTPS_PROXY=http://p.corp:3128"\n');
  });
  test('the generic URL rules judge the meant values, not the joined string', () => {
    const findings = sv('[Service]\nEnvironment="HTTP_PROXY=http://p.corp:3128 HTTPS_PROXY=http://p.corp:3128"\n');
    assert.deepEqual(ids(findings), ['SV010']);
  });
});

describe('SV006 wrong-place', () => {
  test('/etc/environment, /etc/sysconfig/docker, /etc/default/docker: on each proxy variable, no fix', () => {
    const text = 'PATH="/usr/bin"\nhttp_proxy=http://p.corp:3128\nHTTPS_PROXY="http://p.corp:3128"\n';
    const env = only(sv(text, '/etc/environment'), 'SV006');
    assert.deepEqual(env.map((f) => f.range.start.line), [1, 2]);
    assert.match(env[0].message, /\/etc\/environment/);
    assert.match(env[0].message, /docker\.service\.d\/http-proxy\.conf/);
    assert.deepEqual(env[0].fixes, []);
    assert.match(only(sv('export HTTPS_PROXY=http://p:1\n', '/etc/sysconfig/docker'), 'SV006')[0].message, /EnvironmentFile=.*\/etc\/sysconfig\/docker/);
    assert.deepEqual(ids(sv('export HTTPS_PROXY=http://p:1\n', 'C:\\x\\etc\\default\\docker')), ['SV006']);
  });
  test('Environment= in [Unit] or before any header', () => {
    const text = '[Unit]\nEnvironment="HTTPS_PROXY=http://p.corp:3128"\n';
    const [f] = only(sv(text), 'SV006');
    assert.match(f.message, /in \[Unit\]/);
    assert.deepEqual(f.fixes, []);
    const bare = 'Environment="HTTPS_PROXY=http://p.corp:3128"\nEnvironment="HTTP_PROXY=http://p.corp:3128"\n';
    const found = only(sv(bare), 'SV006');
    assert.equal(found.length, 2);
    const fixed = assertFixCleans('systemd-dropin', bare, found[0], found[0].fixes[0]);
    assert.equal(fixed, '[Service]\n' + bare);
    assert.deepEqual(ids(sv(fixed)), []);
  });
});

describe('SV008 all-proxy-only', () => {
  test('only ALL_PROXY: warning, fix renames to HTTPS_PROXY and adds HTTP_PROXY', () => {
    const text = '[Service]\nEnvironment="all_proxy=socks5://proxy.corp:1080" "NO_PROXY=localhost"\nUser=root\n';
    const [f] = only(sv(text), 'SV008');
    assert.equal(f.severity, 'warning');
    assert.equal(at(text, f.range), 'all_proxy');
    assert.equal(f.fixes[0].safe, false);
    const fixed = assertFixCleans('systemd-dropin', text, f, f.fixes[0]);
    assert.equal(fixed, '[Service]\nEnvironment="https_proxy=socks5://proxy.corp:1080" "NO_PROXY=localhost"\nEnvironment="http_proxy=socks5://proxy.corp:1080"\nUser=root\n');
    assert.deepEqual(ids(sv(fixed)), []);
  });
  test('next to HTTP(S)_PROXY: information only', () => {
    const [f] = only(sv(DOCS_EXAMPLE + 'Environment="ALL_PROXY=socks5://proxy.corp:1080"\n'), 'SV008');
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.fixes, []);
  });
  test('an empty ALL_PROXY is nothing', () => {
    assert.deepEqual(ids(sv('[Service]\nEnvironment=ALL_PROXY=\n')), []);
  });
});

describe('SV011 dropin-https-proxy-missing', () => {
  test('lower case: the added line keeps the spelling and the written value (%% included)', () => {
    const text = '[Service]\nEnvironment="http_proxy=http://u:p%%40@proxy.corp:3128"\nEnvironment="no_proxy=localhost"\n';
    const [f] = only(sv(text), 'SV011');
    assert.equal(at(text, f.range), 'http_proxy');
    const fixed = assertFixCleans('systemd-dropin', text, f, f.fixes[0]);
    assert.match(fixed, /\nEnvironment="https_proxy=http:\/\/u:p%%40@proxy.corp:3128"\n/);
  });
  test('HTTPS_PROXY set in lower case, or packed, counts', () => {
    assert.deepEqual(only(sv('[Service]\nEnvironment=HTTP_PROXY=http://p:3128 https_proxy=http://p:3128\n'), 'SV011'), []);
  });
  test('an HTTPS_PROXY cleared by a later empty value does not count', () => {
    assert.equal(only(sv('[Service]\nEnvironment=HTTP_PROXY=http://p:3128 HTTPS_PROXY=http://p:3128\nEnvironment=HTTPS_PROXY=\n'), 'SV011').length, 1);
  });
});

describe('SV012 shell-syntax-in-dropin', () => {
  test('export form with quotes; the fix writes Environment= and doubles %', () => {
    const text = '[Service]\nexport HTTPS_PROXY="http://u:p%40@proxy.corp:3128"\nEnvironment="HTTP_PROXY=http://u:p%%40@proxy.corp:3128"\n';
    const [f] = only(sv(text), 'SV012');
    assert.equal(at(text, f.range), 'export HTTPS_PROXY');
    const fixed = assertFixCleans('systemd-dropin', text, f, f.fixes[0]);
    assert.match(fixed, /^Environment="HTTPS_PROXY=http:\/\/u:p%%40@proxy.corp:3128"$/m);
  });
  test('outside [Service]: reported without a fix', () => {
    const [f] = only(sv('HTTPS_PROXY=http://p.corp:3128\n'), 'SV012');
    assert.deepEqual(f.fixes, []);
  });
});

describe('SV013 case-conflict', () => {
  test('same values or a single spelling: nothing', () => {
    assert.deepEqual(only(sv('[Service]\nEnvironment=NO_PROXY=a,b no_proxy=a,b\n'), 'SV013'), []);
  });
  test('different NO_PROXY spellings: info on the lower-case one', () => {
    const text = '[Service]\nEnvironment=NO_PROXY=a,b\nEnvironment=no_proxy=c\n';
    const [f] = only(sv(text), 'SV013');
    assert.equal(f.severity, 'info');
    assert.equal(f.range.start.line, 2);
  });
});

describe('SV014 user-dir-typo', () => {
  test('only with proxy settings, and only when the directory is not "user"', () => {
    const typo = '/home/alice/.config/systemd/alice/docker.service.d/http-proxy.conf';
    const [f] = only(sv(DOCS_EXAMPLE, typo), 'SV014');
    assert.equal(f.range.start.line, 0);
    assert.deepEqual(only(sv('[Service]\nExecStart=\n', typo), 'SV014'), []);
  });
});

describe('SV015 rejected-assignment', () => {
  test('unclosed quote: closed by the fix; the value is still judged as meant', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://p.corp:3128\nEnvironment=HTTP_PROXY=http://p.corp:3128\n';
    const [f] = only(sv(text), 'SV015');
    assert.equal(at(text, f.range), 'HTTPS_PROXY');
    assert.deepEqual(ids(sv(text)), ['SV015']);
    assert.equal(assertFixCleans('systemd-dropin', text, f, f.fixes[0]).split('\n')[1], 'Environment="HTTPS_PROXY=http://p.corp:3128"');
  });
  test('DOMAIN\\user: reported with the %%5C hint; the DJ011 fix settles both', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://CORP\\user:pw@p.corp:3128" "HTTPS_PROXY=http://p.corp:3128"\n';
    const [f] = only(sv(text), 'SV015');
    assert.match(f.message, /%%5C/);
    assert.ok(!f.message.includes('pw'));
    const [dj] = only(sv(text), 'DJ011');
    const fixed = applyFix(text, dj.fixes[0]);
    assert.match(fixed, /CORP%%5Cuser/);
    assert.deepEqual(ids(sv(fixed)), ['DJ012']);
  });
  test('non-proxy variables are not ours', () => {
    assert.deepEqual(ids(sv('[Service]\nEnvironment="FOO=a\\qb"\n')), []);
  });
});

describe('generic rules over drop-in settings', () => {
  test('https:// proxy (DJ006) sits on the scheme of the right line', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://p.corp:3128"\nEnvironment="HTTPS_PROXY=https://p.corp:3129"\n';
    const [f] = only(sv(text), 'DJ006');
    assert.equal(f.range.start.line, 2);
    assert.equal(at(text, f.range), 'https');
  });
  test('a password with "#": the percent-encoding fix writes %%23 in a drop-in', () => {
    const text = '[Service]\nEnvironment="HTTP_PROXY=http://alice:s3cr#t@p.corp:3128"\nEnvironment="HTTPS_PROXY=http://alice:s3cr%%23t@p.corp:3128"\n';
    const [f] = only(sv(text), 'DJ011');
    assert.ok(!f.message.includes('s3cr'));
    const fixed = applyFix(text, f.fixes[0]);
    assert.match(fixed, /HTTP_PROXY=http:\/\/alice:s3cr%%23t@p\.corp:3128"/);
    assert.deepEqual(only(sv(fixed), 'SV005'), []);
  });
  test('NO_PROXY entries are pointed at one by one', () => {
    const text = '[Service]\nEnvironment="HTTPS_PROXY=http://p.corp:3128" "NO_PROXY=localhost,172.17.*"\n';
    const [f] = only(sv(text), 'NP001');
    assert.equal(at(text, f.range), '172.17.*');
  });
});

describe('TextMate grammar', () => {
  const root = path.resolve(__dirname, '../../..');
  const grammar = JSON.parse(readFileSync(path.join(root, 'syntaxes/systemd-dropin.tmLanguage.json'), 'utf8'));
  const config = JSON.parse(readFileSync(path.join(root, 'syntaxes/systemd-dropin.language-configuration.json'), 'utf8'));

  const regexes: Array<[string, string]> = [];
  const includes: string[] = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) { node.forEach((n, i) => walk(n, `${where}[${i}]`)); return; }
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') regexes.push([`${where}.${k}`, v]);
      else if (k === 'include' && typeof v === 'string') includes.push(v);
      else walk(v, `${where}.${k}`);
    }
  };
  walk(grammar, '$');

  test('scope name, includes resolve, every regex compiles in JavaScript', () => {
    assert.equal(grammar.scopeName, 'source.systemd-dropin');
    assert.ok(regexes.length > 15);
    for (const inc of includes) assert.ok(inc.startsWith('#') && inc.slice(1) in grammar.repository, inc);
    for (const [where, source] of regexes) assert.doesNotThrow(() => new RegExp(source), `${where}: ${source}`);
  });

  test('the key patterns match what they are for', () => {
    const r = grammar.repository;
    assert.ok(new RegExp(r.environment.begin).test('Environment="HTTP_PROXY=x"'));
    assert.ok(new RegExp(r.section.match).test('[Service]'));
    assert.ok(new RegExp(r.comment.match).test('  ; comment'));
    assert.ok(new RegExp(r.continuation.match).test('Environment="A=1" \\'));
    assert.ok(new RegExp(r['proxy-name'].match).test('https_proxy'));
    assert.ok(!new RegExp(r['proxy-name'].match).test('MY_HTTP_PROXY_X'));
    const [percent, known, bad] = r.specifier.patterns.map((p: { match: string }) => new RegExp(p.match));
    assert.equal('a%%40b'.match(percent)?.[0], '%%');
    assert.equal('%h'.match(known)?.[0], '%h');
    assert.ok(!known.test('%4'));
    assert.equal('p%40'.match(bad)?.[0], '%4');
    const name = new RegExp(r['variable-name'].match);
    assert.equal('"HTTP_PROXY=http://p?x=1'.match(name)?.[1], 'HTTP_PROXY');
    assert.equal(new RegExp(r.environment.end).test('Environment="A=1" \\'), false, 'continuation keeps the scope open');
  });

  test('language configuration: # comments, [] brackets', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['[', ']']]);
  });
});
