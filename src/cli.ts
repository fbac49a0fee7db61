export async function runCli(args: string[]): Promise<number> {
  process.stdout.write(`iam-connections ${args.join(' ')}\n`);
  return 0;
}
