import { AGENCY_LIST, HANDLING_ORDER } from "../lib/graph";
import { AGENCY_COLOURS, HANDLING_COLOURS, HANDLING_WIDTH, IDENTIFIER_COLOUR } from "../lib/style";

export function Legend() {
  return (
    <figure className="legend" data-testid="graph-legend" aria-label="Legend">
      <figcaption>Legend</figcaption>
      <ul>
        {AGENCY_LIST.filter((a) => a !== "HUB").map((agency) => (
          <li key={agency}><span className="swatch" style={{ background: AGENCY_COLOURS[agency] }} aria-hidden="true" />{agency} record (rounded box)</li>
        ))}
        <li><span className="swatch round" style={{ background: IDENTIFIER_COLOUR }} aria-hidden="true" />identifier (circle)</li>
        <li><span className="swatch diamond" aria-hidden="true" />restricted: exists, no content (dashed diamond)</li>
        {HANDLING_ORDER.map((handling) => (
          <li key={handling}>
            <span className="swatch border" style={{ borderColor: HANDLING_COLOURS[handling], borderWidth: HANDLING_WIDTH[handling] }} aria-hidden="true" />
            TLP:{handling.replace("_", "+")} border / edge{handling === "RED" || handling === "AMBER_STRICT" ? " (dashed)" : ""}
          </li>
        ))}
        <li><span className="swatch path" aria-hidden="true" />on the path found</li>
      </ul>
    </figure>
  );
}
