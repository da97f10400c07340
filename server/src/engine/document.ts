// A parsed document: text, line index and the kind-specific model. Parsing happens once per lint.
import type { Consumer, FileKind, ProxySetting } from './findingTypes';
import { LineIndex } from './lineIndex';
import { parseJson, type JsonModel } from './parse/json';
import { parseDockerfile, type Dockerfile } from './parse/dockerfile';
import { parseUnitFile, type UnitFile } from './parse/unitFile';
import { extractProxySettings } from './proxySettings';
import { parseYaml, type YamlModel } from './parse/yaml';
import { readCompose, type ComposeModel } from './parse/compose';
import { readWorkflow } from './parse/workflow';
import { readScriptFile, shellUnits } from './scripts/shellUnits';
import type { ScriptFile } from './parse/scriptFile';
import type { ScriptUnit } from './scripts/scriptUnit';

interface BaseDocument {
  text: string;
  lines: LineIndex;
  /** File path (forward or back slashes) when known; some rules depend on the location (rootless, /etc/default). */
  path?: string;
  /** Every proxy setting in the file, normalised; computed on first use. */
  readonly proxySettings: ProxySetting[];
}

export interface JsonDocument extends BaseDocument { kind: 'daemon-json' | 'cli-config'; json: JsonModel }
export interface DockerfileDocument extends BaseDocument { kind: 'dockerfile'; dockerfile: Dockerfile }
export interface SystemdDocument extends BaseDocument { kind: 'systemd-dropin'; unit: UnitFile }

export interface ComposeDocument extends BaseDocument { kind: 'compose'; yaml: YamlModel; compose: ComposeModel }
/** A CI workflow: one script unit per job. */
export interface WorkflowDocument extends BaseDocument { kind: 'ci-workflow'; yaml: YamlModel; units: ScriptUnit[] }
/** A shell script, Makefile or Jenkinsfile: one script unit. */
export interface ShellDocument extends BaseDocument { kind: 'shell'; script: ScriptFile; units: ScriptUnit[] }

export type ParsedDocument = JsonDocument | DockerfileDocument | SystemdDocument | ComposeDocument | WorkflowDocument | ShellDocument;

export function parseDocument(text: string, kind: FileKind, path?: string): ParsedDocument {
  const lines = new LineIndex(text);
  let settings: ProxySetting[] | undefined;
  const base = {
    text,
    lines,
    path,
    get proxySettings(): ProxySetting[] {
      settings ??= extractProxySettings(doc);
      return settings;
    },
  };
  let doc: ParsedDocument;
  switch (kind) {
    case 'daemon-json':
    case 'cli-config':
      doc = Object.assign(base, { kind, json: parseJson(text, lines) });
      break;
    case 'dockerfile':
      doc = Object.assign(base, { kind, dockerfile: parseDockerfile(text) });
      break;
    case 'systemd-dropin':
      doc = Object.assign(base, { kind, unit: parseUnitFile(text, lines) });
      break;
    case 'compose': {
      const yaml = parseYaml(text);
      doc = Object.assign(base, { kind, yaml, compose: readCompose(yaml, lines, text) });
      break;
    }
    case 'ci-workflow': {
      const yaml = parseYaml(text);
      doc = Object.assign(base, { kind, yaml, units: readWorkflow(yaml, lines, text, path) });
      break;
    }
    case 'shell': {
      const script = readScriptFile(text, path);
      doc = Object.assign(base, { kind, script, units: shellUnits(script, lines, text) });
      break;
    }
  }
  return doc;
}

export function consumerOf(kind: FileKind): Consumer {
  return kind === 'daemon-json' || kind === 'systemd-dropin' ? 'daemon' : 'containers';
}
