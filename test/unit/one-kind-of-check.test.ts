// Lint rules and Proxy Status findings are one kind of check: one id space (every id names one check), one metadata
// type, one settings entry (severity or "off", by id or name) and one suppression comment, applied the same way.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_RULES, lint } from '../../server/src/engine';
import { STATUS_CHECKS, computeStatusReport } from '../../server/src/engine/status';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';
import { fixtureMachine } from './status-fixture';

const ALL_METAS = [...ALL_RULES.map((r) => r.meta), ...STATUS_CHECKS.map((c) => c.meta)];

describe('one id space', () => {
  test('sees both kinds (so the checks below cannot pass on empty lists)', () => {
    assert.ok(ALL_RULES.length > 80, `${ALL_RULES.length} rules`);
    assert.ok(STATUS_CHECKS.length > 15, `${STATUS_CHECKS.length} status findings`);
  });
  test('every id exists once across lint rules and status findings', () => {
    const seen = new Map<string, number>();
    for (const m of ALL_METAS) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
    assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([id]) => id), []);
  });
  test('every name exists once too (settings and comments accept names), and no name is another check\'s id', () => {
    const names = ALL_METAS.map((m) => m.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
    const ids = new Set(ALL_METAS.map((m) => m.id));
    assert.deepEqual(names.filter((n) => ids.has(n)), []);
  });
  test('every check has the shared metadata: id, name, default severity, summary, description, sources', () => {
    for (const m of ALL_METAS) {
      assert.match(m.id, /^[A-Z]{2}\d{3}$/, m.id);
      assert.match(m.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${m.id} name ${m.name}`);
      assert.ok(['error', 'warning', 'info'].includes(m.defaultSeverity), `${m.id} severity ${m.defaultSeverity}`);
      assert.ok(m.summary.length > 10 && m.description.length > 10 && m.sources.length > 0, m.id);
    }
  });
  test('the ids that moved: SV008 and CC005 are the lint rules, their status counterparts are SV032 and CC019', () => {
    const rule = (id: string) => ALL_RULES.find((r) => r.meta.id === id);
    const status = (id: string) => STATUS_CHECKS.find((c) => c.meta.id === id);
    assert.ok(rule('SV008') && !status('SV008'));
    assert.ok(rule('CC005') && !status('CC005'));
    assert.equal(status('SV032')?.meta.name, 'all-proxy-only-environment');
    assert.equal(status('CC019')?.meta.name, 'per-host-key-matches-no-context');
    // Each page of a pair points at the other, and the moved finding's page says which id it had.
    for (const [moved, stays] of [['SV032', 'SV008'], ['CC019', 'CC005']]) {
      assert.match(status(moved)!.meta.description, new RegExp(`\\[${stays}\\]\\(${stays}\\.md\\)[\\s\\S]*shown as ${stays} too`), moved);
      assert.match(rule(stays)!.meta.description, new RegExp(`\\[${moved}\\]\\(${moved}\\.md\\) \\(shown as ${stays} too`), stays);
    }
  });
});

// A rootful machine without docker: the daemon's HTTPS proxy comes from this drop-in (line 2), the shell has none, so
// SV001 (a status finding) points at that drop-in line. The drop-in lints clean of SV001 (no lint rule has that id).
const DROPIN_PATH = '/etc/systemd/system/docker.service.d/http-proxy.conf';
const DROPIN = '[Service]\nEnvironment="HTTP_PROXY=http://proxy.corp.example:3128"\nEnvironment="HTTPS_PROXY=http://proxy.corp.example:3128"\nEnvironment="NO_PROXY=localhost,127.0.0.1"\n';

function status(dropIn: string, rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>): Promise<ProxyStatusReport> {
  return computeStatusReport(fixtureMachine({ env: { HOME: '/home/alice' }, files: { [DROPIN_PATH]: dropIn } }), { now: new Date(0), rules });
}
const sv001 = (r: ProxyStatusReport) => r.findings.filter((f) => f.id === 'SV001');
const withLineAbove = (pragma: string) => DROPIN.replace('Environment="HTTPS_PROXY', `${pragma}\nEnvironment="HTTPS_PROXY`);

describe('status findings obey the settings and suppression comments as lint findings do', () => {
  test('the fixture: SV001 points at the drop-in\'s HTTPS_PROXY line', async () => {
    const [f] = sv001(await status(DROPIN));
    assert.equal(f?.source?.path, DROPIN_PATH);
    assert.equal(f?.source?.line, 2);
    assert.equal(f?.severity, 'warning');
  });
  test('"off" by id or by name drops it; a severity changes it, in the finding, the layer and the counts', async () => {
    assert.deepEqual(sv001(await status(DROPIN, { SV001: 'off' })), []);
    assert.deepEqual(sv001(await status(DROPIN, { 'client-token-gap': 'off' })), []);
    const r = await status(DROPIN, { SV001: 'error' });
    assert.equal(sv001(r)[0].severity, 'error');
    assert.equal(r.layers.find((l) => l.id === 'cli-shell')!.findings.find((f) => f.id === 'SV001')?.severity, 'error');
    assert.equal(r.counts.error, (await status(DROPIN)).counts.error + 1);
  });
  test('`# proxy-doctor ignore=SV001` on the line above the line it points at suppresses it; other ids do not', async () => {
    assert.deepEqual(sv001(await status(withLineAbove('# proxy-doctor ignore=SV001'))), []);
    assert.deepEqual(sv001(await status(withLineAbove('# proxy-doctor ignore=DJ006,client-token-gap'))), []);
    assert.equal(sv001(await status(withLineAbove('# proxy-doctor ignore=SV002'))).length, 1);
    // Above another line of the same file: not this finding's line.
    assert.equal(sv001(await status(DROPIN.replace('Environment="NO_PROXY', '# proxy-doctor ignore=SV001\nEnvironment="NO_PROXY'))).length, 1);
  });
  test('`# proxy-doctor global ignore=SV001` anywhere in the file suppresses it', async () => {
    assert.deepEqual(sv001(await status(`${DROPIN}# proxy-doctor global ignore=SV001\n`)), []);
    assert.deepEqual(sv001(await status(`# proxy-doctor global ignore=*\n${DROPIN}`)), []);
  });
  test('the same comment suppresses a lint finding of the same file, read by the same code', () => {
    const text = '[Service]\n# proxy-doctor ignore=SV008\nEnvironment="ALL_PROXY=socks5://proxy.corp.example:1080"\n';
    assert.equal(lint(text.replace('# proxy-doctor ignore=SV008\n', ''), 'systemd-dropin', { path: DROPIN_PATH }).filter((f) => f.ruleId === 'SV008').length, 1);
    assert.equal(lint(text, 'systemd-dropin', { path: DROPIN_PATH }).filter((f) => f.ruleId === 'SV008').length, 0);
  });
});
