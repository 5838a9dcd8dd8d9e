// One browser with the extension and one fixture server per test file: started before its
// tests, stopped after them, whatever happened.
import { after, before } from 'node:test';
import { startFixtureServer } from './fixture-server.mjs';

/** Calls `ready(driver, server)` once both run; the caller keeps them in its own variables. */
export function withBrowser(launch, ready) {
  let driver;
  let server;
  before(async () => {
    server = await startFixtureServer();
    driver = await launch();
    ready(driver, server);
  });
  after(async () => {
    await driver?.close();
    await server?.close();
  });
}
