// Problems the core runs into that degrade its answers without stopping it (a word list that failed to
// load, say). The core only records them, each once; the edges (src/service/) take them and tell the user.
// Nothing here prints.

export interface Problem {
  /** What failed, as a short name ("natural's part-of-speech lexicon"). */
  source: string;
  message: string;
}

const recorded = new Map<string, Problem>();
const taken = new Set<string>();

/** Records a problem; the same source is recorded once per process. */
export function recordProblem(problem: Problem): void {
  if (!recorded.has(problem.source)) recorded.set(problem.source, problem);
}

/** Problems recorded since the last call (each is returned once). */
export function takeNewProblems(): Problem[] {
  const fresh = [...recorded.values()].filter((p) => !taken.has(p.source));
  for (const p of fresh) taken.add(p.source);
  return fresh;
}
