/**
 * `npm run corpus -- --articles N --out <dir> [--seed S] [--from content]`: a generated content
 * dir in the real layout, with text sampled from the real archive; the same seed gives the same files.
 */
import { parseArgs } from 'node:util';
import { cliArgs } from './lib/cli.ts';
import { createCorpus } from './lib/corpus/index.ts';

const usage = 'npm run corpus -- --articles <N> --out <new dir> [--seed <n>] [--from <content dir>]';
const { values } = cliArgs(
  () =>
    parseArgs({
      options: {
        articles: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        from: { type: 'string', default: 'content' },
      },
      allowPositionals: false,
    }),
  usage,
);
if (values.articles === undefined || values.out === undefined) {
  console.error(`--articles and --out are required\nusage: ${usage}`);
  process.exit(2);
}
const started = performance.now();
try {
  await createCorpus({ articles: Number(values.articles), seed: Number(values.seed), out: values.out, from: values.from });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
console.log(`${values.articles} articles written to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
