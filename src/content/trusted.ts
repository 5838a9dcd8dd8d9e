// The page is hostile: it can dispatch any event it likes, and such events reach the content
// script's listeners like real ones. Only the browser's own events (`isTrusted`) stand for
// something the reader did, so every listener that acts on the reader's behalf is wrapped here.

export const trusted =
  <E extends Event>(listener: (event: E) => void) =>
  (event: E): void => {
    if (event.isTrusted) listener(event);
  };
