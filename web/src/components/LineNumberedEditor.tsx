import { useRef } from "react";

/** A plain textarea with line numbers and the problems placed beside their lines. */
export function LineNumberedEditor({ value, onChange, problems, label }: { value: string; onChange: (value: string) => void; problems: Map<number, string[]>; label: string }) {
  const gutter = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const lines = value.split("\n");
  /** Puts the caret on a line and scrolls it into view (from a problem). */
  const goTo = (line: number) => {
    const textarea = area.current;
    if (!textarea || line < 1) return;
    const start = lines.slice(0, line - 1).reduce((offset, text) => offset + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = textarea.scrollHeight / Math.max(1, lines.length);
    textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };
  return (
    <div className="editor">
      <div className="editor-body">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, index) => (
            <div key={index} className={problems.has(index + 1) ? "gutter-line bad" : "gutter-line"} title={problems.get(index + 1)?.join("\n")}>
              {problems.has(index + 1) ? "! " : ""}
              {index + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          aria-label={label}
          aria-invalid={problems.size > 0}
          aria-describedby={problems.size > 0 ? "policy-problems" : undefined}
          data-testid="policy-editor"
          value={value}
          spellCheck={false}
          wrap="off"
          rows={Math.min(30, Math.max(12, lines.length))}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onKeyDown={(event) => {
            // Tab inserts two spaces (YAML); Escape leaves the editor so Tab moves focus again.
            if (event.key === "Tab" && !event.shiftKey && event.currentTarget.dataset.trap !== "off") {
              event.preventDefault();
              const target = event.currentTarget;
              const { selectionStart, selectionEnd } = target;
              onChange(`${value.slice(0, selectionStart)}  ${value.slice(selectionEnd)}`);
              requestAnimationFrame(() => target.setSelectionRange(selectionStart + 2, selectionStart + 2));
            }
            if (event.key === "Escape") event.currentTarget.dataset.trap = "off";
          }}
          onFocus={(event) => {
            event.currentTarget.dataset.trap = "on";
          }}
        />
      </div>
      {problems.size > 0 && (
        <ol className="problems" id="policy-problems" data-testid="policy-problems" aria-label="Validation problems" aria-live="polite">
          {[...problems.entries()].sort(([a], [b]) => a - b).map(([line, list]) =>
            list.map((problem, i) => (
              <li key={`${line}-${i}`}>
                {line > 0 ? (
                  <button type="button" className="link" onClick={() => goTo(line)} aria-label={`Go to line ${line}`}>line {line}</button>
                ) : null}{" "}
                {problem}
              </li>
            )),
          )}
        </ol>
      )}
      <p className="muted small">Tab indents; press Escape, then Tab, to leave the editor.</p>
    </div>
  );
}
