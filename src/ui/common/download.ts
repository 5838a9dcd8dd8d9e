// Saving a file from an extension page without the downloads permission: a Blob URL on an
// <a download>, clicked and released. The Blob is built from parts, so a large export is never
// joined into one string first.
export function downloadParts(parts: readonly BlobPart[], fileName: string, type: string): Blob {
  const blob = new Blob([...parts], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken its own reference once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob;
}
