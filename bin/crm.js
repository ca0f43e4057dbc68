#!/usr/bin/env node
// The CRM runs from its TypeScript sources through tsx: no build step between clone and start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
