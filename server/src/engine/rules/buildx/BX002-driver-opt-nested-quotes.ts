import type { RuleFinding } from '../../findingTypes';
import { defineUnitRule, eachDriverOpt, meantOption, rewriteFix } from './driverOptRewrite';
import { MEASURED, SRC } from '../../sources';

export const driverOptNestedQuotes = defineUnitRule({
  id: 'BX002',
  name: 'driver-opt-nested-quotes',
  kinds: ['shell', 'ci-workflow'],
  defaultSeverity: 'error',
  summary: 'Quotes inside a `--driver-opt env.*=` value reach the builder as part of the value, or make buildx refuse it.',
  description:
    'After the shell has removed its quotes, buildx parses the driver option as CSV, where only double quotes around ' +
    'the *whole* field count. `--driver-opt "env.http_proxy=\'http://proxy:3128\'"` therefore gives the builder a ' +
    'proxy URL that starts with a quote character, which no program can use; `env.no_proxy=\'a,b\'` is split into ' +
    '`\'a` and `b\'`; and `env.no_proxy="a,b"` (quotes after the `=`) is refused with `bare " in non-quoted-field`. ' +
    'The same holds for lines of a setup-buildx-action `driver-opts` block, which reach buildx as written.\n\n' +
    'Quote the whole field for CSV (`\'"env.no_proxy=a,b"\'` on a command line, `"env.no_proxy=a,b"` as a ' +
    '`driver-opts` line) and nothing inside it. The quick fix does this.',
  sources: [SRC.buildxDriverOptCsv, SRC.buildxEnvDriverOpt, MEASURED.buildxDriverOpts],
  examples: {
    bad: { kind: 'shell', text: '#!/bin/sh\ndocker buildx create --name ci --driver-opt "env.https_proxy=\'http://proxy.example.com:3128\'"\n' },
    good: { kind: 'shell', text: '#!/bin/sh\ndocker buildx create --name ci --driver-opt "env.https_proxy=http://proxy.example.com:3128"\n' },
  },
}, (doc) => {
  const findings: RuleFinding[] = [];
  eachDriverOpt(doc, (opt) => {
    const meant = meantOption(opt);
    if (!meant || meant.problem !== 'nested-quotes') return;
    findings.push({
      range: opt.range,
      message: `Quotes inside the ${meant.key} value reach buildx: the builder gets them as part of the value, or buildx refuses the option; quote the whole field for CSV and nothing inside it.`,
      fixes: rewriteFix(doc, opt, meant, 'Remove the inner quotes'),
    });
  });
  return findings;
});
