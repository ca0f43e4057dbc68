// The console as a newcomer scripts it: the real `crm console` on an empty data folder, commands on
// stdin, buttons pressed by number, two people taking turns.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'crm-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs a scripted session in English and Chinese with buttons and a second person', () => {
  const script = [
    '/customer add Acme Robotics tier:A industry:manufacturing source:expo phone:+1-415-555-0100',
    '/log Acme call: walked through pricing, they want a demo. next: send proposal Friday 3pm',
    '/tasks',
    '1',
    '/crm role Mei manager',
    ':as Mei',
    '/crm whoami',
    ':as Dana Reyes',
    '/crm role Mei manager',
    '/quote new Acme 10 x "Pro license" @ 1200, 2 x Onboarding @ 3000 discount 12%',
    '1',
    ':as Mei',
    '1',
    '/tasks',
    ':as 李雷 zh-CN',
    '/customer add 华为技术 等级:A 行业:通信 来源:展会',
    '/log 华为 电话：沟通了报价，客户有些犹豫。下一步：下周三下午3点回访',
    '/nonsense',
  ].join('\n');
  const out = spawnSync(process.execPath, ['bin/crm.js', 'console', '--as', 'Dana Reyes', '--tz', 'Asia/Shanghai'], {
    cwd: root,
    input: script + '\n',
    encoding: 'utf8',
    env: { ...process.env, CRM_DATA_DIR: dir, CRM_ADMINS: 'console:Dana Reyes', CRM_DEFAULT_TZ: 'Asia/Shanghai', LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  expect(out.status, out.stderr).toBe(0);
  const t = out.stdout;
  expect(t).toMatch(/Customer created: Acme Robotics\nCode CUS\d{11}\./);
  // The console runs on the real clock: the date moves, the weekday and the time must not.
  expect(t).toMatch(/Next step: send proposal — due Fri, [A-Z][a-z]{2} \d{1,2}, 3:00 PM\./);
  expect(t).toMatch(/#1 send proposal · Acme Robotics .*\[1\] Done/);
  expect(t).toContain('“send proposal” is done.');
  expect(t).toMatch(/Mei is now manager|Mei .* manager/);
  expect(t).toContain('Quote #1 submitted');
  // The approval card reaches Mei in the same console, with the decision buttons.
  expect(t).toMatch(/── message #\d+ for Mei ──\nApproval needed: quote #1 from Dana Reyes[\s\S]*\[\d+\] Approve\s+\[\d+\] Reject/);
  // Acting as Mei makes that card's buttons live: [1] approves, the card then reads as decided.
  expect(t).toContain('(now acting as Mei; the buttons of message #');
  expect(t).toMatch(/Mei> 1\n\n── message #\d+ for Mei now reads: Quote #1 approved — Approved by Mei/);
  expect(t).toMatch(/── message #\d+ for Dana Reyes ──\n✓ Quote #1 approved/);
  expect(t).toMatch(/记录成功|已记录|华为技术/);
  expect(t).toMatch(/李雷> \/nonsense\n[\s\S]*[\u4e00-\u9fff]/);
}, 90_000);

it('crm start with no chat credentials opens the console as the first admin and says how to connect', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|FEISHU)_/.test(k)));
  const out = spawnSync(process.execPath, ['bin/crm.js', 'start'], {
    cwd: root,
    input: '/crm whoami\n',
    encoding: 'utf8',
    env: { ...env, CRM_DATA_DIR: path.join(dir, 'start'), CRM_ADMINS: 'slack:U1,console:Dana Reyes', LOG_LEVEL: 'warn' },
    timeout: 60_000,
  });
  expect(out.status, out.stderr).toBe(0);
  expect(out.stdout).toContain('Dana Reyes> /crm whoami');
  expect(out.stdout).toMatch(/admin in /);
  expect(out.stderr).toContain('SLACK_BOT_TOKEN');
  expect(out.stderr).toContain('FEISHU_APP_ID');
}, 60_000);
