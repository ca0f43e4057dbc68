import bolt from '@slack/bolt';
export default async () => { (globalThis as any).keepBolt = new bolt.App({ signingSecret: 'x', token: 'xoxb', tokenVerificationEnabled: false, botId: 'B', botUserId: 'U' } as any); };
