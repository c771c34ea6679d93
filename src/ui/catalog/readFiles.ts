// Turns what the user dropped or picked (files, or a folder of them) into plain `{ path, text }` records for the
// worker's drift scan. Paths are relative to the dropped or picked folder, `/`-separated, as the CLI gives
// them; only `.rs` files are read (the scan skips every other file without looking at its text).
import type { DriftSourceFile } from '../../core/drift/scan.ts';

/** Files read from one drop or pick: enough for a whole crate (harn-vm has a few hundred), bounded for a
 * dropped home directory. */
export const MAX_DROPPED_FILES = 5_000;

async function record(file: File, path: string): Promise<DriftSourceFile> {
  return { path, text: path.endsWith('.rs') ? await file.text() : '' };
}

// `src/a/b.rs` of a picked folder `src` → `a/b.rs`: the seed's rules apply below the folder given.
function belowRoot(path: string): string {
  const trimmed = path.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

/** Files from an `<input type=file>` (multiple files, or a folder with `webkitdirectory`). */
export async function filesFromList(list: FileList | readonly File[]): Promise<DriftSourceFile[]> {
  const files = [...list].slice(0, MAX_DROPPED_FILES);
  return Promise.all(files.map((file) => record(file, file.webkitRelativePath ? belowRoot(file.webkitRelativePath) : file.name)));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, inFolder: boolean, out: DriftSourceFile[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) {
    const path = inFolder ? belowRoot(entry.fullPath) : entry.name;
    out.push(await record(await entryFile(entry as FileSystemFileEntry), path));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until it returns none.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader))
    for (const child of batch) await walk(child, true, out);
}

/** Files from a drop: dropped folders are walked; plain files (or a browser without entries) read directly. */
export async function filesFromDrop(data: DataTransfer): Promise<DriftSourceFile[]> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() ?? null : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return filesFromList(data.files);
  const out: DriftSourceFile[] = [];
  for (const entry of entries) await walk(entry!, entry!.isDirectory, out);
  return out;
}
