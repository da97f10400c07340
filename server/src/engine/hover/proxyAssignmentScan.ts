// The systemd hover's fallback reader: proxy assignments found line by line in any text (`Environment="HTTPS_PROXY=…"`,
// `export HTTP_PROXY=…` in /etc/default/docker), for files the settings extractor returns nothing for.
import type { SystemdDocument } from '../document';
import type { ProxySetting } from '../findingTypes';
import { envVariableOf } from '../proxy/names';

export function scanProxyAssignments(doc: SystemdDocument): ProxySetting[] {
  const result: ProxySetting[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line);
    if (/^\s*[#;]/.test(text)) continue;
    const start = doc.lines.lineStart(line);
    const re = /(^|[\s"'=])((?:https?|no|ftp|all)_proxy)=/gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const variable = envVariableOf(m[2]);
      if (!variable) continue;
      const nameAt = m.index + m[1].length;
      let valueAt = nameAt + m[2].length + 1;
      let quote = m[1] === '"' || m[1] === "'" ? m[1] : undefined;
      if (!quote && (text[valueAt] === '"' || text[valueAt] === "'")) quote = text[valueAt++];
      let valueEnd = valueAt;
      while (valueEnd < text.length && (quote ? text[valueEnd] !== quote : !/[\s"']/.test(text[valueEnd]))) valueEnd++;
      result.push({
        variable,
        name: m[2],
        value: text.slice(valueAt, valueEnd),
        nameRange: doc.lines.range(start + nameAt, start + nameAt + m[2].length),
        valueRange: doc.lines.range(start + valueAt, start + valueEnd),
        consumer: 'daemon',
      });
    }
  }
  return result;
}
