// The browser's CPU priority against everything else on the machine (ADR 0220). The live benchmark runs the platform,
// its PostgreSQL, the simulated routers and Chromium on one machine; a user's browser runs on another. Raising every
// Chromium thread 10 nice steps above its own value (the rest of the machine stays where it is) lets the browser take
// a core whenever it has work, as on its own machine, while the platform runs in the time the browser leaves; a boost
// of 0 gives the shared machine. Linux only (reads /proc); setpriority on a thread id applies to that thread, so every
// thread of every process under this Node process is set, and threads and processes started later inherit it; the
// browser's own scheduling group (autogroup, below) gets the same boost.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

// each thread's own nice value as Chromium set it (display-critical threads -8, background ones above 0, the rest 0),
// and the value this module gave it: Chromium changes some priorities as it runs (a thread it re-sets shows a value
// other than ours, which is then its own), so a boost is applied again while a measurement runs
const own = new Map();
const given = new Map();

/**
 * Runs every browser thread `boost` nice steps above its own value (0: its own). Going below a thread's current value
 * needs CAP_SYS_NICE (root): where it is refused the thread keeps its value, and `browserPriority()` says what the
 * browser ran at. Returns how many threads refused.
 */
export function boostBrowser(boost) {
  let refused = 0;
  for (const tid of browserThreads()) {
    try {
      const now = os.getPriority(tid);
      if (!own.has(tid) || now !== given.get(tid)) own.set(tid, now);
      const value = Math.max(-20, Math.min(19, own.get(tid) - boost));
      if (value !== now) os.setPriority(tid, value);
      given.set(tid, value);
    } catch {
      refused++;
    }
  }
  return refused + boostAutogroups(boost);
}

// Chromium starts its own session (setsid). With the kernel's autogrouping (/proc/sys/kernel/sched_autogroup_enabled,
// on by default) a session is its own scheduling group: the CPU is shared between groups by each group's nice value,
// and a thread's nice value only orders it among the threads of its group. So the browser's group is boosted as well
// (never the group of this Node process, which is the platform's).
function autogroupOf(pid) {
  try {
    const [, group, nice] = /^\/autogroup-(\d+) nice (-?\d+)/.exec(readFileSync(`/proc/${pid}/autogroup`, 'utf8')) ?? [];
    return group === undefined ? null : { group: Number(group), nice: Number(nice) };
  } catch {
    return null;
  }
}

/** The scheduling groups the browser's processes run in, other than this Node process's, with a process of each. */
function browserAutogroups() {
  const mine = autogroupOf(process.pid)?.group;
  const groups = new Map();
  for (const pid of descendants()) {
    const found = autogroupOf(pid);
    if (found && found.group !== mine && !groups.has(found.group)) groups.set(found.group, pid);
  }
  return groups;
}

function boostAutogroups(boost) {
  let refused = 0;
  for (const pid of browserAutogroups().values()) {
    try {
      writeFileSync(`/proc/${pid}/autogroup`, String(-boost));
    } catch {
      refused++;
    }
  }
  return refused;
}

/** How far the browser's threads run above their own nice values now (lowest and highest), and how many threads. */
export function browserPriority() {
  const boosts = [];
  for (const tid of browserThreads()) {
    try {
      boosts.push((own.get(tid) ?? os.getPriority(tid)) - os.getPriority(tid));
    } catch {
      // the thread ended
    }
  }
  // the browser's own scheduling groups' nice values (autogrouping on) and that of the platform's group
  const groups = [...browserAutogroups().values()].map((pid) => autogroupOf(pid)?.nice);
  const autogroups = { browser: groups, platform: autogroupOf(process.pid)?.nice ?? null };
  if (!boosts.length) return { threads: 0, autogroups };
  return { threads: boosts.length, boostMin: Math.min(...boosts), boostMax: Math.max(...boosts), autogroups };
}
