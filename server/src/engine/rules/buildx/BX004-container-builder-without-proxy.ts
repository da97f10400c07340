import type { Fix, RuleFinding } from '../../model';
import { envVariableOf } from '../../proxy/names';
import { driverOptPairs, envKey } from '../../scripts/driverOpts';
import type { BuilderCreate, ScriptUnit } from '../../scripts/model';
import { defineUnitRule, type UnitDocument } from './common';
import { lazyFix } from '../../fix';

/** The proxy variables the unit evidently has in its own environment (names as written). */
function shellProxies(unit: ScriptUnit): string[] {
  const names = unit.env.filter((e) => envVariableOf(e.name) === 'http' || envVariableOf(e.name) === 'https' || envVariableOf(e.name) === 'no')
    .filter((e) => e.dynamic || (e.value ?? '').trim() !== '')
    .map((e) => e.name);
  return [...new Set(names)];
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
    'fetches `ADD <url>` and git sources directly, which fails behind a proxy.\n\n' +
    'Pass the variables: `--driver-opt "env.http_proxy=$HTTP_PROXY" --driver-opt "env.https_proxy=$HTTPS_PROXY" ' +
    '--driver-opt "\\"env.no_proxy=$NO_PROXY\\""` (the no_proxy field in CSV quotes), or the same lines in ' +
    'setup-buildx-action\'s `driver-opts`.',
  fact: 'docker-proxy-facts.md §2 (buildx does not copy proxy settings into a docker-container builder; docker/buildx#136), §5 (three places need the proxy) and §10.3',
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\nexport HTTPS_PROXY=http://proxy.example.com:3128\nexport NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name ci --driver docker-container --use\ndocker buildx build -t app .\n' },
    good: { kind: 'shell', text: '#!/bin/sh\nexport HTTPS_PROXY=http://proxy.example.com:3128\nexport NO_PROXY=localhost,127.0.0.1\ndocker buildx create --name ci --driver docker-container --use \\\n  --driver-opt "env.https_proxy=$HTTPS_PROXY" --driver-opt "\\"env.no_proxy=$NO_PROXY\\""\ndocker buildx build -t app .\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  for (const unit of doc.units) {
    const names = shellProxies(unit);
    if (!names.some((n) => envVariableOf(n) !== 'no')) continue;
    for (const create of unit.creates) {
      if (create.driver !== 'docker-container') continue;
      const keys = create.driverOpts.flatMap((o) => driverOptPairs(o).pairs).map((p) => envKey(p.key)).filter((k): k is string => !!k);
      if (keys.some((k) => envVariableOf(k) === 'http' || envVariableOf(k) === 'https')) continue;
      // Texts that did not parse still show the intent (BX001/BX002 report them).
      if (create.driverOpts.some((o) => /env\.https?_proxy/i.test(o.text))) continue;
      findings.push({
        range: create.range,
        message: `${unit.label[0].toUpperCase()}${unit.label.slice(1)} uses a proxy (${names.join(', ')}) but this docker-container builder gets none: buildx does not pass it on; add --driver-opt env.https_proxy=… (and http_proxy, no_proxy).`,
        fixes: addOptsFix(doc, create, names),
      });
    }
  }
  return findings;
});
