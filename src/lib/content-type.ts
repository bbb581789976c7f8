import { lookup } from 'mrmime';

/** The Content-Type a static file is served with (text in UTF-8, as the CDN is set up to send it). */
export function contentTypeOf(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return type.startsWith('text/') ? `${type}; charset=utf-8` : type;
}
