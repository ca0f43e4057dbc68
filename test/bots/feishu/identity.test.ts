// The bot's own open_id, read at start through the real SDK client from the fake's documented
// GET /open-apis/bot/v3/info; when it cannot be read the door says why, without the app secret.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as lark from '@larksuiteoapi/node-sdk';
import { botIdentity } from '../../../src/bots/feishu/identity.ts';
import { feishuClient } from '../../../src/bots/feishu/sender.ts';
import { FakeFeishu } from '../../support/fake-feishu.ts';

const SECRET = 'identity-app-secret';
let fake: FakeFeishu;
beforeAll(async () => {
  fake = new FakeFeishu();
  await fake.start();
});
afterAll(() => fake?.stop());

it('reads the bot open_id and name', async () => {
  fake.bot = { open_id: 'ou_the_bot', app_name: '销售助手' };
  expect(await botIdentity(feishuClient('cli_identity_ok', SECRET, fake.url))).toEqual({ openId: 'ou_the_bot', name: '销售助手' });
});

it('a failing token fetch is a start error naming the call, not the secret', async () => {
  (lark.internalCache as unknown as { values: Map<unknown, unknown> }).values.clear();
  fake.failToken = 400;
  const err = (await botIdentity(feishuClient('cli_identity_bad', SECRET, fake.url)).catch((e: unknown) => e)) as Error;
  fake.failToken = undefined;
  expect(err).toBeInstanceOf(Error);
  expect(err.message).toContain('/open-apis/bot/v3/info');
  expect(err.message).not.toContain(SECRET);
});
