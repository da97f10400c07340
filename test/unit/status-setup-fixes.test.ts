// Findings that one "Set Up Proxy…" step repairs carry an inline Fix: the setup command limited to that layer.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { withSetupFixes } from '../../server/src/lsp/statusHandler';
import { Commands } from '../../server/src/shared/protocol';
import type { ProxyStatusReport } from '../../server/src/engine/status/report';

const fixture = (name: string): ProxyStatusReport =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../test/fixtures/status', name), 'utf8')) as ProxyStatusReport;

describe('status findings with a setup step', () => {
  test('SV002/SV019 get "recreate the builder", other findings no fix, in the list and in their layer', () => {
    const before = fixture('proxied.json');
    const ids = before.findings.map((f) => f.id);
    assert.ok(ids.includes('SV002') || ids.includes('SV019'), `the fixture has a builder finding (${ids.join(', ')})`);
    const after = withSetupFixes(before);
    for (const f of after.findings) {
      if (f.id === 'SV002' || f.id === 'SV019') {
        assert.equal(f.fix?.command, Commands.setupProxy);
        assert.deepEqual(f.fix?.arguments, [{ layers: ['builder'] }]);
      } else if (!['DJ013', 'CC007', 'CC008', 'SV031'].includes(f.id)) {
        assert.equal(f.fix, undefined, `${f.id} has no setup step`);
      }
    }
    const inLayers = after.layers.flatMap((l) => l.findings).filter((f) => f.id === 'SV002' || f.id === 'SV019');
    for (const f of inLayers) assert.equal(f.fix?.command, Commands.setupProxy, `${f.id} in its layer`);
    assert.equal(before.findings.some((f) => f.fix), false, 'the input report is not changed');
  });
});
