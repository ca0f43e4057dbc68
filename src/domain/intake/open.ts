import type { Database } from '../db/database.ts';
import { sqlIntake, type IntakeStore } from './store.ts';

/** The intake store for the engine at hand. */
export function openIntake(db: Database, by: string, leaseMs: number): IntakeStore {
  return sqlIntake(db, by, leaseMs);
}
