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
let renamed = true;
try {
  renameSync(folder, mine);
} catch {
  // Gone already (another build removed it): nothing to delete.
  renamed = false;
}
process.send(renamed ? 'renamed' : 'gone', () => {
  process.disconnect();
  if (renamed) rmSync(mine, { recursive: true, force: true, maxRetries: 3 });
});
