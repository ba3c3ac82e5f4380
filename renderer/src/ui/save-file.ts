// Files the core hands over (exports, backups, attachments) saved through the
// browser's download, which Electron turns into a save dialog.

/** Bytes from the base64 the contract carries files in. */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveFile(fileName: string, mediaType: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later: the download may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens bytes in a new browser tab (a PDF in the browser's own viewer); null when the browser refused the tab. */
export function openInNewTab(mediaType: string, bytes: Uint8Array<ArrayBuffer>): Window | null {
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const opened = window.open(url, '_blank');
  // The new tab holds nothing of ours but the file.
  if (opened) opened.opener = null;
  // Revoked later: the tab may still be reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return opened;
}
