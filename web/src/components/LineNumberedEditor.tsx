import { useRef } from "react";

/** A plain textarea with line numbers and the problems placed beside their lines. */
export function LineNumberedEditor({ value, onChange, problems, label }: { value: string; onChange: (value: string) => void; problems: Map<number, string[]>; label: string }) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split("\n");
  return (
    <div className="editor">
      <div className="editor-body">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, index) => (
            <div key={index} className={problems.has(index + 1) ? "gutter-line bad" : "gutter-line"}>{index + 1}</div>
          ))}
        </div>
        <textarea
          aria-label={label}
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
        <ol className="problems" data-testid="policy-problems" aria-label="Validation problems">
          {[...problems.entries()].sort(([a], [b]) => a - b).map(([line, list]) =>
            list.map((problem, i) => (
              <li key={`${line}-${i}`}>{line > 0 ? <strong>line {line}: </strong> : null}{problem}</li>
            )),
          )}
        </ol>
      )}
      <p className="muted small">Tab indents; press Escape, then Tab, to leave the editor.</p>
    </div>
  );
}
