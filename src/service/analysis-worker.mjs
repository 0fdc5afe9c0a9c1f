// The analysis worker's entry: loads the TypeScript sources through tsx (Node 20 has no type stripping)
// and hands piscina the task function. The thread runs at a lower priority than the rest of the process.
import { register } from 'tsx/esm/api';

register();
const task = await import('./analysis-task.ts');
// Below the writer and the chat thread: on a machine with fewer cores than busy threads, analysis takes the spare time.
(await import('./thread-priority.ts')).lowerThreadPriority();
export default task.analyzeFiles;
export const analyzeArticles = task.analyzeArticles;
export const analyzeFacts = task.analyzeFacts;
