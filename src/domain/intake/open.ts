import type { Database } from '../db/database.ts';
import { journalIntake } from './journal.ts';
import { sqlIntake, type IntakeStore } from './store.ts';

/**
 * PostgreSQL: rows any replica can resume. PGlite: a journal beside its data, since a row would
 * wait for the one connection every running command transaction holds.
 */
export function openIntake(db: Database, by: string, leaseMs: number): IntakeStore {
  return db.engine === 'pglite' ? journalIntake(db, leaseMs) : sqlIntake(db, by, leaseMs);
}
