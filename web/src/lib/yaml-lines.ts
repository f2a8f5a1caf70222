/**
 * Places the hub's validation problems next to the YAML lines they concern: "rules[3]" is the
 * fourth item of the top-level `rules:` list; "line 12" (a YAML syntax error) is that line.
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
  for (const problem of problems) {
    const rule = /rules\[(\d+)\]/.exec(problem);
    const lineRef = /\bline (\d+)/i.exec(problem);
    let line = 0;
    if (rule) line = ruleStarts[Number(rule[1])] ?? 0;
    else if (lineRef) line = Math.min(Number(lineRef[1]), lines.length);
    placed.set(line, [...(placed.get(line) ?? []), problem]);
  }
  return placed;
}
