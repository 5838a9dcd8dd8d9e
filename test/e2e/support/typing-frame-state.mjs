// The toolbar's typing frame as the test driver reaches it (it is an extension page inside the
// web page, out of the page's own reach): which frame it is, what its fields hold, where its
// focus is. Kept apart from the page's actions and looks so that both can read it.

/**
 * The toolbar's typing frame (an extension page, so only the test driver reaches it), or null.
 * Firefox's driver keeps the frame's first address, so it is found by its fields, not its URL.
 */
export async function typingFrame(page) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const fields = await frame
      .evaluate(() => document.querySelectorAll('#note, #tag').length)
      .catch(() => 0);
    if (fields === 2) return frame;
  }
  return null;
}

/** What the typing frame's fields hold and which has focus, or null without a frame. */
export async function typingFieldsState(page) {
  const frame = await typingFrame(page);
  if (!frame) return null;
  return frame
    .evaluate(() => ({
      note: document.getElementById('note')?.value,
      tag: document.getElementById('tag')?.value,
      focused: document.activeElement?.id ?? null,
      hasFocus: document.hasFocus(),
    }))
    .catch((error) => error.message);
}
