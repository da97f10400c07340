import type { Rule } from '../../rule';
import type { RuleFinding } from '../../findingTypes';
import { ALL_KINDS, fixOf, noProxyValues, spanRange, type ValueReplacement } from './shared';
import { SRC } from '../../sources';

export const spaceSeparated: Rule = {
  meta: {
    id: 'NP004',
    name: 'space-separated',
    kinds: ALL_KINDS,
    defaultSeverity: 'error',
    summary: 'NO_PROXY entries separated by blanks instead of commas are not read as separate entries.',
    description:
      'Every NO_PROXY reader splits the list on commas only. Go keeps `localhost .example.com` as one entry (after ' +
      'trimming its ends) that matches no host; curl stops reading the list at a blank that is not followed by a ' +
      'comma, so everything after it is ignored. Blanks next to a comma are harmless.\n\nSeparate entries with commas.',
    sources: [SRC.xnetNoProxyParse, SRC.curlNoProxy],
    examples: {
      bad: { kind: 'dockerfile', text: 'FROM alpine:3.20\nENV NO_PROXY="localhost 127.0.0.1 example.com"\n' },
      good: { kind: 'dockerfile', text: 'FROM alpine:3.20\nENV NO_PROXY="localhost, 127.0.0.1, example.com"\n' },
    },
  },
  check(doc): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const v of noProxyValues(doc)) {
      const { entries } = v;
      // One finding per value (from the first to the last blank-separated run), so that its message stays the same
      // while other fixes edit single entries; the fix puts a comma in every blank-only gap.
      const replacements: ValueReplacement[] = [];
      let first = -1;
      let last = -1;
      for (let j = 1; j < entries.length; j++) {
        if (!entries[j].joinedByWhitespace) continue;
        if (first < 0) first = entries[j - 1].start;
        last = entries[j].end;
        replacements.push({ start: entries[j - 1].end, end: entries[j].start, text: ',' });
      }
      if (replacements.length === 0) continue;
      findings.push({
        range: spanRange(doc, v, first, last),
        message: `${v.setting.name}: entries separated by blanks instead of commas; Go reads them as one entry that never matches and curl stops at the first blank.`,
        fixes: fixOf(doc, v, 'Separate the entries with commas', true, replacements),
      });
    }
    return findings;
  },
};
