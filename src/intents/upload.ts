// A file a person sends the bot in chat becomes the import intent. The bytes are fetched only for
// someone the domain lets import (a rep is refused without a download), only for the kinds of file
// the import reads, and never past the size cap: the door's download stops there.
import type { IntentOf } from './dispatch/turn.ts';
import type { Invocation } from './invocation.ts';

/** The largest upload fetched; a sheet of 20,000 customers as CSV is a few MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '10 MB';

/** What the import reads: CSV and its cousins (TSV, a .txt saved from Excel) and Excel workbooks. */
const ACCEPTED = /\.(csv|tsv|txt|xlsx|xls)$/i;

/** A door's download throws this when the platform sends more than the cap. */
export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

type FileInput = Extract<Invocation['input'], { kind: 'file' }>;
type FileIntent = IntentOf<'customer.import.file'>;

export function acceptedFileName(name: string): boolean {
  return ACCEPTED.test(name);
}

/**
 * The import intent for a file input. `mayImport` is the domain's rule for the asker: when it says
 * no, nothing is fetched and the dispatch's role check gives the refusal.
 */
export async function fileIntent(input: FileInput, mayImport: boolean): Promise<FileIntent> {
  const fileName = input.fileName.slice(0, 300) || 'file';
  const base = { kind: 'customer.import.file' as const, fileName, merge: false, bytes: new Uint8Array() };
  if ('bytes' in input) return { ...base, bytes: input.bytes };
  if (!mayImport) return base;
  if (!acceptedFileName(fileName)) return { ...base, problem: 'file_type' };
  if (input.size !== undefined && input.size > MAX_UPLOAD_BYTES) return { ...base, problem: 'too_large' };
  try {
    const bytes = await input.download(MAX_UPLOAD_BYTES);
    return bytes.length > MAX_UPLOAD_BYTES ? { ...base, problem: 'too_large' } : { ...base, bytes };
  } catch (err) {
    return { ...base, problem: err instanceof FileTooLarge ? 'too_large' : 'download' };
  }
}
