// No Docker engine runs on the project's machines, so the image is checked structurally here: a
// multi-stage build on Node 22 LTS that runs as a non-root user with a health check, a compose file
// with PostgreSQL and two replicas behind one port, and an .env.example that lists every variable.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const froms = lines.filter((l) => /^FROM\s/i.test(l));
  const finalStage = lines.slice(lines.indexOf(froms.at(-1)!));

  it('is multi-stage, every stage on a pinned Node 22 image', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const f of froms) expect(f).toMatch(/^FROM node:22(\.\d+)*-[a-z]+-slim\b/);
  });

  it('runs as a non-root user, with a health check and an exec-form CMD', () => {
    const user = finalStage.filter((l) => /^USER\s/.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)\b/);
    expect(finalStage.some((l) => /^HEALTHCHECK\s/.test(l))).toBe(true);
    expect(finalStage.find((l) => /^CMD\s/.test(l))).toMatch(/^CMD \[".*"\]$/);
  });

  it('installs exactly the lockfile, production only, and copies only what exists', () => {
    expect(text).toMatch(/npm ci --omit=dev/);
    expect(text).not.toMatch(/^ADD\s/m);
    for (const m of text.matchAll(/^COPY (?!--from)(?:--\S+\s+)*(.+)\s+\S+$/gm)) for (const src of m[1]!.split(/\s+/)) expect(existsSync(new URL(`../../${src}`, import.meta.url)), src).toBe(true);
  });

  it('.dockerignore keeps secrets, local data and node_modules out of the build context', () => {
    const ignore = read('.dockerignore').split('\n');
    for (const entry of ['.env', 'node_modules', 'data', '.git']) expect(ignore).toContain(entry);
  });
});

describe('compose.yaml', () => {
  const text = read('compose.yaml');
  it('runs PostgreSQL with a health check, two CRM replicas on it, and one published port', () => {
    expect(text).toMatch(/image: postgres:\d+/);
    expect(text).toMatch(/pg_isready/);
    expect(text).toMatch(/replicas: 2/);
    expect(text).toMatch(/DATABASE_URL: postgresql:\/\/\S+@db:5432\//);
    expect(text.match(/^\s+ports:/gm)?.length).toBe(1);
    expect(existsSync(new URL('../../deploy/nginx.conf', import.meta.url))).toBe(true);
  });
});

describe('.env.example', () => {
  it('lists every variable the configuration reads, and sets no secret', () => {
    const keys = [...read('src/config.ts').matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    const example = new Map(read('.env.example').split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => l.split('=') as [string, string]));
    expect(keys.length).toBeGreaterThan(15);
    for (const k of keys) expect(example.has(k!), k).toBe(true);
    for (const k of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'FEISHU_APP_SECRET', 'FEISHU_ENCRYPT_KEY', 'FEISHU_VERIFICATION_TOKEN']) expect(example.get(k), k).toBe('');
  });
});

it('the project carries a LICENSE', () => {
  expect(read('LICENSE')).toMatch(/^MIT License/);
});
