// Serves the fixture pages on loopback only, on a free port; tests stop it when they end.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { FIXTURES } from './paths.mjs';

/** Pages can also be given inline, with headers, for scenarios that change a page between visits. */
export async function startFixtureServer() {
  const overrides = new Map();
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const inline = overrides.get(pathname);
    try {
      const body = inline?.html ?? (await readFile(path.join(FIXTURES, path.basename(pathname))));
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...inline?.headers,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    setPage: (name, html, headers = {}) => overrides.set(`/${name}`, { html, headers }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
