/**
 * The process that deletes a replaced output after its build has ended (`deleteInBackground`,
 * ./swap.ts): `node deleter.ts <folder> <out>`. It first renames the folder to `<out>.deleting-PID`
 * with its own process id, so that the next build leaves it alone while it runs and removes what it
 * left if it was stopped, then tells its parent, which may then exit, and deletes.
 */
import { renameSync, rmSync } from 'node:fs';
import { besideOut } from './swap.ts';

const [folder, out] = process.argv.slice(2);
if (folder === undefined || out === undefined || process.send === undefined) {
  console.error('usage: a build starts this with <folder> <out> and an IPC channel (./swap.ts)');
  process.exit(2);
}
const mine = besideOut(out, 'deleting', process.pid);
/** What it tells the build: it took the folder, the folder was gone already (another build removed it), or it could not take it. */
let answer: 'renamed' | 'gone' | 'failed' = 'renamed';
try {
  renameSync(folder, mine);
} catch (error) {
  answer = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'failed';
}
process.send(answer, () => {
  // The build may have ended before hearing it (stopped during the swap): the channel is closed then.
  if (process.connected) process.disconnect();
  if (answer === 'renamed') rmSync(mine, { recursive: true, force: true, maxRetries: 3 });
});
