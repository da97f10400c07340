// `systemctl show --property=Environment --property=ExecStart --property=FragmentPath --property=DropInPaths docker`:
// what systemd *will* pass to dockerd at its next start (facts §9), to compare with the drop-in files (daemon-reload
// pending?) and with `docker info` (restart pending?).

export interface SystemctlShow {
  environment: Array<{ name: string; value: string }>;
  /** argv of the ExecStart command, when one is set. */
  execStart?: string[];
  fragmentPath?: string;
  dropInPaths: string[];
}

/** Splits the words of a systemd environment list as systemctl prints it (double quotes, backslash escapes). */
export function splitSystemdWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let word = '';
    while (i < text.length && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const q = c;
        i++;
        while (i < text.length && text[i] !== q) {
          if (text[i] === '\\' && i + 1 < text.length) { word += text[i + 1]; i += 2; } else word += text[i++];
        }
        i++;
      } else if (c === '\\' && i + 1 < text.length) {
        word += text[i + 1];
        i += 2;
      } else {
        word += c;
        i++;
      }
    }
    words.push(word);
  }
  return words;
}

export function parseSystemctlShow(stdout: string): SystemctlShow {
  const result: SystemctlShow = { environment: [], dropInPaths: [] };
  for (const line of stdout.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (key === 'Environment') {
      for (const w of splitSystemdWords(value)) {
        const i = w.indexOf('=');
        if (i > 0) result.environment.push({ name: w.slice(0, i), value: w.slice(i + 1) });
      }
    } else if (key === 'ExecStart') {
      // `{ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd:// --containerd=… ; ignore_errors=no ; … }`
      const m = /argv\[\]=(.*?) ; /.exec(value);
      if (m) result.execStart = m[1].trim().split(/\s+/);
    } else if (key === 'FragmentPath' && value) {
      result.fragmentPath = value;
    } else if (key === 'DropInPaths' && value) {
      result.dropInPaths = value.split(/\s+/).filter(Boolean);
    }
  }
  return result;
}
