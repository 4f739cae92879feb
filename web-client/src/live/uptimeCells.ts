import { since } from './format';

/**
 * The table's "online for" cells, kept current by one timer that writes each cell's text in place (ADR 0221): a tick
 * renders no component and replaces no node, it changes the text of the cells whose text changed. A cell is its own
 * paint layer and layout root (liveTable.css `.live-uptime`), so the change re-records that cell, not its row.
 */
const cells = new Map<Text, string>();
let timer = 0;

function show(node: Text, loginAt: string, now: number) {
  const text = since(loginAt, now);
  if (node.data !== text) node.data = text;
}

function tick() {
  const now = Date.now();
  cells.forEach((loginAt, node) => show(node, loginAt, now));
}

/**
 * Shows in `cell` how long ago `loginAt` was and keeps it current until the returned function is called. The cell's
 * content is this module's: the component rendering the cell gives it no children.
 */
export function showUptime(cell: HTMLElement, loginAt: string): () => void {
  const node = cell.firstChild instanceof Text ? cell.firstChild : cell.appendChild(document.createTextNode(''));
  show(node, loginAt, Date.now());
  cells.set(node, loginAt);
  if (!timer) timer = window.setInterval(tick, 1000);
  return () => {
    cells.delete(node);
    if (!cells.size) {
      window.clearInterval(timer);
      timer = 0;
    }
  };
}

/** How many cells the timer keeps current (for tests: none once the table is gone). */
export function uptimeCellCount(): number {
  return cells.size;
}
