// The lead score's weights from chat, as the doors call the handler: a manager reads and changes
// them in English and in Chinese, a rep reads them only, and bad input changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/domain/db/database.ts';
import { createHandler } from '../../../src/intents/handler.ts';
import type { Reply } from '../../../src/intents/reply.ts';
import { silentLogger } from '../../../src/logger.ts';
import { describeEngines, freshDatabase } from '../../support/engines.ts';
import { TestClock } from '../../support/fixtures.ts';

const CONFIG = { CRM_ADMINS: 'slack:UADMIN', CRM_DEFAULT_TEAM: 'Sales', CRM_DEFAULT_TZ: 'Asia/Shanghai', CRM_DEFAULT_LOCALE: 'en' as const };

describeEngines('lead score weights in chat', (engine) => {
  let db: Database & { drop(): Promise<void> };
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  let handler: ReturnType<typeof createHandler>;
  let n = 0;
  const as = (user: string) => (text: string): Promise<Reply> =>
    handler({ door: 'slack', workspaceId: 'T1', externalUserId: user, channelId: `D${user}`, input: { kind: 'text', text }, deliveryKey: `w${++n}`, receivedAt: clock.now() });
  const field = (r: Reply, word: string) => r.fields?.find((f) => f.label.endsWith(`\`${word}\``))?.value;
  const stored = async () => (await db.prisma.team.findFirstOrThrow({ where: { name: 'Sales' } })).scoreSettings;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    handler = createHandler({ db, clock, log: silentLogger, config: CONFIG });
    await as('UADMIN')('/crm whoami');
    await as('ULI')('/crm language zh-CN');
    await as('URAY')('/crm whoami');
    await as('UADMIN')('/crm role slack:ULI manager');
  });
  afterAll(() => db?.drop());

  it('shows every weight with the word to type, and marks what differs from the default', async () => {
    const shown = await as('UADMIN')('/crm team weights');
    expect(shown.title).toBe('How the lead score counts');
    expect(shown.fields).toHaveLength(17);
    expect(field(shown, 'visit')).toBe('20');
    const changed = await as('UADMIN')('/crm team weights visit:25 email:2');
    expect(changed.tone).toBe('success');
    expect(field(changed, 'visit')).toBe('25 (default 20)');
    expect(field(changed, 'email')).toBe('2 (default 4)');
    expect((await as('UADMIN')('/crm team')).fields?.find((f) => f.label === 'Lead score weights')?.value).toMatch(/^2 changed/);
  });

  it('in Chinese for a Chinese-speaking manager, with Chinese words and colons', async () => {
    const changed = await as('ULI')('/crm 团队 评分权重 拜访：30 A级:20');
    expect(changed.title).toBe('团队设置已修改');
    expect(field(changed, '拜访')).toBe('30（默认 20）');
    expect(field(changed, 'A级')).toBe('20（默认 15）');
    expect(field(changed, '邮件')).toBe('2（默认 4）');
    expect(await stored()).toEqual({ channelDeep: 30, channelLight: 2, tierA: 20 });
  });

  it('refuses a rep and bad input in the reader’s language, writing nothing', async () => {
    const before = await stored();
    expect((await as('URAY')('/crm team weights visit:5')).tone).toBe('error');
    expect((await as('URAY')('/crm team weights')).notices).toContain('Managers change these with `/crm team weights visit:25 email:2`.');
    const tooMany = await as('ULI')('/crm 团队 评分权重 拜访:300');
    expect(tooMany.text).toContain('「拜访:300」不是有效的评分权重');
    const unknown = await as('UADMIN')('/crm team weights fly:3');
    expect(unknown.text).toContain('“fly:3” is not a valid lead score weight');
    expect(await stored()).toEqual(before);
  });
});
