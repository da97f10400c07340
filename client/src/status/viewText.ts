// Small text helpers every part of the Proxy Status view uses: masking, durations, plurals, short layer names, and
// cutting a long message down to one line. Pure (no `vscode`).
import { maskCredentials } from '../../../server/src/engine/proxy/url';
import type { LayerId } from '../../../server/src/engine/status/report';

/** Masked, never undefined: every string from a report passes through here once more on its way to the screen. */
export const m = (s: string | undefined): string => maskCredentials(s ?? '');

/** Whole milliseconds: servers may measure with sub-millisecond clocks (`26.5357 ms` helps nobody). */
export function ms(value: number): string {
  return `${Number.isFinite(value) ? Math.round(value) : '?'} ms`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Short layer names for one-line labels (a 700 px sidebar leaves about 80 characters for label and description). */
export const LAYER_SHORT: Record<LayerId, string> = {
  vscode: 'VS Code',
  'cli-shell': 'CLI shell',
  'client-config': 'config.json',
  daemon: 'Daemon',
  builder: 'Builder',
  'build-args': 'Build steps',
};

export function layerShort(id: string): string {
  return LAYER_SHORT[id as LayerId] ?? id;
}

/** Tree order: from the editor outwards to the build steps (anchors §7). Unknown layer ids go last. */
export const LAYER_ORDER: readonly LayerId[] = ['vscode', 'cli-shell', 'client-config', 'daemon', 'builder', 'build-args'];

export function layerRank(id: string): number {
  const i = LAYER_ORDER.indexOf(id as LayerId);
  return i < 0 ? LAYER_ORDER.length : i;
}

/**
 * One short line out of a message: its first sentence (or, when that is long, the part before the colon that starts
 * its explanation), at most `max`
 * characters, cut at a word with `…`. The whole message stays in the tooltip.
 */
export function oneLine(text: string, max = 60): string {
  const flat = m(text).replace(/\s+/g, ' ').trim();
  let sentence = /^(.+?[a-z0-9)"'`])[.;](\s|$)/i.exec(flat)?.[1] ?? flat;
  if (sentence.length <= max) return sentence;
  // "What is wrong: why" → what is wrong
  const colon = sentence.indexOf(': ');
  if (colon >= 15 && colon <= max) sentence = sentence.slice(0, colon);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;-]+$/, '')}…`;
}
