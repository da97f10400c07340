// Suppression-comment edits (engine/suppress.ts): placement, indentation, merging, parser directives, CRLF, BOM.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, lint, type TextEdit } from '../../server/src/engine';
import { canSuppressInline, disableForFileEdit, disableForLineEdit } from '../../server/src/engine/suppress';
import { parserDirectiveLineCount } from '../../server/src/engine/fileKinds';

const apply = (text: string, edit: TextEdit | undefined): string => {
  assert.ok(edit, 'expected an edit');
  return applyEdits(text, [edit]);
};

describe('disable for this line', () => {
  test('JSON kinds cannot carry comments', () => {
    assert.equal(canSuppressInline('daemon-json'), false);
    assert.equal(canSuppressInline('cli-config'), false);
    assert.equal(disableForLineEdit('{\n "http-proxy": "x"\n}', 'daemon-json', 'DJ001', 1), undefined);
    assert.equal(disableForFileEdit('{}', 'cli-config', 'CC001'), undefined);
  });

  test('pragma on its own line above, same indentation', () => {
    const text = 'FROM alpine\nRUN true && \\\n    http_proxy=x curl y\n';
    assert.equal(apply(text, disableForLineEdit(text, 'dockerfile', 'DF009', 2)), 'FROM alpine\nRUN true && \\\n    # proxy-doctor ignore=DF009\n    http_proxy=x curl y\n');
    const unit = '[Service]\n\tEnvironment="HTTP_PROXY=http://p:3128"\n';
    assert.equal(apply(unit, disableForLineEdit(unit, 'systemd-dropin', 'SV001', 1)), '[Service]\n\t# proxy-doctor ignore=SV001\n\tEnvironment="HTTP_PROXY=http://p:3128"\n');
  });

  test('CRLF files get CRLF', () => {
    const text = 'FROM alpine\r\nENV http_proxy=x\r\n';
    assert.equal(apply(text, disableForLineEdit(text, 'dockerfile', 'DF001', 1)), 'FROM alpine\r\n# proxy-doctor ignore=DF001\r\nENV http_proxy=x\r\n');
  });

  test('first line, after a BOM', () => {
    const text = '\ufeffENV http_proxy=x\n';
    assert.equal(apply(text, disableForLineEdit(text, 'dockerfile', 'DF001', 0)), '\ufeff# proxy-doctor ignore=DF001\nENV http_proxy=x\n');
  });

  test('an existing pragma right above is extended, not duplicated; already suppressed -> no edit', () => {
    const text = 'FROM alpine\n# proxy-doctor ignore=DF001\nENV http_proxy=x\n';
    assert.equal(apply(text, disableForLineEdit(text, 'dockerfile', 'DF002', 2)), 'FROM alpine\n# proxy-doctor ignore=DF001,DF002\nENV http_proxy=x\n');
    assert.equal(disableForLineEdit(text, 'dockerfile', 'DF001', 2), undefined);
    const crlf = 'FROM alpine\r\n# proxy-doctor ignore=DF001\r\nENV http_proxy=x\r\n';
    assert.equal(apply(crlf, disableForLineEdit(crlf, 'dockerfile', 'DF002', 2)), 'FROM alpine\r\n# proxy-doctor ignore=DF001,DF002\r\nENV http_proxy=x\r\n');
  });

  test('a global pragma above is not extended by a line suppression', () => {
    const text = '# proxy-doctor global ignore=DF003\nENV http_proxy=x\n';
    assert.equal(apply(text, disableForLineEdit(text, 'dockerfile', 'DF001', 1)), '# proxy-doctor global ignore=DF003\n# proxy-doctor ignore=DF001\nENV http_proxy=x\n');
  });

  test('out-of-range line -> no edit', () => {
    assert.equal(disableForLineEdit('FROM a\n', 'dockerfile', 'DF001', 7), undefined);
  });
});

describe('disable for this file', () => {
  test('top of the file when there are no parser directives', () => {
    const text = 'FROM alpine\nENV http_proxy=x\n';
    assert.equal(apply(text, disableForFileEdit(text, 'dockerfile', 'DF001')), '# proxy-doctor global ignore=DF001\nFROM alpine\nENV http_proxy=x\n');
    const unit = '[Service]\nEnvironment=HTTP_PROXY=x\n';
    assert.equal(apply(unit, disableForFileEdit(unit, 'systemd-dropin', 'SV002')), '# proxy-doctor global ignore=SV002\n[Service]\nEnvironment=HTTP_PROXY=x\n');
  });

  test('parser directives stay first', () => {
    const text = '# syntax=docker/dockerfile:1\n#escape=`\n# check=skip=JSONArgsRecommended\n\nFROM alpine\n';
    assert.equal(parserDirectiveLineCount(text), 3);
    assert.equal(apply(text, disableForFileEdit(text, 'dockerfile', 'DF001')),
      '# syntax=docker/dockerfile:1\n#escape=`\n# check=skip=JSONArgsRecommended\n# proxy-doctor global ignore=DF001\n\nFROM alpine\n');
  });

  test('a file made only of a directive without a final newline', () => {
    const text = '# syntax=docker/dockerfile:1';
    assert.equal(apply(text, disableForFileEdit(text, 'dockerfile', 'DF001')), '# syntax=docker/dockerfile:1\n# proxy-doctor global ignore=DF001');
  });

  test('BOM before the directives; CRLF', () => {
    const text = '\ufeff# syntax=docker/dockerfile:1\r\nFROM alpine\r\n';
    assert.equal(parserDirectiveLineCount(text), 1);
    assert.equal(apply(text, disableForFileEdit(text, 'dockerfile', 'DF001')), '\ufeff# syntax=docker/dockerfile:1\r\n# proxy-doctor global ignore=DF001\r\nFROM alpine\r\n');
    const plain = '\ufeffFROM alpine\n';
    assert.equal(apply(plain, disableForFileEdit(plain, 'dockerfile', 'DF001')), '\ufeff# proxy-doctor global ignore=DF001\nFROM alpine\n');
  });

  test('directives are not looked for in systemd files; an ordinary comment ends the directive block', () => {
    const unit = '# syntax=x\n[Service]\n';
    assert.equal(apply(unit, disableForFileEdit(unit, 'systemd-dropin', 'SV001')), '# proxy-doctor global ignore=SV001\n# syntax=x\n[Service]\n');
    assert.equal(parserDirectiveLineCount('# a comment\n# syntax=x\n'), 0);
  });

  test('an existing global pragma is extended; already there -> no edit', () => {
    const text = '# syntax=docker/dockerfile:1\n# proxy-doctor global ignore=DF002\nFROM alpine\n';
    assert.equal(apply(text, disableForFileEdit(text, 'dockerfile', 'DF001')), '# syntax=docker/dockerfile:1\n# proxy-doctor global ignore=DF002,DF001\nFROM alpine\n');
    assert.equal(disableForFileEdit(text, 'dockerfile', 'DF002'), undefined);
    assert.equal(disableForFileEdit('# proxy-doctor global ignore=*\n', 'dockerfile', 'DF002'), undefined);
  });
});

describe('the edits really suppress (lint agrees)', () => {
  const path = '/project/Dockerfile';
  const text = '# syntax=docker/dockerfile:1\nFROM alpine\n  ENV http_proxy=http://bob:secret@proxy.example.com:3128\nRUN true\n';
  const findings = lint(text, 'dockerfile', { path });
  test('line and file suppressions remove exactly that rule', { skip: findings.length === 0 && 'no Dockerfile rule fires on the sample' }, () => {
    for (const finding of findings) {
      const byLine = apply(text, disableForLineEdit(text, 'dockerfile', finding.ruleId, finding.range.start.line));
      const after = lint(byLine, 'dockerfile', { path });
      assert.ok(!after.some((f) => f.ruleId === finding.ruleId), `${finding.ruleId} still reported:\n${byLine}`);
      const byFile = apply(text, disableForFileEdit(text, 'dockerfile', finding.ruleId));
      assert.ok(byFile.startsWith('# syntax=docker/dockerfile:1\n'));
      assert.ok(!lint(byFile, 'dockerfile', { path }).some((f) => f.ruleId === finding.ruleId), byFile);
    }
  });
});
