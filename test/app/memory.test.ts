import { describe, expect, it } from 'vitest';
import { memoryFlags } from '../../src/app/memory.ts';

describe('crm start memory flags', () => {
  it('caps heap growth on both engines and keeps Prisma\'s WASM on Liftoff only on PostgreSQL', () => {
    expect(memoryFlags('postgres', {})).toEqual(['--heap-growing-percent=20', '--liftoff-only']);
    // PGlite's whole database engine is WebAssembly: it keeps the optimizing tier.
    expect(memoryFlags('pglite', {})).toEqual(['--heap-growing-percent=20']);
  });

  it('CRM_V8_FLAGS replaces the defaults, and an empty value applies none', () => {
    expect(memoryFlags('postgres', { CRM_V8_FLAGS: '--max-lazy  --heap-growing-percent=50' })).toEqual(['--max-lazy', '--heap-growing-percent=50']);
    expect(memoryFlags('postgres', { CRM_V8_FLAGS: '' })).toEqual([]);
  });
});
