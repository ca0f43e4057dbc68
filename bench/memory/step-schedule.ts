import schedule from 'node-schedule';
export default async () => { (globalThis as any).sch = schedule; };
