import { z } from 'zod';
export default async () => { z.object({ a: z.string() }).parse({ a: 'x' }); };
