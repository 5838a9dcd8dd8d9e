// Calls into Chromium's extension service worker that always answer. Chromium stops an idle
// worker (30 s without events, or sooner on a busy machine) and Playwright keeps its Worker as
// if nothing happened: a call sent to the stopped worker, or in the moment it stops, never
// answers, and a wait built on it runs into the test's timeout. So the browser's own reports of
// the worker's state are followed, a stopped worker is started before a call, and a call that
// the worker stopped under is sent again to the started one.

/** A call the worker stopped under this many times in a row is a fault, not bad luck. */
const MAX_TRIES = 5;

/**
 * `context` is a Playwright persistent context, `scope` the extension's origin URL with its
 * trailing slash, `worker` Playwright's Worker for it (the same object across restarts).
 */
export function workerCalls(context, scope, worker) {
  let session = null;
  let running = false;
  const onStop = new Set();

  function noteVersions({ versions }) {
    const ours = versions.filter((v) => v.scriptURL.startsWith(scope));
    if (ours.length === 0) return;
    running = ours.some((v) => v.runningStatus === 'running');
    if (!running) for (const stop of onStop) stop();
  }

  /** A DevTools session that follows the worker's state; it lives as long as its tab. */
  async function watch() {
    if (session) return session;
    const page = context.pages().find((p) => !p.isClosed()) ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', noteVersions);
    page.once('close', () => {
      if (session !== cdp) return;
      session = null;
      running = false;
    });
    await cdp.send('ServiceWorker.enable');
    session = cdp;
    return cdp;
  }

  /** Starts the worker unless the browser last reported it running (a no-op if it runs). */
  async function started() {
    const cdp = await watch();
    if (!running) await cdp.send('ServiceWorker.startWorker', { scopeURL: scope });
  }

  /** Resolves with null if the browser reports the worker stopped before `call` answers. */
  function unlessStopped(call) {
    let stop;
    const stopped = new Promise((resolve) => {
      stop = () => resolve(null);
      onStop.add(stop);
    });
    return Promise.race([call.then((value) => ({ value })), stopped]).finally(() =>
      onStop.delete(stop),
    );
  }

  return async function evaluate(fn, arg) {
    for (let tries = 0; tries < MAX_TRIES; tries += 1) {
      await started();
      const answer = await unlessStopped(worker.evaluate(fn, arg));
      if (answer) return answer.value;
    }
    throw new Error(`the service worker stopped under ${MAX_TRIES} calls in a row`);
  };
}
