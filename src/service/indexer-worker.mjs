// The background indexer thread's entry: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./indexer-thread.ts');
