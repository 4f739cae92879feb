// The browser's CPU priority against everything else on the machine (ADR 0220). The live benchmark runs the platform,
// its PostgreSQL, the simulated routers and Chromium on one machine; a user's browser runs on another. Raising the
// priority of every Chromium thread (nice -10; the rest of the machine stays at 0) lets the browser take a core
// whenever it has work, as on its own machine, while the platform still runs in the time the browser leaves. Setting it
// back to 0 gives the shared machine. Linux only (reads /proc); setpriority on a thread id applies to that thread, so
// every thread of every process under this Node process is set, and threads and processes started later inherit it.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** Ids of the processes started under this Node process (the browser, its zygotes, renderers, GPU process). */
function descendants() {
  const parentOf = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name in parentheses may hold spaces: the parent id is the second field after its closing one
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // the process ended while we read
    }
  }
  const found = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!found.has(pid) && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  found.delete(process.pid);
  return [...found];
}

function threadsOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/** The browser's threads (every thread of every process under this Node process). */
export function browserThreads() {
  return descendants().flatMap(threadsOf);
}

/**
 * Sets every browser thread's nice value. Going below the current value needs CAP_SYS_NICE (root): where it is
 * refused the threads keep theirs, and `browserPriority()` says what the browser ran at.
 */
export function setBrowserNice(nice) {
  let refused = 0;
  for (const tid of browserThreads()) {
    try {
      os.setPriority(tid, nice);
    } catch {
      refused++;
    }
  }
  return refused;
}

/** The nice values the browser's threads run at now, lowest and highest, and how many threads. */
export function browserPriority() {
  const values = [];
  for (const tid of browserThreads()) {
    try {
      values.push(os.getPriority(tid));
    } catch {
      // the thread ended
    }
  }
  if (!values.length) return { threads: 0 };
  return { threads: values.length, niceMin: Math.min(...values), niceMax: Math.max(...values) };
}
