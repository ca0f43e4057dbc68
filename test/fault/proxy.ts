// A TCP forwarder on loopback between a replica and PostgreSQL that can be frozen: while frozen it
// reads nothing from either side and holds new connections unanswered, as a database host that
// stops answering (a hung server, a network partition) looks to the client. Thawed, the bytes that
// waited flow again, so the client sees its statements answered late rather than refused.
import { createServer, connect, type Server, type Socket } from 'node:net';

export class FreezableProxy {
  port = 0;
  private server?: Server;
  private frozen = false;
  private pairs = new Set<[Socket, Socket]>();
  private held: Array<() => void> = [];
  private waiting: Array<() => void> = [];
  private trap?: Buffer;
  private then?: Buffer;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      client.on('error', () => undefined);
      const open = () => {
        const upstream = connect(this.target.port, this.target.host);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        const pair: [Socket, Socket] = [client, upstream];
        this.pairs.add(pair);
        const closed = () => {
          this.pairs.delete(pair);
          client.destroy();
          upstream.destroy();
        };
        client.on('close', closed);
        upstream.on('close', closed);
        // Plain data handlers, not pipe(): a piped stream resumes itself when its destination drains.
        let armed = false;
        client.on('data', (d: Buffer) => {
          this.learn(d);
          if (this.trap && this.sends(d, this.trap)) {
            if (this.then) {
              armed = true;
            } else {
              this.trap = undefined;
              this.freeze();
            }
          }
          // The statement after the trap on the same connection (its transaction's COMMIT).
          if (armed && this.then && this.sends(d, this.then) && !(this.trap && this.sends(d, this.trap))) {
            this.trap = this.then = undefined;
            armed = false;
            this.freeze();
          }
          if (this.frozen) this.waiting.push(() => upstream.write(d));
          else upstream.write(d);
        });
        upstream.on('data', (d: Buffer) => (this.frozen ? this.waiting.push(() => client.write(d)) : client.write(d)));
        if (this.frozen) for (const s of pair) s.pause();
      };
      if (this.frozen) this.held.push(open);
      else open();
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server!.address() as { port: number }).port;
  }

  /**
   * Statement names the client prepared, with their text. A statement the app keeps prepared
   * (src/domain/db/prepared.ts) is sent by name after its first few times, its text not again: it
   * is recognised by the name its Parse message gave it.
   */
  private prepared = new Map<string, string>();

  private learn(d: Buffer): void {
    // Parse: 'P', int32 length, statement name, NUL, query text, NUL (PostgreSQL's protocol).
    const text = d.toString('latin1');
    for (const m of text.matchAll(/P[\s\S]{4}(crm_[0-9a-f]+)\0([^\0]*)\0/g)) this.prepared.set(m[1]!, m[2]!);
  }

  /** Whether `d` sends a statement containing `text`: written out, or by the name it was prepared under. */
  private sends(d: Buffer, text: Buffer): boolean {
    if (d.includes(text)) return true;
    const wanted = text.toString('latin1');
    for (const [name, query] of this.prepared) if (query.includes(wanted) && d.includes(name)) return true;
    return false;
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  freeze(): void {
    this.frozen = true;
    for (const pair of this.pairs) for (const s of pair) s.pause();
  }

  /**
   * Freezes the moment a client sends a statement containing `text`, holding that statement: a hang
   * mid-transaction. With `then`, it freezes instead at the next statement containing `then` on the
   * same connection (`freezeOn('INSERT INTO "Interaction"', 'COMMIT')`: a hang at the commit).
   */
  freezeOn(text: string, then?: string): void {
    this.trap = Buffer.from(text);
    this.then = then ? Buffer.from(then) : undefined;
  }

  thaw(): void {
    this.frozen = false;
    for (const write of this.waiting.splice(0)) write();
    for (const pair of this.pairs) for (const s of pair) s.resume();
    for (const open of this.held.splice(0)) open();
  }

  /** The replica's connection string with the proxy in place of the server. */
  through(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async stop(): Promise<void> {
    this.thaw();
    for (const pair of this.pairs) for (const s of pair) s.destroy();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
