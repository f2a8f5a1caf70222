import type { Agency, Handling } from "./graph.js";

/** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
export const AGENCY_COLOURS: Readonly<Record<Agency, string>> = {
  CUSTOMS: "#0072B2",
  POLICE: "#009E73",
  FIU: "#D55E00",
  POSTAL: "#E69F00",
  HUB: "#CC79A7",
};
export const IDENTIFIER_COLOUR = "#8a8a8a";

/** TLP 2.0 colours for borders and edges; stricter codes also get thicker, dashed lines. */
export const HANDLING_COLOURS: Readonly<Record<Handling, string>> = {
  CLEAR: "#5f6b7a",
  GREEN: "#33a02c",
  AMBER: "#ffc000",
  AMBER_STRICT: "#ff8c00",
  RED: "#e8001c",
};
export const HANDLING_WIDTH: Readonly<Record<Handling, number>> = { CLEAR: 1, GREEN: 2, AMBER: 3, AMBER_STRICT: 4, RED: 5 };
