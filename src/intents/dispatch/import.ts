// Customer files: a file a door handed over (or CSV pasted after `/customer import`) is read and
// planned, and the dry run comes back with Import / Cancel; the buttons run or drop that plan.
// `/customer export` sends the team's sheet to the asker's direct messages as a file.
import { exportCustomers } from '../../domain/customers/export.ts';
import { cancelImport, previewImport, runImport } from '../../domain/customers/import/index.ts';
import { invalid } from '../../domain/errors.ts';
import { dryRunReply, exportReplies, importDoneReply } from '../render/import.ts';
import { MAX_UPLOAD_LABEL } from '../upload.ts';
import { say, type Dispatch } from './turn.ts';

const PROBLEMS = {
  too_large: () => invalid('import.too_large', { max: MAX_UPLOAD_LABEL }),
  file_type: (file: string) => invalid('import.file_type', { file }),
  download: (file: string) => invalid('import.download_failed', { file }),
} as const;

export const dispatchImportFile: Dispatch<'customer.import.file'> = async (turn, intent) => {
  if (intent.problem) throw PROBLEMS[intent.problem](intent.fileName);
  const preview = await previewImport(turn.ctx, { fileName: intent.fileName, bytes: intent.bytes });
  return dryRunReply(turn, preview);
};

export const dispatchImportPasted: Dispatch<'customer.import'> = async (turn, intent) => {
  const name = turn.locale === 'zh-CN' ? '粘贴的表格.csv' : 'pasted.csv';
  const preview = await previewImport(turn.ctx, { fileName: name, bytes: new TextEncoder().encode(intent.csv) });
  return dryRunReply(turn, preview);
};

export const dispatchImportRun: Dispatch<'customer.import.run'> = async (turn, intent) => {
  const r = await runImport(turn.ctx, intent.id, { merge: intent.merge });
  return importDoneReply(turn, r.fileName, r.result, r.again);
};

export const dispatchImportCancel: Dispatch<'customer.import.cancel'> = async (turn, intent) => {
  await cancelImport(turn.ctx, intent.id);
  return { tone: 'info', title: say(turn, 'title.import.cancelled'), text: say(turn, 'text.import.cancelled'), visibility: 'private', replaceOriginal: true };
};

// The file rides in the outbox with the answer, so a failed upload is retried and a retried
// command sends it once.
export const dispatchExport: Dispatch<'customer.export'> = async (turn, intent) => {
  const file = await exportCustomers(turn.ctx, intent.format);
  return exportReplies(turn, file);
};
