// The file-kind registry (server/src/engine/fileKinds.ts with KIND_READERS in document.ts) is the one place that
// lists the kinds: every kind has a complete entry in both halves, the entry is consistent with itself (its example
// path is detected as the kind, its CLI walk reads that name), and no other source file switches over the kinds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FILE_KIND_INFO, FILE_KINDS, editorLanguages, isWalkName, kindInfo, kindOfLanguage, workspaceGlobs } from '../../server/src/engine/fileKinds';
import { READER_KINDS, parseDocument } from '../../server/src/engine/document';
import { detectKind } from '../../server/src/engine/detect';
import { ALL_RULES } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');

describe('file-kind registry', () => {
  it('the readers (document.ts) know exactly the registry\'s kinds', () => {
    assert.ok(FILE_KINDS.length >= 7, `only ${FILE_KINDS.length} kinds`);
    assert.deepEqual([...READER_KINDS].sort(), [...FILE_KINDS].sort());
  });

  for (const kind of FILE_KINDS) {
    it(`${kind}: a complete entry`, () => {
      const info = kindInfo(kind);
      for (const field of ['title', 'fence', 'defaultPath', 'settingKey', 'settingDescription'] as const) {
        assert.ok(typeof info[field] === 'string' && info[field].trim() !== '', `${kind}.${field} is empty`);
      }
      for (const fn of ['isAt', 'prescan'] as const) assert.equal(typeof info[fn], 'function', `${kind}.${fn}`);
      assert.ok(info.languages.length + info.hostLanguages.length > 0, `${kind}: no editor language holds it`);
      assert.ok(info.walkNames instanceof RegExp, `${kind}.walkNames`);
      if (info.comments) {
        assert.equal(typeof info.comments.leader(''), 'string');
        assert.equal(info.comments.headerLines(''), 0);
      }
      // Every field is spelled out (null where it does not apply), so a new kind cannot forget one silently.
      const fields = Object.keys(FILE_KIND_INFO.dockerfile).sort();
      assert.deepEqual(Object.keys(info).sort(), fields, `${kind} has other fields than dockerfile`);
    });

    it(`${kind}: its example path is detected as it, parses, and a CLI walk reads that name`, () => {
      const info = kindInfo(kind);
      assert.equal(detectKind(info.defaultPath), kind, info.defaultPath);
      assert.ok(isWalkName(path.posix.basename(info.defaultPath), kind), `${kind} walk skips ${info.defaultPath}`);
      const doc = parseDocument('', kind, info.defaultPath);
      assert.equal(doc.kind, kind);
      assert.deepEqual(doc.proxySettings, []);
    });

    it(`${kind}: has rules`, () => {
      assert.ok(ALL_RULES.some((r) => r.meta.kinds.includes(kind)), `no rule applies to ${kind}`);
    });
  }

  it('setting keys and languages belong to one kind each', () => {
    const keys = FILE_KINDS.map((k) => kindInfo(k).settingKey);
    assert.equal(new Set(keys).size, keys.length, `setting keys repeat: ${keys.join(', ')}`);
    for (const kind of FILE_KINDS) for (const language of kindInfo(kind).languages) assert.equal(kindOfLanguage(language), kind, language);
    assert.ok(editorLanguages().includes('jsonc') && editorLanguages().includes('dockercompose'));
    assert.ok(workspaceGlobs().includes('**/daemon.json'));
  });

  it('package.json takes the globs, activation events and languages from the registry', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    for (const language of editorLanguages()) assert.ok(pkg.activationEvents.includes(`onLanguage:${language}`), language);
    for (const glob of workspaceGlobs()) assert.ok(pkg.activationEvents.includes(`workspaceContains:${glob}`), glob);
    for (const kind of FILE_KINDS) {
      const setting = pkg.contributes.configuration.properties[`dockerProxyDoctor.files.${kindInfo(kind).settingKey}`];
      assert.equal(setting?.markdownDescription, kindInfo(kind).settingDescription, kind);
      const { languages, languageFilePatterns, jsonSchema } = kindInfo(kind);
      if (languageFilePatterns) {
        const language = pkg.contributes.languages.find((l: { id: string }) => l.id === languages[0]);
        assert.deepEqual(language?.filenamePatterns, languageFilePatterns, kind);
      }
      if (jsonSchema) {
        const validation = pkg.contributes.jsonValidation.find((v: { url: string }) => v.url === jsonSchema.url);
        assert.deepEqual(validation?.fileMatch, jsonSchema.fileMatch, kind);
        assert.ok(fs.existsSync(path.join(ROOT, jsonSchema.url)), jsonSchema.url);
      }
    }
  });
});

/** Sources that list the kinds themselves: the registry's two halves. */
const REGISTRY = new Set(['server/src/engine/fileKinds.ts', 'server/src/engine/document.ts']);
/** Known leftovers, by name (none: the hovers say which kind each serves, hover/kindHover.ts). */
const KNOWN_SWITCHES = new Set<string>([]);

/**
 * Where a text decides by the kind list instead of asking the registry: `case` labels of two kinds or more, one
 * line comparing with two kinds or more, one line naming three kinds or more (a list or a map keyed by kind), or
 * four kinds or more named anywhere in the file (a map written one entry per line).
 */
function kindSwitches(text: string, kinds: readonly string[] = FILE_KINDS): string[] {
  const quoted = (k: string) => new RegExp(`['"]${k.replace(/-/g, '\\-')}['"]`);
  const found: string[] = [];
  const cased = kinds.filter((k) => new RegExp(`\\bcase\\s+['"]${k}['"]`).test(text));
  if (cased.length >= 2) found.push(`case labels for ${cased.join(', ')}`);
  const named = kinds.filter((k) => quoted(k).test(text));
  if (named.length >= 4) found.push(`names ${named.join(', ')}`);
  text.split('\n').forEach((line, i) => {
    const compared = kinds.filter((k) => new RegExp(`[!=]==?\\s*['"]${k}['"]`).test(line));
    const named = kinds.filter((k) => quoted(k).test(line));
    if (compared.length >= 2) found.push(`line ${i + 1} compares with ${compared.join(', ')}`);
    else if (named.length >= 3) found.push(`line ${i + 1} lists ${named.join(', ')}`);
  });
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

describe('nothing else switches over the kinds', () => {
  it('the detector finds a switch, a comparison chain and a list (so the scan below can fail)', () => {
    assert.equal(kindSwitches("switch (kind) {\n  case 'dockerfile': return 1;\n  case 'compose': return 2;\n}").length > 0, true);
    assert.equal(kindSwitches("if (kind === 'daemon-json' || kind === 'cli-config') return;").length > 0, true);
    assert.equal(kindSwitches("const LANGS = { dockerfile: 'dockerfile', 'systemd-dropin': 'x', 'ci-workflow': 'y', 'shell': 'z' };").length > 0, true);
    assert.equal(kindSwitches("const A = [\n  ['dockerfile', 1],\n  ['compose', 2],\n  ['shell', 3],\n  ['cli-config', 4],\n];").length > 0, true);
    assert.deepEqual(kindSwitches("if (doc.kind !== 'daemon-json') return [];"), [], 'using one kind is fine');
  });

  it('outside the registry and rules/, no source file lists the kinds', () => {
    const files = ['server/src', 'client/src', 'scripts'].flatMap(sourceFiles)
      .filter((f) => !REGISTRY.has(f) && !f.startsWith('server/src/engine/rules/'));
    assert.ok(files.length > 150, `only ${files.length} files scanned`);
    const offenders: string[] = [];
    const known = new Set<string>();
    for (const file of files) {
      const found = kindSwitches(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      if (found.length === 0) continue;
      if (KNOWN_SWITCHES.has(file)) known.add(file);
      else offenders.push(`${file}: ${found.join('; ')}`);
    }
    assert.deepEqual(offenders, [], `read the registry (fileKinds.ts) instead:\n  ${offenders.join('\n  ')}`);
    const gone = [...KNOWN_SWITCHES].filter((f) => !known.has(f));
    if (gone.length > 0) console.log(`# no longer switching over the kinds (remove from KNOWN_SWITCHES): ${gone.join(', ')}`);
  });
});
