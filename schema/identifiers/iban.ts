import { electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { IdentifierError } from "./errors.js";
import { checkIdentifierText } from "./text.js";

// One sentence per ibantools error code; the first code reported wins.
const REASONS: Readonly<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANProvided]: "IBAN is empty",
  [ValidationErrorsIBAN.NoIBANCountry]: "IBAN country code is not recognised",
  [ValidationErrorsIBAN.WrongBBANLength]: "IBAN length is wrong for its country",
  [ValidationErrorsIBAN.WrongBBANFormat]: "IBAN account part has the wrong format for its country",
  [ValidationErrorsIBAN.ChecksumNotNumber]: "IBAN checksum is not a number",
  [ValidationErrorsIBAN.WrongIBANChecksum]: "IBAN checksum is invalid",
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: "IBAN national bank/account checksum is invalid",
  [ValidationErrorsIBAN.QRIBANNotAllowed]: "QR-IBAN is not allowed",
};

/** Electronic format: upper-case, no spaces, e.g. "GB82WEST12345698765432". */
export function normaliseIban(input: string): string {
  checkIdentifierText("IBAN", "IBAN", input);
  // electronicFormatIBAN strips whitespace and hyphens and upper-cases.
  const iban = electronicFormatIBAN(input) ?? "";
  // QR-IBANs (Swiss) are real account identifiers, so they are accepted.
  const result = validateIBAN(iban, { allowQRIBAN: true });
  if (!result.valid) {
    const code = result.errorCodes[0];
    throw new IdentifierError("IBAN", input, code === undefined ? "IBAN is invalid" : REASONS[code]);
  }
  return iban;
}
