import { describe, expect, it } from 'vitest';
import { fileOf, isSpecialPage, localeFolderOf, sitePathOf, twinPath } from '../../../scripts/lib/site-checks/site-paths.ts';

const FOLDERS = ['', 'zh-hant'];

describe('sitePathOf and fileOf', () => {
  it.each([
    ['index.html', '/'],
    ['jingying/8/index.html', '/jingying/8/'],
    ['zh-hant/index.html', '/zh-hant/'],
    ['404.html', '/404.html'],
    ['_astro/site.css', '/_astro/site.css'],
  ])('%s is served at %s', (file, path) => {
    expect(sitePathOf(file)).toBe(path);
    expect(fileOf(path)).toBe(file);
  });

  it.each([
    ['/jingying/8', 'jingying/8'],
    ['//x/', 'x/index.html'],
    ['', 'index.html'],
  ])('fileOf(%j) is %j', (path, file) => expect(fileOf(path)).toBe(file));
});

describe('locale folders and twins', () => {
  it.each([
    ['/', '', '/zh-hant/'],
    ['/jingying/8/', '', '/zh-hant/jingying/8/'],
    ['/zh-hant/jingying/8/', 'zh-hant', '/jingying/8/'],
    ['/zh-hant/', 'zh-hant', '/'],
    ['/zh-hantx/a/', '', '/zh-hant/zh-hantx/a/'],
  ])('%s is in folder %j; its twin is %s', (path, folder, twin) => {
    expect(localeFolderOf(path, FOLDERS)).toBe(folder);
    expect(twinPath(path, FOLDERS, folder === '' ? 'zh-hant' : '')).toBe(twin);
  });

  it('keeps a page in its own folder when asked for that folder', () => {
    expect(twinPath('/zh-hant/a/', FOLDERS, 'zh-hant')).toBe('/zh-hant/a/');
  });
});

describe('isSpecialPage', () => {
  it.each([
    ['/404.html', true],
    ['/zh-hant/404.html', true],
    ['/pagefind/x.html', false],
    ['/jingying/404.html', false],
    ['/zh-hant/pagefind/x.html', false],
    ['/', false],
  ])('%s → %s', (path, special) => expect(isSpecialPage(path, FOLDERS)).toBe(special));
});
