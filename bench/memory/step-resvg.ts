import { Resvg } from '@resvg/resvg-js';
export default async () => { (globalThis as any).rs = Resvg; };
