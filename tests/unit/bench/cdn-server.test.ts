/** The phone bench's server: HTTP/2, text gzipped, every request and byte it sends counted. */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:http2';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLikeCdn, type CdnServer } from '../../../bench/lib/cdn-server.ts';
import { tempDir } from '../../helpers/temp-dirs.ts';

const SCRIPT = 'console.log("一起惠");\n'.repeat(500);
const CHUNK = randomBytes(5000);

describe('serveLikeCdn', () => {
  let server: CdnServer;
  beforeAll(async () => {
    const dist = await tempDir('cdn');
    await writeFile(path.join(dist, 'app.js'), SCRIPT);
    await writeFile(path.join(dist, 'chunk.pf_index'), CHUNK);
    await writeFile(path.join(dist, '404.html'), '<h1>404</h1>');
    server = await serveLikeCdn(dist);
  });
  afterAll(() => server.close());

  async function get(file: string) {
    const session = connect(server.url, { rejectUnauthorized: false });
    try {
      const request = session.request({ ':path': file, 'accept-encoding': 'gzip, br' });
      const chunks: Buffer[] = [];
      const headers = await new Promise<Record<string, unknown>>((resolve) => request.on('response', resolve));
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return { protocol: session.alpnProtocol, headers, body: Buffer.concat(chunks) };
    } finally {
      session.close();
    }
  }

  it('speaks HTTP/2, gzips text and counts the bytes it sent, not the file sizes', async () => {
    const traffic = server.count();
    const script = await get('/app.js');
    const chunk = await get('/chunk.pf_index');
    const missing = await get('/nothing/here');
    expect(script.protocol).toBe('h2');
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(script.body).toString()).toBe(SCRIPT);
    expect(chunk.headers['content-encoding']).toBeUndefined();
    expect(chunk.body.equals(CHUNK)).toBe(true);
    expect(missing.headers[':status']).toBe(404);
    expect(traffic).toEqual({ requests: 3, bytes: script.body.length + CHUNK.length + missing.body.length });
    expect(script.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
  });

  it('adds later requests to a new count only', async () => {
    const before = server.count();
    await get('/chunk.pf_index');
    const after = server.count();
    await get('/chunk.pf_index');
    await get('/chunk.pf_index');
    expect(before).toEqual({ requests: 1, bytes: CHUNK.length });
    expect(after).toEqual({ requests: 2, bytes: 2 * CHUNK.length });
  });
});
