// A browser started for a test file is stopped whatever happens next. When the rest of a
// driver's start failed (the extension slow to load on a loaded machine), the browser left
// running kept the test file's process alive, and the whole run waited on it for good.

/** The driver `finish` makes of a browser just started; if that fails, `stop` runs first. */
export async function finishOrStop(stop, finish) {
  try {
    return await finish();
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
