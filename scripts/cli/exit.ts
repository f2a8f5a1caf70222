/** The CLIs' exit codes: 0 done, 1 a finding (a break, an invalid document, a difference), 2 usage or refusal. */
export const EXIT = { OK: 0, FINDING: 1, REFUSED: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A refusal the CLI explains in one line on stderr, then exits with `code` (2 unless said). */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly code: ExitCode = EXIT.REFUSED,
  ) {
    super(message);
    this.name = "Refusal";
  }
}

/** The first line of any error's message, never its stack: the one line a refusal prints. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n").find((line) => line.trim() !== "") ?? "unknown error").trim();
}

export const print = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * Runs a CLI's main and exits with its code. Whatever fails becomes one line on stderr and
 * exit 2: a refusal says why; anything else (a bug, a broken file) is named by its first line.
 */
export async function runCli(main: () => Promise<ExitCode>): Promise<never> {
  let code: ExitCode;
  try {
    code = await main();
  } catch (error) {
    process.stderr.write(`${error instanceof Refusal ? error.message : `error: ${oneLine(error)}`}\n`);
    code = error instanceof Refusal ? error.code : EXIT.REFUSED;
  }
  // Flush stdout before exiting: a piped stdout is written asynchronously.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}
