import type { RuleFinding } from '../../findingTypes';
import { defineUnitRule, eachDriverOpt, meantOption, rewriteFix } from './driverOptRewrite';
import { MEASURED, SRC } from '../../sources';

export const driverOptCsvSplit = defineUnitRule({
  id: 'BX001',
  name: 'driver-opt-csv-split',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'error',
  summary: 'A comma list in `--driver-opt env.no_proxy=…` is split by buildx\'s CSV parsing unless the whole field is in CSV quotes.',
  description:
    'buildx reads every `--driver-opt` value as one CSV record, so `env.no_proxy=localhost,127.0.0.1` becomes the ' +
    'fields `env.no_proxy=localhost` and `127.0.0.1`, and `docker buildx create` stops with `invalid value ' +
    '"127.0.0.1", expecting k=v`. Shell double quotes do not help: the shell removes them before buildx sees the ' +
    'value.\n\n' +
    'Put the whole field in CSV double quotes and protect those from the shell: `--driver-opt ' +
    '\'"env.no_proxy=localhost,127.0.0.1"\'`, or `--driver-opt "\\"env.no_proxy=$NO_PROXY\\""` when it comes from a ' +
    'variable. In a `docker/setup-buildx-action` `driver-opts` block each line reaches buildx as written, so write ' +
    'the line as `"env.no_proxy=localhost,127.0.0.1"`. The quick fix does this.',
  sources: [SRC.buildxDriverOptCsv, SRC.buildxCreateDriverOpt, SRC.buildxIssueContainerEnv, MEASURED.buildxDriverOpts],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\nset -eu\ndocker buildx create --name ci --driver docker-container \\\n  --driver-opt env.http_proxy=http://proxy.example.com:3128 \\\n  --driver-opt env.https_proxy=http://proxy.example.com:3128 \\\n  --driver-opt env.no_proxy=localhost,127.0.0.1,registry.internal\n' },
    good: { kind: 'shell', text: '#!/bin/sh\nset -eu\ndocker buildx create --name ci --driver docker-container \\\n  --driver-opt env.http_proxy=http://proxy.example.com:3128 \\\n  --driver-opt env.https_proxy=http://proxy.example.com:3128 \\\n  --driver-opt \'"env.no_proxy=localhost,127.0.0.1,registry.internal"\'\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  eachDriverOpt(doc, (opt) => {
    const meant = meantOption(opt);
    if (!meant || (meant.problem !== 'split' && meant.problem !== 'unquoted-expansion')) return;
    const where = opt.origin === 'action' ? 'this driver-opts line' : 'this --driver-opt';
    findings.push({
      range: opt.range,
      severity: meant.problem === 'unquoted-expansion' ? 'warning' : undefined,
      message: meant.problem === 'split'
        ? `buildx splits ${where} at its commas (CSV) and refuses the pieces ("invalid value …, expecting k=v"); put the whole "${meant.key}=…" field in CSV double quotes.`
        : `If ${meant.value} holds a comma list, buildx splits ${where} at the commas (CSV); put the whole "${meant.key}=…" field in CSV double quotes.`,
      fixes: rewriteFix(doc, opt, meant, 'Quote the field for buildx\'s CSV parsing'),
    });
  });
  return findings;
});
