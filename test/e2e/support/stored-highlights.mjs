// Reads stored records straight from the extension's database through one of its pages, so it
// works while the background worker is stopped (the churn and data-safety tests stop it, and
// Chromium stops an idle one after 30 s: a call into a worker that stops under it never answers).
export const storedRecords = (reader, table) =>
  reader.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('trailmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
    table,
  );

export const storedHighlights = (reader) => storedRecords(reader, 'highlights');

/** The highlights the background has saved for the page at `url`, through a test hook. */
export async function savedHighlightsOf(driver, url) {
  const { pages, highlights } = await driver.backgroundCall('snapshot');
  const pageId = pages.find((p) => p.url === url)?.id;
  return highlights.filter((h) => h.pageId === pageId);
}
