import type { Fix, RuleFinding } from '../../findingTypes';
import { envVariableOf } from '../../proxy/names';
import { driverOptPairs, envKey } from '../../scripts/driverOpts';
import type { BuilderCreate, ScriptUnit } from '../../scripts/scriptUnit';
import { defineUnitRule, type UnitDocument } from './driverOptRewrite';
import { SRC } from '../../sources';
import { lazyFix } from '../../fix';

/** The proxy variables the unit evidently has in its own environment (names as written). */
function shellProxies(unit: ScriptUnit): string[] {
  const names = unit.env.filter((e) => envVariableOf(e.name) === 'http' || envVariableOf(e.name) === 'https' || envVariableOf(e.name) === 'no')
    .filter((e) => e.dynamic || (e.value ?? '').trim() !== '')
    .map((e) => e.name);
  return [...new Set(names)];
}

/**
 * Proxy values the unit writes into `--build-arg` (with no proxy of its own shell): literal ones, or proxy URLs
 * assembled from parts (`http://$PROXY_HOST:$PROXY_PORT`), which show a proxy as clearly.
 */
function literalBuildArgProxies(unit: ScriptUnit): Map<string, string> {
  const found = new Map<string, string>();
  for (const a of unit.buildArgs) {
    const v = envVariableOf(a.name);
    const value = a.value?.trim() ?? '';
    const shown = value !== '' && (!a.dynamic || /^[a-z][a-z0-9+.-]*:\/\/\S/i.test(value));
    if ((v === 'http' || v === 'https') && shown && !found.has(v)) found.set(v, value);
  }
  return found;
}

function literalOptsFix(create: BuilderCreate, values: Map<string, string>): Fix[] {
  // never copy a password into one more place (SH002 reports it where it is)
  if (create.origin !== 'command-line' || [...values.values()].some((v) => v.includes('@') || /[\s'"\\,$`]/.test(v))) return [];
  const opts = [...values].map(([v, value]) => `--driver-opt env.${v}_proxy=${value}`);
  const at = create.range.end;
  return [lazyFix('Pass the same proxy to the builder with --driver-opt env.*', false, () => [{ range: { start: at, end: at }, newText: ' ' + opts.join(' ') }])];
}

function addOptsFix(doc: UnitDocument, create: BuilderCreate, names: string[]): Fix[] {
  if (create.origin !== 'command-line') return [];
  const opts = names.map((n) => {
    const v = envVariableOf(n);
    return v === 'no' ? `--driver-opt "\\"env.${n.toLowerCase()}=$${n}\\""` : `--driver-opt "env.${n.toLowerCase()}=$${n}"`;
  });
  const at = create.range.end;
  return [lazyFix('Pass the proxy variables to the builder with --driver-opt env.*', false, () => [{ range: { start: at, end: at }, newText: ' ' + opts.join(' ') }])];
}

export const containerBuilderWithoutProxy = defineUnitRule({
  id: 'BX004',
  name: 'container-builder-without-proxy',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'warning',
  summary: 'A docker-container builder is created with no `env.*_proxy` driver options in a script or job that uses a proxy.',
  description:
    'buildx does not copy the shell\'s or dockerd\'s proxy into a docker-container builder: buildkitd runs in its own ' +
    'container with only the environment given by `--driver-opt env.NAME=value`. A script or CI job that sets ' +
    '`HTTPS_PROXY` and then creates such a builder without those options gets a builder that pulls base images, ' +
    'fetches `ADD <url>` and git sources directly, which fails behind a proxy. The same holds for a script that exports ' +
    'nothing but writes the proxy into `--build-arg` values: build args reach `RUN` steps, not the builder\'s own pulls.\n\n' +
    'Pass the variables: `--driver-opt "env.http_proxy=$HTTP_PROXY" --driver-opt "env.https_proxy=$HTTPS_PROXY" ' +
    '--driver-opt "\\"env.no_proxy=$NO_PROXY\\""` (the no_proxy field in CSV quotes), or the same lines in ' +
    'setup-buildx-action\'s `driver-opts`. A create whose options come from a variable or array the script does not ' +
    'show (`"${BUILDER_OPTS[@]}"` set elsewhere) is not reported.',
  sources: [SRC.buildxIssueContainerEnv, SRC.containerDriver, SRC.buildkitResolver],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\nexport HTTPS_PROXY=http://proxy.example.com:3128\nexport NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name ci --driver docker-container --use\ndocker buildx build -t app .\n' },
    good: { kind: 'shell', text: '#!/bin/sh\nexport HTTPS_PROXY=http://proxy.example.com:3128\nexport NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name ci --driver docker-container --use \\\n  --driver-opt "env.https_proxy=$HTTPS_PROXY" --driver-opt "\\"env.no_proxy=$NO_PROXY\\""\ndocker buildx build -t app .\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const unit of doc.units) {
    const names = shellProxies(unit);
    const literal = literalBuildArgProxies(unit);
    // `--build-arg https_proxy=$https_proxy`: the script's shell evidently has a proxy even if it exports none here
    const viaShell = names.some((n) => envVariableOf(n) !== 'no') || unit.readsProxyVariable;
    if (!viaShell && literal.size === 0) continue;
    for (const create of unit.creates) {
      if (create.driver !== 'docker-container' || create.opaque) continue;
      const keys = create.driverOpts.flatMap((o) => driverOptPairs(o).pairs).map((p) => envKey(p.key)).filter((k): k is string => !!k);
      if (keys.some((k) => envVariableOf(k) === 'http' || envVariableOf(k) === 'https')) continue;
      // Texts that did not parse still show the intent (BX001/BX002 report them).
      if (create.driverOpts.some((o) => /env\.https?_proxy/i.test(o.text))) continue;
      const label = `${unit.label[0].toUpperCase()}${unit.label.slice(1)}`;
      findings.push(viaShell ? {
        range: create.range,
        message: `${label} uses a proxy (${names.join(', ') || 'read from its environment'}) but this docker-container builder gets none: buildx does not pass it on; add --driver-opt env.https_proxy=… (and http_proxy, no_proxy).`,
        fixes: addOptsFix(doc, create, names),
      } : {
        range: create.range,
        message: `${label} passes a proxy only as --build-arg (${[...literal.keys()].map((v) => `${v}_proxy`).join(', ')}), which reaches RUN steps but not this docker-container builder's own pulls; add --driver-opt env.https_proxy=… (and http_proxy, no_proxy).`,
        fixes: literalOptsFix(create, literal),
      });
    }
  }
  return findings;
});
