// Replicas as real child processes (`crm start`, Slack over HTTP) on loopback ports, sharing a
// fresh database on the machine's PostgreSQL, talking to the fake Slack Web API.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { slackSignature } from '../../src/bots/slack/verify.ts';
import { adminUrl } from '../support/engines.ts';
import { slashCommandBody } from '../support/slack-command.ts';

export const SECRET = 'fault-signing-secret';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `crm_f_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface Replica {
  port: number;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
  post(body: string): Promise<number>;
}

/** Starts `crm start` and resolves once its Slack door listens. */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/crm.js', 'start'], {
    cwd: new URL('../../', import.meta.url).pathname,
    env: { ...process.env, LOG_LEVEL: 'info', PORT: String(port), SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-fault', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      logs.push(...d.toString('utf8').split('\n').filter(Boolean));
      if (logs.some((l) => l.includes('"door":"scheduler"') && l.includes('started'))) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`replica exited (${code}) before it listened:\n${logs.join('\n')}`)));
  });
  return {
    port,
    child,
    logs,
    exited,
    async post(body: string) {
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SECRET, ts, body) },
        body,
      });
      await res.text();
      return res.status;
    },
  };
}

let trigger = 0;
/** A slash command as Slack sends it; the same body twice is one delivery sent twice. */
export function command(respondBase: string, user: string, cmd: string, text: string) {
  const id = `${process.pid}-${++trigger}`;
  const body = slashCommandBody({ user, command: cmd, text, responseUrl: `${respondBase}/respond/cmd-${id}`, triggerId: `${id}.1.abc` });
  return { body, responseUrl: `/respond/cmd-${id}` };
}

/** Polls until the condition holds (no fixed sleeps); throws with `what` after `ms`. */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
