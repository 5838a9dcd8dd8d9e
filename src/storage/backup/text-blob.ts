// An export's text handed to a Blob as it is written: the page then holds at most one batch of
// text as strings, the browser keeps the rest, and turning text into bytes happens while the
// next batch is still being read rather than all at the end.

/** Text shorter than this waits for more, so a file is not made of thousands of tiny Blobs. */
const MIN_PART_CHARS = 256 * 1024;

export interface BlobWriter {
  write: (text: string) => void;
  /** The whole file; the writer must not be used after. */
  finish: () => Blob;
}

export function blobWriter(type: string): BlobWriter {
  const blobs: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    blobs.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  return {
    write: (text) => {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= MIN_PART_CHARS) flush();
    },
    finish: () => {
      flush();
      return new Blob(blobs, { type });
    },
  };
}
