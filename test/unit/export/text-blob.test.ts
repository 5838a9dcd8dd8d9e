// The Blob an export fills as it goes must hold exactly the text written, in order, whether the
// pieces are tiny or bigger than one part.
import { describe, expect, it } from 'vitest';
import { blobWriter } from '../../../src/storage/backup/text-blob';

describe('blobWriter', () => {
  it('keeps every piece in order across part boundaries', async () => {
    const writer = blobWriter('text/markdown');
    const pieces = Array.from({ length: 40 }, (_, i) => `${i}:${'é—x'.repeat(i * 1500)}\n`);
    for (const piece of pieces) writer.write(piece);
    const blob = writer.finish();
    expect(blob.type).toBe('text/markdown');
    expect(await blob.text()).toBe(pieces.join(''));
  });

  it('makes an empty file when nothing was written', async () => {
    expect(await blobWriter('application/json').finish().text()).toBe('');
  });
});
