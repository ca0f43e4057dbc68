import { loadConfig } from '../../config.ts';
import { startApp } from '../../app/start.ts';

export async function run(args: string[]): Promise<number | void> {
  return startApp(loadConfig(), args);
}
