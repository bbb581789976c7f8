/**
 * A static file server for browser tests that behaves like the CDN: `/x/` serves `x/index.html`,
 * unknown paths get `/404.html` with status 404, and the rules of `dist/_headers` (the CSP
 * included) are applied, so a page that breaks the CSP fails its test.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentTypeOf } from '../../src/lib/content-type.ts';

interface Rule {
  pattern: RegExp;
  headers: [string, string][];
}

/** The `_headers` format: a path pattern line (`*` any rest, `:name` one segment), then indented `Name: value` lines. */
export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-z]+/g, '[^/]+'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)?.headers.push([name!.trim(), value.join(':').trim()]);
    }
  }
  return rules;
}

/** The headers the rules give a path (later rules override earlier ones, as on Netlify and Cloudflare). */
export function headersFor(rules: Rule[], urlPath: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules) if (rule.pattern.test(urlPath)) for (const [k, v] of rule.headers) headers.set(k, v);
  return headers;
}

/** `headers: false` serves as GitHub Pages does, without the rules of `_headers`. */
export async function serveDist(dist: string, { headers: useHeaders = true } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const headersFile = path.join(dist, '_headers');
  const rules = useHeaders && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dist, urlPath);
    if (!file.startsWith(dist)) file = dist; // no escaping the root
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = path.join(dist, '404.html');
    }
    const headers = headersFor(rules, urlPath);
    res.writeHead(status, { 'Content-Type': contentTypeOf(file), ...Object.fromEntries(headers) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
