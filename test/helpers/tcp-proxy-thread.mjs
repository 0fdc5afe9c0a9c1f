// The TCP proxy's thread entry: loads the TypeScript through tsx (as the store's bridge-worker.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./tcp-proxy-thread.ts');
