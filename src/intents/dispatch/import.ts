// Customer files: a file a door handed over (or CSV pasted after `/customer import`) is read and
// planned, and the dry run comes back with Import / Cancel; the buttons run or drop that plan.
import { cancelImport, previewImport, runImport } from '../../domain/customers/import/index.ts';
import { dryRunReply, importDoneReply } from '../render/import.ts';
import { say, type Dispatch } from './turn.ts';

export const dispatchImportFile: Dispatch<'customer.import.file'> = async (turn, intent) => {
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
