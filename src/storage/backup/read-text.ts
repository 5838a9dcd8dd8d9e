// Reads a file as text a chunk at a time, so a 100 MB backup never sits in memory whole.
export interface TextChunk {
  text: string;
  /** Bytes read so far, for progress. */
  bytes: number;
}

export async function* textChunks(source: Blob): AsyncGenerator<TextChunk> {
  const reader = source.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    yield { text: decoder.decode(value, { stream: true }), bytes };
  }
  const rest = decoder.decode();
  if (rest) yield { text: rest, bytes };
}
