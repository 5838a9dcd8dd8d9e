// Reads every stored highlight straight from the extension's database through one of its pages,
// so it works while the background worker is stopped (the churn and data-safety tests stop it).
export const storedHighlights = (reader) =>
  reader.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('trailmark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('highlights').objectStore('highlights').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
