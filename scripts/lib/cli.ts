/** Command-line parsing shared by the scripts: a bad flag is an error that shows the usage. */
export function cliArgs<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
}

/** A progress display may redraw a line in place: a terminal, and not CI (whose log keeps every redraw). */
export const liveTerminal = (stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean => Boolean(stream.isTTY) && !env.CI;
