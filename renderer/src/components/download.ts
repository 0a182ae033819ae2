// Offers a file the main process sent (browser host, where there is no native save dialog) as a download.
// Nothing is written by the app: the browser saves it where the user's downloads go.
export function downloadBase64(base64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
