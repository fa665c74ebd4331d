/** Where the CLI writes: lines for stdout and stderr, injectable so tests capture them in process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const consoleIo: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

/** Exit codes (SPEC §1): 1 an assertion failed, 2 bad input, 3 a runtime failure such as a port in use. */
export const EXIT = { ok: 0, assertionFailed: 1, badInput: 2, runtimeFailure: 3 } as const;

/** What a subcommand's action gets: the output and a way to set the process's exit code. */
export interface CliContext {
  io: CliIo;
  setExitCode(code: number): void;
}
