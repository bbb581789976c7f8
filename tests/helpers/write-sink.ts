/** A stream that keeps what is written to it: a terminal to cli-progress (`isTTY` and its cursor moves), or not. */
import { Writable } from 'node:stream';

export function writeSink(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = Object.assign(
    new Writable({
      write: (chunk, _, done) => {
        written.push(String(chunk));
        done();
      },
    }),
    { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
  );
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}
