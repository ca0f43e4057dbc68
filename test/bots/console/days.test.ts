// A Chinese rep's day and an English rep's day in the real console, on fresh data folders: customers
// named the way people say them, channels read from the sentence, choices asked with buttons, and
// every line of the answers in the reader's language.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'crm-days-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function day(folder: string, args: string[], lines: string[], env: Record<string, string>) {
  const out = spawnSync(process.execPath, ['bin/crm.js', 'console', ...args], {
    cwd: root,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, CRM_DATA_DIR: path.join(dir, folder), LOG_LEVEL: 'warn', ...env },
    // A day is a few dozen commands on PGlite; on a busy 2-core machine that takes minutes, not a hang.
    timeout: 300_000,
  });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout;
}

/** The answers only: what the person typed is echoed after `name> ` and is theirs. */
const answers = (t: string) => t.split('\n').filter((l) => !/^\S[^>]*> /.test(l));

it("runs a Chinese rep's day in Chinese", () => {
  const t = day('zh', ['--as', '李娜', '--locale', 'zh-CN', '--tz', 'Asia/Shanghai'], [
    '/客户 新建 深圳市腾飞科技有限公司 等级:A 行业:电子 联系人:王总 电话:138-0013-8000',
    '/客户 新建 杭州阿里云计算有限公司 等级:B 联系人:张伟',
    '/客户 新建 腾飞物流有限公司',
    '/客户 查找 138-0013',
    '/客户 查找 张伟',
    '/跟进 阿里 拜访：聊了续约，客户比较满意。下一步：下周一上午10点发合同',
    '/记录 腾飞 微信：发了报价',
    '1',
    '/记录 腾飞科技 给采购打了电话，对方要样品',
    '/记录 云计算 电话：确认了到货时间',
    '1',
    '/报价 新建 阿里 2 x 服务器 @ 3万',
    '/crm 帮助',
    ':as 张主管 zh-CN',
    '/crm 我是谁',
    '9',
  ], { CRM_DEFAULT_LOCALE: 'zh-CN', CRM_DEFAULT_TEAM: '华南销售部', CRM_DEFAULT_TZ: 'Asia/Shanghai' });
  // Contacts' phones and names find their customer.
  expect(t).toMatch(/李娜> \/客户 查找 138-0013\n匹配「138-0013」的客户\n {2}• 深圳市腾飞科技有限公司/);
  expect(t).toMatch(/李娜> \/客户 查找 张伟\n匹配「张伟」的客户\n {2}• 杭州阿里云计算有限公司/);
  // 阿里 is 杭州阿里云计算有限公司; the next step's date leaves the task title.
  expect(t).toMatch(/✓ 已记录：杭州阿里云计算有限公司\n已记录与杭州阿里云计算有限公司的拜访沟通。\n下一步：发合同，截止时间 \d+月\d+日周一 10:00。/);
  // Two customers are 腾飞: asked with buttons, and the click logs the WeChat message.
  expect(t).toMatch(/! 是哪个客户？\n「腾飞」对应 2 个客户，选一个即可记下这次沟通。\n\[1\] .+（CUS\d{11}）  \[2\] .+（CUS\d{11}）/);
  expect(t).toMatch(/李娜> 1\n✓ 已记录：(深圳市腾飞科技有限公司|腾飞物流有限公司)\n已记录与\1的微信沟通。/);
  // No channel word: 打了电话 in the sentence makes it a call.
  expect(t).toContain('已记录与深圳市腾飞科技有限公司的电话沟通。');
  // A part of a known name is never offered for creation; its button logs the call.
  expect(t).toMatch(/没有匹配「云计算」的客户。\n\[1\] 杭州阿里云计算有限公司（CUS\d{11}）\n/);
  expect(t).toMatch(/李娜> 1\n✓ 已记录：杭州阿里云计算有限公司\n已记录与杭州阿里云计算有限公司的电话沟通。/);
  expect(t).not.toContain('新建「云计算」');
  // 3万 in the team's currency.
  expect(t).toContain('合计 ¥60,000.00（1 行，折扣 0%）');
  expect(t).toMatch(/状态 +草稿/);
  expect(t).toContain('[1] 帮助：客户  [2] 帮助：记录沟通');
  expect(t).toContain('（当前身份：张主管）');
  expect(t).toContain('（上一条回复没有按钮）');
  expect(t).toContain('时区：Asia/Shanghai；语言：中文。');
  // Not one English word in the answers beyond codes, commands and product names.
  for (const line of answers(t)) {
    const latin = line.replace(/`[^`]*`/g, '').replace(/CUS\d+|Asia\/Shanghai|\/crm|crm|console/g, '').match(/[A-Za-z]{2,}/g);
    expect(latin, line).toBeNull();
  }
}, 330_000);

it("runs an English rep's day in English", () => {
  const t = day('en', ['--as', 'Dana Reyes', '--tz', 'America/New_York'], [
    '/customer add Acme Robotics tier:A contact:"Ann Lee" phone:+1-415-555-0100',
    '/customer add Acme Foods',
    '/customer find 415-555',
    '/customer find Ann Lee',
    '/log Acme called Ann about pricing, she wants a demo',
    '2',
    '/log Acme Robotics emailed the deck. next: send proposal Friday 3pm',
    '/log Acmee call: quick check-in',
    '/quote new Acme Robotics 10 x Pro @ 1200',
    '/crm help',
    '/crm whoami',
    ':as Mei',
    '/quote approve 1',
  ], { CRM_ADMINS: 'console:Dana Reyes', CRM_DEFAULT_TZ: 'America/New_York' });
  expect(t).toMatch(/Customers matching “415-555”\n {2}• Acme Robotics/);
  expect(t).toMatch(/Customers matching “Ann Lee”\n {2}• Acme Robotics/);
  expect(t).toMatch(/! Which customer\?\n“Acme” fits 2 customers\. Pick one and the interaction is logged for it\.\n\[1\] Acme Foods \(CUS\d{11}\) {2}\[2\] Acme Robotics \(CUS\d{11}\)/);
  expect(t).toMatch(/Dana Reyes> 2\n✓ Logged: Acme Robotics\nA call with Acme Robotics\.\n {2}Summary {2}called Ann about pricing, she wants a demo/);
  expect(t).toMatch(/An email with Acme Robotics\.\nNext step: send proposal — due Fri, [A-Z][a-z]{2} \d{1,2}, 3:00 PM\./);
  // A misspelling is offered the near names (each logs the call) and, as nothing contains it, creation.
  expect(t).toMatch(/No customer matches “Acmee”\.\n\[1\] Acme Foods \(CUS\d{11}\) {2}\[2\] Acme Robotics \(CUS\d{11}\) {2}\[3\] Create “Acmee”/);
  expect(t).toContain('Total $12,000.00 (1 line, discount 0%).');
  expect(t).toMatch(/ Status +draft/);
  expect(t).toContain('[1] Help: customers  [2] Help: logging');
  expect(t).toContain('You are an admin in Sales.');
  expect(t).toContain('(now acting as Mei)');
  expect(t).toContain('You are set up as a rep in Sales.');
  for (const line of answers(t)) expect(line, line).not.toMatch(/[\u3400-\u9fff]/);
}, 330_000);
