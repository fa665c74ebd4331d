import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCompareCommand } from './commands/compare.ts';
import { registerRecommendCommand } from './commands/recommend.ts';
import { registerRunCommand } from './commands/register-run.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUiCommand } from './commands/ui.ts';
import { registerValidateCommand } from './commands/validate.ts';
import { EXIT, consoleIo, type CliContext, type CliIo } from './io.ts';

function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

const withoutFinalNewline = (text: string): string => text.replace(/\n$/, '');

/** Commander's own errors ("error: unknown option '--x'", maybe with a suggestion below) as one line. */
function usageLine(text: string): string {
  const message = text
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ');
  return `gatelab: ${message}${message.includes('Did you mean') ? '' : ' (see --help)'}`;
}

function buildProgram(context: CliContext): Command {
  const { io } = context;
  const program = new Command('gatelab')
    .description('A lab for Amazon API Gateway throttling and caching.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.out(withoutFinalNewline(text)),
      writeErr: (text) => io.err(withoutFinalNewline(text)),
      outputError: (text, write) => write(`${usageLine(text)}\n`),
    })
    .addHelpText('after', '\nExit codes: 0 ok, 1 an assertion failed, 2 bad input, 3 a runtime failure.');
  registerValidateCommand(program, context);
  registerRunCommand(program, context);
  registerCompareCommand(program, context);
  registerRecommendCommand(program, context);
  registerServeCommand(program, context.setExitCode, context.io);
  registerUiCommand(program, context);
  return program;
}

function exitCodeOf(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end with exit code 0; usage errors (already printed) are bad input.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.err(`gatelab: unexpected error: ${detail}`);
  if (process.env.GATELAB_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT.runtimeFailure;
}

/**
 * The `gatelab` command line. Runs the subcommand named in `argv` (the arguments after the program
 * name) and returns the process exit code; it never calls `process.exit` and prints no stack trace
 * for bad input.
 */
export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram({ io, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return exitCodeOf(error, io);
  }
}
