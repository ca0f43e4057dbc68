// The console's answer to an export: the file is written into the console's folder (never over a
// file already there) and the message says where it went, in the reader's language.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consoleSender } from '../../../src/bots/console/sender.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crm-console-files-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('saves a file handed to a console person and says where, keeping an earlier file of the same name', async () => {
  const out: string[] = [];
  const sender = consoleSender((t) => out.push(t), undefined, { fileDir: dir });
  const reply = (bytes: string) => ({ tone: 'info' as const, title: '客户导出：客户信息总表.csv', text: '共 1 个客户', files: [{ fileName: '客户信息总表.csv', bytes: new TextEncoder().encode(bytes) }], visibility: 'private' as const });
  await sender.sendToUser({ workspaceId: '', externalUserId: '周总' }, reply('first'));
  await sender.sendToUser({ workspaceId: '', externalUserId: '周总' }, reply('second'));
  const first = path.join(dir, '客户信息总表.csv');
  const second = path.join(dir, '客户信息总表-2.csv');
  expect(readFileSync(first, 'utf8')).toBe('first');
  expect(readFileSync(second, 'utf8')).toBe('second');
  expect(out.join('')).toContain(`[文件已保存：${first}]`);
  expect(out.join('')).toContain(`[文件已保存：${second}]`);
  expect(existsSync(path.join(dir, '客户信息总表-3.csv'))).toBe(false);
});
