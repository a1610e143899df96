// What a CLI command gets from the process, passed in so commands can be tested without one.

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly readStdin: () => Promise<Buffer>;
  readonly now: () => Date;
  readonly env: Record<string, string | undefined>;
}

/** A bad command line: printed with the usage, exit status 2. */
export class UsageError extends Error {}

export interface CliCommand {
  readonly name: string;
  /** One usage line per form, without the program name. */
  readonly usage: readonly string[];
  run(args: string[], io: CliIo): Promise<number>;
}
