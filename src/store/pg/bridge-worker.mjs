// The PostgreSQL bridge thread's entry: loads the TypeScript sources through tsx (as indexer-worker.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./bridge-thread.ts');
