import pino from 'pino';
export default async () => { (globalThis as any).log = pino({ level: 'warn' }); };
