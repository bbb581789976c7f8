/** The id of a process that has ended: the writer of a temporary a killed build left. */
import { spawnSync } from 'node:child_process';

export function goneProcess(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined) throw new Error("could not start a process to get a gone one's id");
  return pid;
}
