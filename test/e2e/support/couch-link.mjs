// One device's line to the sync server: a proxy on loopback in front of it that the test
// controls. Cut, every request fails as if the network were down, so two devices edit "while
// apart" however late their own scheduled runs ring; whole again, everything passes through
// unchanged. `holdNext` stops one request the test picks on its way to the server, so a test can
// stop a service worker at a known point of a sync run, then let the request reach the server
// after the worker that sent it is gone (an answer lost on the way back). It keeps its latest
// requests, for a failed test to say what the device asked and what became of it.
import http from 'node:http';

/** The whole body of an incoming request; rejects if the sender went away before its end. */
const bodyOf = (request) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('close', () => {
      if (!request.complete) reject(new Error('the sender went away mid-request'));
    });
    request.on('error', reject);
  });

/**
 * Sends a request on to `target`; pipes the answer to `response` while it is still wanted.
 * Resolves once the server has answered in full.
 */
function forward(target, { method, url, headers }, body, response) {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${target}${url}`,
      { method, headers: { ...headers, host: new URL(target).host } },
      (answer) => {
        if (!response.destroyed) response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk) => {
          if (!response.destroyed) response.write(chunk);
        });
        answer.on('end', () => {
          if (!response.destroyed) response.end();
          resolve();
        });
        answer.on('error', reject);
      },
    );
    outgoing.on('error', (error) => {
      response.destroy();
      reject(error);
    });
    outgoing.end(body);
  });
}

/**
 * Starts a line to `target` (a server address without a trailing slash), cut until `connect()`.
 * Returns its `url`, `connect()`, `cut()`, `holdNext(method, pathPattern, nth)` and `close()`.
 */
export async function startLink(target) {
  let up = false;
  let hold = null;
  const sockets = new Set();

  const started = Date.now();
  /** The latest requests and what became of them, for a failure's message. */
  const log = [];
  const note = (request) => {
    const entry = { at: Date.now() - started, what: `${request.method} ${request.url}`, end: '…' };
    log.push(entry);
    if (log.length > 12) log.shift();
    return (end) => (entry.end = `${end} after ${Date.now() - started - entry.at} ms`);
  };

  const server = http.createServer(async (request, response) => {
    const ended = note(request);
    if (!up) {
      ended('refused: the line is cut');
      request.socket.destroy();
      return;
    }
    let body;
    try {
      body = await bodyOf(request);
    } catch {
      // Half a request must not reach the server.
      request.socket.destroy();
      return;
    }
    const held = hold?.matches(request) ? hold : null;
    if (held) {
      hold = null;
      if ((await held.stop(request, response)) === 'drop') {
        request.socket.destroy();
        return;
      }
    }
    try {
      await forward(target, request, body, response);
      ended(`answered ${response.statusCode}`);
      held?.delivered();
    } catch (error) {
      ended(`failed: ${error.message}`);
      held?.failed(error);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    connect() {
      up = true;
    },
    /** Drops every open connection too: a request under way fails as a lost network would. */
    cut() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    /**
     * Holds the `nth` request from now whose method is `method` and whose path matches
     * `pathPattern`. `arrived` resolves to its path once it is held; `senderGone` once the client
     * that sent it has dropped the connection; `release()` lets it go on to the server and
     * resolves once the server has answered it (whether or not anyone still listens); `drop()`
     * ends it without the server ever seeing it.
     */
    holdNext(method, pathPattern, nth = 1) {
      let seen = 0;
      let arrived;
      let senderGone;
      let letGo;
      let done;
      const gate = new Promise((resolve) => (letGo = resolve));
      const answered = new Promise((resolve, reject) => (done = { resolve, reject }));
      const control = {
        arrived: new Promise((resolve) => (arrived = resolve)),
        senderGone: new Promise((resolve) => (senderGone = resolve)),
        release() {
          letGo('deliver');
          return answered;
        },
        drop() {
          letGo('drop');
        },
      };
      hold = {
        matches(request) {
          if (request.method !== method || !pathPattern.test(request.url)) return false;
          seen += 1;
          return seen === nth;
        },
        async stop(request, response) {
          response.on('close', () => senderGone());
          arrived(request.url);
          return gate;
        },
        delivered: () => done.resolve(),
        failed: (error) => done.reject(error),
      };
      return control;
    },
    /** The latest requests, one line each: when (ms since start), what, and how it ended. */
    recent: () => log.map(({ at, what, end }) => `${at} ms ${what.slice(0, 80)}: ${end}`),
    async close() {
      up = false;
      hold = null;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
