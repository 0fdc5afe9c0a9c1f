// The analysis worker's entry: loads the TypeScript sources through tsx (Node 20 has no type stripping)
// and hands piscina the task function.
import { register } from 'tsx/esm/api';

register();
const { analyzeFiles } = await import('./analysis-task.ts');
export default analyzeFiles;
