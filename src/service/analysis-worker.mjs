// The analysis worker's entry: loads the TypeScript sources through tsx (Node 20 has no type stripping)
// and hands piscina the task function.
import { register } from 'tsx/esm/api';

register();
const task = await import('./analysis-task.ts');
export default task.analyzeFiles;
export const analyzeArticles = task.analyzeArticles;
