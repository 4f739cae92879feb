/** Time online since `loginAt` as 3d 4h, 5h 12m or 7m 03s. */
export function since(loginAt: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(loginAt)) / 1000));
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  return `${m}m ${String(s).padStart(2, '0')}s`;
}
