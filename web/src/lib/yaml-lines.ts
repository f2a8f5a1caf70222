/**
 * Places the hub's validation problems next to the YAML lines they concern: `rule "x.y"` is the
 * line of `id: x.y`; "rules[3]" is the fourth item of the top-level `rules:` list; "line 12" (a
 * YAML syntax error) is that line.
 * Problems that name neither stay with the document (line 0).
 */
export function problemLines(text: string, problems: readonly string[]): Map<number, string[]> {
  const lines = text.split("\n");
  const ruleStarts: number[] = [];
  let inRules = false;
  let itemIndent = -1;
  lines.forEach((line, index) => {
    if (/^rules\s*:/.test(line)) {
      inRules = true;
      return;
    }
    if (inRules && /^\S/.test(line) && !line.startsWith("#")) inRules = false;
    const item = /^(\s*)-\s/.exec(line);
    if (inRules && item) {
      const indent = (item[1] as string).length;
      if (itemIndent === -1) itemIndent = indent;
      if (indent === itemIndent) ruleStarts.push(index + 1);
    }
  });
  const placed = new Map<number, string[]>();
  const idLines = new Map<string, number>();
  lines.forEach((line, index) => {
    const id = /^\s*-?\s*id\s*:\s*["']?([^"'\s#]+)/.exec(line);
    if (id && !idLines.has(id[1] as string)) idLines.set(id[1] as string, index + 1);
  });
  for (const problem of problems) {
    const named = /\brule "([^"]+)"/.exec(problem);
    const rule = /rules\[(\d+)\]/.exec(problem);
    const lineRef = /\bline (\d+)/i.exec(problem);
    let line = 0;
    if (named && idLines.has(named[1] as string)) {
      line = idLines.get(named[1] as string) ?? 0;
      // "…: effect must be …": the rule's own `effect:` line, when it has one before the next rule.
      const key = /"[^"]+":\s*([A-Za-z]+)\b/.exec(problem)?.[1];
      const start = line;
      for (let index = start; key && index < lines.length; index += 1) {
        const text = lines[index] as string;
        if (/^\s*-\s+id\s*:/.test(text)) break;
        if (new RegExp(`^\\s*${key}\\s*:`).test(text)) {
          line = index + 1;
          break;
        }
      }
    } else if (rule) line = ruleStarts[Number(rule[1])] ?? 0;
    else if (lineRef) line = Math.min(Number(lineRef[1]), lines.length);
    placed.set(line, [...(placed.get(line) ?? []), problem]);
  }
  return placed;
}
