/**
 * A built site served as a CDN serves it to a phone, for bench/search-phone.ts: HTTP/2 over TLS
 * (a phone's browser fetches Pagefind's many chunks over one connection, not six at a time as
 * over HTTP/1.1), text gzipped, in front of the tests' static server (tests/helpers/static-server.ts,
 * which applies `_headers` and the 404 page). It counts what it sends: requests and bytes on the
 * wire, the web worker's included, which the page's own DevTools session does not see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { serveDist } from '../../tests/helpers/static-server.ts';

export interface Traffic {
  requests: number;
  bytes: number;
}

export interface CdnServer {
  url: string;
  /** Starts a new count: requests from now on are added to the returned tally. */
  count(): Traffic;
  close(): Promise<void>;
}

/** What a CDN compresses; Pagefind's own files (.pf_*, .pagefind) are gzipped already. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg\+xml)/;
/** Headers of a single HTTP/1.1 connection, which HTTP/2 forbids. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

/** A throwaway self-signed certificate for 127.0.0.1 (the browser is told to accept it). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat(['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function responseHeaders(upstream: IncomingHttpHeaders, gzip: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream)) if (value !== undefined && !HOP_BY_HOP.includes(name)) headers[name] = value;
  if (gzip) {
    headers['content-encoding'] = 'gzip';
    delete headers['content-length'];
  }
  return headers;
}

export async function serveLikeCdn(dist: string): Promise<CdnServer> {
  const origin = await serveDist(dist);
  const agent = new http.Agent({ keepAlive: true });
  let tally: Traffic = { requests: 0, bytes: 0 };
  const handle = (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const counted = tally;
    counted.requests++;
    const upstream = http.get(`${origin.url}${req.url}`, { agent }, (response) => {
      const gzip = COMPRESSIBLE.test(String(response.headers['content-type'])) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(response.statusCode ?? 502, responseHeaders(response.headers, gzip));
      const body = gzip ? response.pipe(createGzip()) : response;
      body.on('data', (chunk: Buffer) => (counted.bytes += chunk.length));
      body.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
  };
  const server = createSecureServer({ ...selfSignedCertificate(), allowHTTP1: true }, handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    count: () => (tally = { requests: 0, bytes: 0 }),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
      await origin.close();
    },
  };
}
