/** The `gatelab` command line. Returns the process exit code. */
export async function main(_argv: string[]): Promise<number> {
  console.log('gatelab');
  return 0;
}
