// A parsed document: text, line index and the kind-specific model. Parsing happens once per lint.
// `KIND_READERS` is the half of the file-kind registry that sits above the parsers (the other half, fileKinds.ts,
// says where a kind is found and how it is named): per kind, its parser and where its proxy settings are. The
// document types are derived from it, so a new kind needs no new type here.
import type { ProxySetting } from './findingTypes';
import type { FileKind } from './fileKinds';
import { LineIndex } from './lineIndex';
import { parseJson } from './parse/json';
import { parseDockerfile } from './parse/dockerfile';
import { parseUnitFile } from './parse/unitFile';
import { parseYaml } from './parse/yaml';
import { readCompose } from './parse/compose';
import { readWorkflow } from './scripts/workflowUnits';
import { readScriptFile, shellUnits } from './scripts/shellUnits';
import { cliConfigSettings, daemonJsonSettings } from './proxySettings/jsonSettings';
import { dockerfileSettings } from './proxySettings/dockerfileSettings';
import { systemdSettings } from './proxySettings/systemdSettings';
import { composeSettings } from './proxySettings/composeSettings';
import { unitSettings } from './proxySettings/scriptSettings';

interface BaseDocument {
  text: string;
  lines: LineIndex;
  /** File path (forward or back slashes) when known; some rules depend on the location (rootless, /etc/default). */
  path?: string;
  /** Every proxy setting in the file, normalised; computed on first use. */
  readonly proxySettings: ProxySetting[];
}

/** How a kind is read: the model fields its document gets, and the proxy settings in a document of that kind. */
interface KindReader<Model extends object> {
  parse(text: string, lines: LineIndex, path: string | undefined): Model;
  settings(doc: BaseDocument & Model): ProxySetting[];
}

const reader = <Model extends object>(r: KindReader<Model>) => r;

/** One entry per kind (test/unit/file-kinds.test.ts checks that it has the same kinds as fileKinds.ts). */
const KIND_READERS = {
  dockerfile: reader({ parse: (text) => ({ dockerfile: parseDockerfile(text) }), settings: dockerfileSettings }),
  'daemon-json': reader({ parse: (text, lines) => ({ json: parseJson(text, lines) }), settings: daemonJsonSettings }),
  'cli-config': reader({ parse: (text, lines) => ({ json: parseJson(text, lines) }), settings: cliConfigSettings }),
  'systemd-dropin': reader({ parse: (text, lines) => ({ unit: parseUnitFile(text, lines) }), settings: systemdSettings }),
  compose: reader({
    parse: (text, lines) => {
      const yaml = parseYaml(text);
      return { yaml, compose: readCompose(yaml, lines, text) };
    },
    settings: composeSettings,
  }),
  /** A CI workflow: one script unit per job. */
  'ci-workflow': reader({
    parse: (text, lines, path) => {
      const yaml = parseYaml(text);
      return { yaml, units: readWorkflow(yaml, lines, text, path) };
    },
    settings: (doc) => unitSettings(doc, doc.units),
  }),
  /** A shell script, Makefile or Jenkinsfile: one script unit. */
  shell: reader({
    parse: (text, lines, path) => {
      const script = readScriptFile(text, path);
      return { script, units: shellUnits(script, lines, text) };
    },
    settings: (doc) => unitSettings(doc, doc.units),
  }),
} satisfies { [K in FileKind]: KindReader<object> };

/** The kinds the readers know (for the registry test). */
export const READER_KINDS = Object.keys(KIND_READERS);

type ModelOf<K extends FileKind> = ReturnType<(typeof KIND_READERS)[K]['parse']>;
/** The parsed document of one kind: the base fields, `kind`, and the model fields its reader returns. */
export type DocumentOf<K extends FileKind> = K extends FileKind ? BaseDocument & { kind: K } & ModelOf<K> : never;
export type ParsedDocument = DocumentOf<FileKind>;

export type JsonDocument = DocumentOf<'daemon-json' | 'cli-config'>;
export type DockerfileDocument = DocumentOf<'dockerfile'>;
export type SystemdDocument = DocumentOf<'systemd-dropin'>;
export type ComposeDocument = DocumentOf<'compose'>;
export type WorkflowDocument = DocumentOf<'ci-workflow'>;
export type ShellDocument = DocumentOf<'shell'>;

const SETTINGS = Symbol('proxy settings');

/**
 * What every kind shares; `proxySettings` is computed on first read by the kind's reader. A class with a prototype
 * getter, not an object literal whose getter closes over the document, so that V8's scavenger does not keep a burst
 * of lints' documents alive (the `perf` branch measured this).
 */
class DocumentBase {
  private [SETTINGS]?: ProxySetting[];
  constructor(readonly text: string, readonly lines: LineIndex, readonly path: string | undefined, readonly kind: FileKind) {}
  get proxySettings(): ProxySetting[] {
    return (this[SETTINGS] ??= (KIND_READERS[this.kind] as KindReader<object>).settings(this));
  }
}

export function parseDocument(text: string, kind: FileKind, path?: string): ParsedDocument {
  const lines = new LineIndex(text);
  const model = (KIND_READERS[kind] as KindReader<object>).parse(text, lines, path);
  return Object.assign(new DocumentBase(text, lines, path, kind), model) as unknown as ParsedDocument;
}
