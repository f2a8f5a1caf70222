// Public API of the identifier normalisers; everything else in this folder is internal.
export type { IdentifierKind } from "./kinds.js";
export { IDENTIFIER_KINDS } from "./kinds.js";
export { IdentifierError } from "./errors.js";
export { normalisePhone } from "./phone.js";
export { normaliseEmail } from "./email.js";
export { normaliseIban } from "./iban.js";
export { normaliseCountry } from "./country.js";
export { normaliseDocumentNumber, normaliseTravelDocument } from "./document.js";
export { normaliseVehicle } from "./vehicle.js";
export { normaliseCompany } from "./company.js";
export { makeS10, normaliseS10, s10CheckDigit } from "./s10.js";
export { iso6346CheckDigit, makeContainerNumber, normaliseContainer } from "./container.js";
export { identifierValue, normaliseIdentifierPart } from "./value.js";
