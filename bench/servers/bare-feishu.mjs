// Baseline for the Feishu scenario: the SDK's own EventDispatcher behind lark.adaptDefault, which
// decrypts and checks the event, then only answers. Plain JS so no loader sits in its figures.
import { createServer } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';

const dispatcher = new lark.EventDispatcher({
  verificationToken: process.env.FEISHU_VERIFICATION_TOKEN,
  encryptKey: process.env.FEISHU_ENCRYPT_KEY,
  loggerLevel: lark.LoggerLevel.error,
}).register({ 'im.message.receive_v1': async () => undefined });
const server = createServer(lark.adaptDefault('/feishu/events', dispatcher, { autoChallenge: true }));
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
