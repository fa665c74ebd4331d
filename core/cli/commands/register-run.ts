import type { Command } from 'commander';
import { consoleIo, type CliContext } from '../io.ts';
import { BACKEND_COST_OPTION, CSV_OPTION, HTML_OPTION } from '../../node/report/cli-options.ts';
import type { RunOptions } from './run.ts';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `gatelab run CONFIG --scenario FILE …` (SPEC §1); the simulator or live runner loads only when a run starts. */
export function registerRunCommand(program: Command, context: CliContext): void {
  program
    .command('run')
    .description('run a scenario and print a summary')
    .argument('<config>', 'the gateway config (*.gatelab.json)')
    .requiredOption('--scenario <file>', 'the scenario to run (*.scenario.json)')
    .option('--mode <mode>', 'virtual (simulated clock, the default) or live (real HTTP over 127.0.0.1)')
    .option('--target <url>', 'live: send to a running `gatelab serve` instead of an in-process gateway')
    .option('--seed <n>', 'the random seed (overrides the scenario)')
    .option('--report <file>', 'write the JSON report here')
    .option('--requests-out <file>', 'write one NDJSON line per request here')
    .option(HTML_OPTION.flags, HTML_OPTION.description)
    .option(CSV_OPTION.flags, CSV_OPTION.description)
    .option(BACKEND_COST_OPTION.flags, BACKEND_COST_OPTION.description)
    .option('--assert <expr>', 'fail (exit 1) unless this holds, e.g. "p99<250"; repeatable', collect)
    .option('--runs-dir <dir>', 'also save the report into this history folder')
    .action(async (config: string, options: RunOptions) => {
      const { runCommand } = await import('./run.ts');
      const { progressSink } = await import('./run-progress.ts');
      // The progress bar draws on the real stderr; captured output (tests) gets plain progress lines.
      const stream =
        context.io === consoleIo
          ? process.stderr
          : { isTTY: false, write: (text: string) => (context.io.err(text.replace(/\n$/, '')), true) };
      context.setExitCode(await runCommand(config, options, context.io, progressSink(stream)));
    });
}
