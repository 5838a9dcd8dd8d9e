// Stops the extension's background as the browser may at any time, and resolves once the
// browser reports it stopped: Chromium's service workers through the DevTools protocol from an
// extension page (which sees the extension's worker), Firefox's event page through its driver.
import { waitFor } from './page-actions.mjs';

/** Stops every service worker of `driver`'s browser; `page` is an open extension page. */
export async function stopServiceWorkers(driver, page) {
  const cdp = await driver.context.newCDPSession(page);
  let stopped = false;
  try {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await waitFor(() => stopped, { what: 'the service worker to stop' });
  } finally {
    await cdp.detach();
  }
}

/** Stops the background of `driver`'s extension, a service worker or an event page. */
export async function stopBackground(driver, page) {
  if (driver.stopBackground) await driver.stopBackground();
  else await stopServiceWorkers(driver, page);
}
