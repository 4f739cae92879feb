// RouterOS writes a plan's rate limit as rx/tx from the router's side: upload first ("10M/30M" for 30M down, 10M up).
// Staff type download and upload, so the app shows and pre-fills rates in that order and says which is which.

/** Bits per second in the notation the rate fields take: 30000000 → "30M", 512000 → "512k", 1500 → "1500". */
export function rateNotation(bitsPerSecond: number): string {
  if (bitsPerSecond !== 0 && bitsPerSecond % 1_000_000 === 0) return `${bitsPerSecond / 1_000_000}M`;
  if (bitsPerSecond !== 0 && bitsPerSecond % 1_000 === 0) return `${bitsPerSecond / 1_000}k`;
  return String(bitsPerSecond);
}

/** A download and upload rate, unambiguous whatever order RouterOS keeps them in: "↓30M ↑10M". */
export function downUp(rates: { downloadRate: number; uploadRate: number }): string {
  return `↓${rateNotation(rates.downloadRate)} ↑${rateNotation(rates.uploadRate)}`;
}
