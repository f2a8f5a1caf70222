import { parseArgs } from "node:util";
import { EXIT } from "./exit.js";
import { CONNECTION_OPTIONS } from "./hub-client.js";

type OptionSpec = { readonly type: "string" | "boolean"; readonly multiple?: boolean };

/**
 * Parses a hub client's command line (its own options, the connection options and --help): a bad
 * option is one line and exit 2, --help prints the usage and exits 0.
 */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(script: string, usage: string, options: O) {
  const config = { allowPositionals: true, strict: true, options: { ...CONNECTION_OPTIONS, ...options, help: { type: "boolean" } } } as const;
  let parsed: ReturnType<typeof parseArgs<typeof config>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}; npm run ${script} -- --help lists the commands\n`);
    process.exit(EXIT.REFUSED);
  }
  // The generic options hide `help` from the parsed type; it is always declared above.
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    process.exit(EXIT.OK);
  }
  return parsed;
}
