// The parts of a Compose file the proxy rules read: per service, `environment:` and `build.args` (map or list form,
// merge keys, anchors and scalar aliases followed), `extra_hosts`, `network_mode`, `networks` and `build.network`;
// the top-level `networks:` (which of them are `internal`).
import type { Range } from '../findingTypes';
import type { LineIndex } from '../lineIndex';
import { type MappedText, subMapped } from './mapped';
import { getPair, getValue, isMap, resolve, isScalar, mapPairs, mappedScalar, nodeSpan, scalarString, seqItems, type Node, type YamlModel } from './yaml';

export interface ComposeVar {
  name: string;
  /** undefined when the name is given without a value (passed through from the environment of `compose`). */
  value?: string;
  mapped?: MappedText;
  nameRange: Range;
  valueRange?: Range;
  /** The whole entry (list item or key: value pair). */
  range: Range;
  /** True when the value holds `${VAR}`/`$VAR` interpolation. */
  dynamic: boolean;
  /** The scalar node holding the value (the `KEY=value` item in list form); for edits. */
  node?: Node;
  /** Offset of the value in that scalar's decoded text (0 in map form, after `=` in list form). */
  valueStart: number;
}

export interface ComposeService {
  name: string;
  nameRange: Range;
  environment: ComposeVar[];
  /** Present when the service has a `build:` section. */
  build?: { range: Range; args: ComposeVar[]; extraHosts: string[]; network?: string };
  extraHosts: string[];
  networkMode?: string;
  /** Networks the service joins (`networks:` list or map keys); undefined when it has none: the `default` network. */
  networks?: string[];
  /** The service's map node (for inserting keys). */
  node: Node;
}

export interface ComposeModel {
  services: ComposeService[];
  /** Top-level networks declared `internal: true` (no route out of the host). */
  internalNetworks: Set<string>;
}

const INTERPOLATION = /\$(?!\$)(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/;

function rangeOf(lines: LineIndex, node: unknown): Range | undefined {
  const span = nodeSpan(node as Node);
  return span ? lines.range(span[0], span[1]) : undefined;
}

/** Entries of an `environment:` or `args:` section in either form. */
function variables(model: YamlModel, lines: LineIndex, text: string, section: unknown): ComposeVar[] {
  const result: ComposeVar[] = [];
  const node = getNode(model, section);
  if (isMap(node)) {
    for (const { key, pair } of mapPairs(model, node)) {
      const keyRange = rangeOf(lines, pair.key);
      if (!keyRange) continue;
      // `NO_PROXY: *no_proxy`: the anchored scalar, with its own place in the document (edits go there)
      const valueNode = resolve(model, pair.value);
      const value = scalarString(valueNode);
      const mapped = value === undefined ? undefined : mappedScalar(valueNode, text);
      const valueRange = mapped ? rangeOf(lines, valueNode) : undefined;
      result.push({
        name: key,
        value,
        mapped,
        nameRange: keyRange,
        valueRange,
        range: rangeOf(lines, pair) ?? keyRange,
        dynamic: value !== undefined && INTERPOLATION.test(value),
        node: isScalar(valueNode) ? valueNode : undefined,
        valueStart: 0,
      });
    }
    return result;
  }
  for (const item of seqItems(model, node)) {
    const s = scalarString(item);
    const mapped = s === undefined ? undefined : mappedScalar(item, text);
    const range = rangeOf(lines, item);
    if (s === undefined || !mapped || !range) continue;
    const eq = s.indexOf('=');
    const name = (eq < 0 ? s : s.slice(0, eq)).trim();
    const nameMapped = subMapped(mapped, 0, eq < 0 ? s.length : eq);
    const nameRange = lines.range(nameMapped.offsets[0], nameMapped.offsets[nameMapped.text.length]);
    if (eq < 0) {
      result.push({ name, nameRange, range, dynamic: false, node: item, valueStart: 0 });
      continue;
    }
    const value = s.slice(eq + 1);
    const vm = subMapped(mapped, eq + 1, s.length);
    result.push({
      name,
      value,
      mapped: vm,
      nameRange,
      valueRange: lines.range(vm.offsets[0], vm.offsets[vm.text.length]),
      range,
      dynamic: INTERPOLATION.test(value),
      node: item,
      valueStart: eq + 1,
    });
  }
  return result;
}

function getNode(model: YamlModel, node: unknown): Node | undefined {
  return resolve(model, node);
}

/** `extra_hosts` in list (`host:ip`, `host=ip`) or map form, as `host:ip` strings. */
function extraHosts(model: YamlModel, node: unknown): string[] {
  const n = getNode(model, node);
  if (isMap(n)) return mapPairs(model, n).map(({ key, pair }) => `${key}:${scalarString(pair.value) ?? ''}`);
  return seqItems(model, n).map((i) => scalarString(i) ?? '').map((s) => s.replace('=', ':'));
}

export function readCompose(model: YamlModel, lines: LineIndex, text: string): ComposeModel {
  const services: ComposeService[] = [];
  const root = model.doc.contents;
  const servicesNode = getValue(model, root, 'services');
  for (const { key, pair } of mapPairs(model, servicesNode)) {
    const node = getNode(model, pair.value);
    if (!isMap(node)) continue;
    const nameRange = rangeOf(lines, pair.key);
    if (!nameRange) continue;
    const buildPair = getPair(model, node, 'build');
    const buildNode = getNode(model, buildPair?.value);
    let build: ComposeService['build'];
    if (buildPair) {
      build = {
        range: rangeOf(lines, buildPair.key) ?? nameRange,
        args: isMap(buildNode) ? variables(model, lines, text, getPair(model, buildNode, 'args')?.value) : [],
        extraHosts: isMap(buildNode) ? extraHosts(model, getPair(model, buildNode, 'extra_hosts')?.value) : [],
        network: isMap(buildNode) ? scalarString(getValue(model, buildNode, 'network')) : undefined,
      };
    }
    services.push({
      name: key,
      nameRange,
      environment: variables(model, lines, text, getPair(model, node, 'environment')?.value),
      build,
      extraHosts: extraHosts(model, getPair(model, node, 'extra_hosts')?.value),
      networkMode: scalarString(getValue(model, node, 'network_mode')),
      networks: networkNames(model, getPair(model, node, 'networks')?.value),
      node,
    });
  }
  const internalNetworks = new Set<string>();
  for (const { key, pair } of mapPairs(model, getValue(model, root, 'networks'))) {
    const internal = getValue(model, pair.value, 'internal');
    if (isScalar(internal) && (internal.value === true || String(internal.value) === 'true')) internalNetworks.add(key);
  }
  return { services, internalNetworks };
}

/** `networks: [a, b]` or `networks: { a: {…}, b: }` as names; undefined when absent or not a list or map. */
function networkNames(model: YamlModel, node: unknown): string[] | undefined {
  const n = getNode(model, node);
  if (isMap(n)) return mapPairs(model, n).map(({ key }) => key);
  if (n && !isScalar(n)) return seqItems(model, n).map((i) => scalarString(i)).filter((x): x is string => !!x);
  return undefined;
}
