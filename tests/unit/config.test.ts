import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../src/config.ts';

describe('readSettings', () => {
  it('takes the defaults for unset and empty variables', () => {
    const settings = readSettings({ SEARCH_SHARD_SIZE: '' });
    expect(settings).toMatchObject({
      siteUrl: 'https://archive.yiqihui.example',
      contentDir: path.resolve('content'),
      buildCacheDir: path.resolve('.cache/build'),
      buildTimings: undefined,
      searchSegmentation: 'bigram',
      searchIndexThreads: undefined,
      searchShardSize: 200,
      searchVolumeSize: 10_000,
    });
  });

  it('reads what is set', () => {
    expect(
      readSettings({ SEARCH_SHARD_SIZE: '10', SEARCH_INDEX_THREADS: '1', CONTENT_DIR: '/tmp/c', SEARCH_SEGMENTATION: 'pagefind' }),
    ).toMatchObject({ searchShardSize: 10, searchIndexThreads: 1, contentDir: '/tmp/c', searchSegmentation: 'pagefind' });
  });

  it('names every bad variable, its value and what it takes', () => {
    expect(() => readSettings({ SEARCH_SHARD_SIZE: 'abc' })).toThrow(
      new SettingsError(
        'SEARCH_SHARD_SIZE="abc" is not a valid setting: expected a whole number of at least 1 (articles per search shard); fix or unset it',
      ),
    );
    let error: unknown;
    try {
      readSettings({ SEARCH_INDEX_THREADS: '0', SITE_URL: 'archive.example.com', SEARCH_SEGMENTATION: 'jieba', SEARCH_SHARD_SIZE: '1.5' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message.split('\n')).toEqual([
      'SITE_URL="archive.example.com" is not a valid setting: expected an absolute URL such as https://archive.example.com; fix or unset it',
      'SEARCH_SEGMENTATION="jieba" is not a valid setting: expected one of bigram, pagefind; fix or unset it',
      'SEARCH_INDEX_THREADS="0" is not a valid setting: expected a whole number of at least 1 (search indexing threads); fix or unset it',
      'SEARCH_SHARD_SIZE="1.5" is not a valid setting: expected a whole number of at least 1 (articles per search shard); fix or unset it',
    ]);
  });

  it('reads a build segment as I/N and refuses any other value', () => {
    expect(readSettings({}).buildSegment).toBeUndefined();
    expect(readSettings({ BUILD_SEGMENT: '2/3' }).buildSegment).toEqual({ index: 2, count: 3 });
    expect(() => readSettings({ BUILD_SEGMENT: '4/3' })).toThrow(
      new SettingsError('BUILD_SEGMENT="4/3" is not a valid setting: expected I/N with 1 ≤ I ≤ N, e.g. 2/3; fix or unset it'),
    );
  });

  it('stops a command before it does anything, naming the variable', () => {
    const result = spawnSync('node_modules/.bin/tsx', ['scripts/check.ts'], {
      encoding: 'utf8',
      env: { ...process.env, SEARCH_SHARD_SIZE: 'abc' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'SEARCH_SHARD_SIZE="abc" is not a valid setting: expected a whole number of at least 1 (articles per search shard); fix or unset it',
    );
    expect(result.stdout).not.toContain('checked');
  });
});
