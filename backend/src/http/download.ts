// Files for download (CSV, xlsx, PDF): the content type, a file name, and no caching of personal-level data.
import type { Context } from 'hono';

export const CSV_TYPE = 'text/csv; charset=utf-8';

export function download(c: Context, body: string | Uint8Array, type: string, filename: string): Response {
  return c.body(body as string, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}

/** `?format=` wins; else `Accept: text/csv` asks for CSV; else JSON. */
export function requestedFormat<F extends string>(c: Context, format: F | undefined): F | 'json' | 'csv' {
  if (format) return format;
  return (c.req.header('accept') ?? '').includes('text/csv') ? 'csv' : 'json';
}
