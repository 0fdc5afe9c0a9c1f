// Lowers the priority of the calling thread (Linux only; elsewhere nothing changes). Analysis threads run
// below the thread that stores their results and the one that answers chat: on a machine with fewer
// cores than busy threads, the kernel then gives the spare time to analysis, not the other way round.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much lower (a nice value added) the analysis threads run than the rest of the process. */
export const ANALYSIS_NICE = 5;

/** This thread's kernel id, from /proc/thread-self (a link to `PID/task/TID`), or null off Linux. */
function threadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** The lowest priority there is (the highest nice value). */
const LOWEST = 19;

/** Runs this thread `steps` below the priority it has; true when it could (false off Linux or when refused). */
export function lowerThreadPriority(steps = ANALYSIS_NICE): boolean {
  const tid = threadId();
  if (tid === null) return false;
  try {
    setPriority(tid, Math.min(LOWEST, getPriority(tid) + steps));
    return true;
  } catch {
    return false;
  }
}
