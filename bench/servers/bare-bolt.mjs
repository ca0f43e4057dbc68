// Baseline for the Slack scenarios: a bare @slack/bolt App on its own HTTPReceiver whose /log
// listener acks and answers at response_url, nothing else. Plain JS so no loader sits in its figures.
import bolt from '@slack/bolt';

const { App, LogLevel } = bolt;
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: process.env.SLACK_BOT_TOKEN,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack, respond }) => {
  await ack();
  await respond({ text: 'Logged.', response_type: 'ephemeral' });
});
await app.start(Number(process.env.PORT));
process.stdout.write('ready\n');
process.once('SIGTERM', () => app.stop().then(() => process.exit(0)));
