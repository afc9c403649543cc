/**
 * Handing a file the owner dropped or picked over to the back end. Inside Electron the main process
 * can read the file itself, so only its path crosses the bridge (a 50 MB export is not copied through
 * IPC); in a browser there is no path, so the bytes travel as base64.
 */

/** What `import:stage` needs to find a file: its name plus either a path or the bytes. */
export type FileSource = { fileName: string; path: string } | { fileName: string; dataBase64: string };

/** Largest file read into memory in browser mode (bigger exports go through the desktop app). */
export const MAX_BROWSER_FILE_BYTES = 200 * 1024 * 1024;

/** The file's bytes as base64, without the `data:…;base64,` prefix a data URL would add. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('The file could not be read. Is it still where it was?'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.readAsDataURL(file);
  });
}

/** Where the file lives on disk, when the desktop app's preload can tell; null in a browser. */
export function pathOfFile(file: File): string | null {
  const path = window.regulars?.pathForFile?.(file);
  return typeof path === 'string' && path !== '' ? path : null;
}

export async function fileSource(file: File): Promise<FileSource> {
  const path = pathOfFile(file);
  if (path) return { fileName: file.name, path };
  if (file.size > MAX_BROWSER_FILE_BYTES) {
    throw new Error(`${file.name} is too big to open in the browser (over 200 MB). Open it in the Regulars app instead.`);
  }
  return { fileName: file.name, dataBase64: await readFileAsBase64(file) };
}

/** True when a drag carries files (not text or a link dragged from another window). */
export function dragHasFiles(types: readonly string[] | DOMStringList | null | undefined): boolean {
  if (!types) return false;
  return Array.from(types as ArrayLike<string>).includes('Files');
}
