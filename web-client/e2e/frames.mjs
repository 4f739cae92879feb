/* global window, performance, requestAnimationFrame, cancelAnimationFrame, clearTimeout -- functions passed to page.evaluate run in the browser */
// Frame figures shared by the benchmarks: scripts/measure.mjs (Puppeteer, run from a copy beside Lighthouse, which
// imports this file by the web-client directory it is given) and e2e/measure-live.mjs (Playwright). No imports, so it
// loads from anywhere; `page` is either library's page (both take a function in `evaluate`).

/** One frame at 60 Hz, in ms. */
export const FRAME_MS = 1000 / 60;

/** Starts recording the gaps between animation frames as the page sees them. */
export async function startFrameGaps(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const tick = (now) => {
      window.__gaps.push(now - last);
      last = now;
      window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
}

/** Stops recording; the gaps in ms (the first, from the start call to the first frame, left out). */
export async function stopFrameGaps(page) {
  return page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    return window.__gaps.slice(1);
  });
}

/** What gaps between frames say: a gap over 1.5 frames missed at least one frame. */
export function gapSummary(gaps) {
  const missed = gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / FRAME_MS) - 1), 0);
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (share) => +(sorted[Math.floor(sorted.length * share)] ?? 0).toFixed(1);
  return {
    frames: gaps.length,
    missedFrames: missed,
    gapsOver25ms: gaps.filter((gap) => gap > 25).length,
    gapP50Ms: at(0.5),
    gapP99Ms: at(0.99),
    gapMaxMs: +(sorted.at(-1) ?? 0).toFixed(1),
  };
}

const ms = (us) => +(us / 1000).toFixed(1);
const STAGES = { UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prePaint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit' };

/**
 * The renderer's frame production in a Chromium trace (categories devtools.timeline, cc, toplevel): per main frame
 * (`ProxyMain::BeginMainFrame`) the time in style recalculation, layout, pre-paint and paint, and how many elements
 * were restyled and layout objects laid out. Those counts do not depend on how loaded the machine is, the times do.
 * Layouts outside a main frame were forced by script reading layout (`forcedLayouts`).
 */
export function frameWork(events) {
  const main = rendererMain(events);
  if (!main) return null;
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const frames = own.filter((e) => e.name === 'ProxyMain::BeginMainFrame').sort((a, b) => a.ts - b.ts);
  const inFrame = (e) => {
    // frames are sorted and do not overlap: binary search the last frame starting at or before e
    let lo = 0;
    let hi = frames.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (frames[mid].ts <= e.ts) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && e.ts + e.dur <= frames[found].ts + frames[found].dur ? found : -1;
  };
  const perFrame = frames.map((frame) => ({ ms: frame.dur / 1000, cpuMs: (frame.tdur ?? frame.dur) / 1000, style: 0, layout: 0, prePaint: 0, paint: 0, layerize: 0, commit: 0, restyled: 0, laidOut: 0, painted: 0 }));
  const forced = { count: 0, maxMs: 0, totalMs: 0 };
  // a stage's events nest (a Paint per painted layer inside the frame's Paint): only the outermost count
  const outerEnd = {};
  const staged = own.filter((e) => STAGES[e.name]).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of staged) {
    const stage = STAGES[e.name];
    if (e.ts < (outerEnd[stage] ?? -1)) continue;
    outerEnd[stage] = e.ts + e.dur;
    const index = inFrame(e);
    if (index < 0) {
      if (e.name === 'Layout' || e.name === 'UpdateLayoutTree') {
        forced.count++;
        forced.maxMs = Math.max(forced.maxMs, e.dur / 1000);
        forced.totalMs += e.dur / 1000;
      }
      continue;
    }
    const frame = perFrame[index];
    frame[stage] += e.dur / 1000;
    if (e.name === 'UpdateLayoutTree') frame.restyled += e.args?.elementCount ?? 0;
    if (e.name === 'Layout') frame.laidOut += e.args?.beginData?.dirtyObjects ?? 0;
  }
  // every Paint event is one paint layer re-recorded (the document's, a scroller's, a row's): how many per frame, and
  // which elements' layers, say what a frame repainted independently of how long it took
  const paintedBy = new Map();
  let documentRepaints = 0;
  for (const e of own) {
    if (e.name !== 'Paint') continue;
    const index = inFrame(e);
    if (index < 0) continue;
    perFrame[index].painted++;
    const node = String(e.args?.data?.nodeName ?? '?').replace(/ class='([^' ]+)[^']*'/, '.$1');
    if (node === '#document') documentRepaints++;
    paintedBy.set(node, (paintedBy.get(node) ?? 0) + 1);
  }
  const max = (key) => +Math.max(0, ...perFrame.map((frame) => frame[key])).toFixed(1);
  const mean = (key) => +(perFrame.reduce((sum, frame) => sum + frame[key], 0) / Math.max(1, perFrame.length)).toFixed(2);
  const sorted = (key) => perFrame.map((frame) => frame[key]).sort((a, b) => a - b);
  const p95 = (key) => +(sorted(key)[Math.floor(perFrame.length * 0.95)] ?? 0).toFixed(1);
  // a frame over budget whose thread ran less than a frame's time of it was waiting for a core, not working: on a
  // shared machine the stall is someone else's (ADR 0220); one that ran over a frame is the page's own
  const over = perFrame.filter((frame) => frame.ms > FRAME_MS);
  return {
    mainFrames: perFrame.length,
    mainFramesOverBudget: over.length,
    mainFramesOverBudgetOnCpu: over.filter((frame) => frame.cpuMs > FRAME_MS).length,
    mainFramesOverBudgetWaitingForCpu: over.filter((frame) => frame.cpuMs <= FRAME_MS).length,
    mainFrameMaxCpuMs: max('cpuMs'),
    mainFrameP95CpuMs: p95('cpuMs'),
    mainFrameMaxMs: max('ms'),
    mainFrameP95Ms: p95('ms'),
    maxMs: { style: max('style'), layout: max('layout'), prePaint: max('prePaint'), paint: max('paint'), layerize: max('layerize'), commit: max('commit') },
    p95Ms: { style: p95('style'), layout: p95('layout'), prePaint: p95('prePaint'), paint: p95('paint') },
    meanMs: { style: mean('style'), layout: mean('layout'), prePaint: mean('prePaint'), paint: mean('paint') },
    elementsRestyledPerFrame: { mean: mean('restyled'), p95: p95('restyled'), max: max('restyled') },
    objectsLaidOutPerFrame: { mean: mean('laidOut'), p95: p95('laidOut'), max: max('laidOut') },
    layersPaintedPerFrame: { mean: mean('painted'), p95: p95('painted'), max: max('painted') },
    framesRepaintingDocument: documentRepaints,
    paintedMost: [...paintedBy.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([node, count]) => `${node} ${count}`),
    forcedLayouts: { count: forced.count, maxMs: ms(forced.maxMs * 1000), totalMs: ms(forced.totalMs * 1000) },
    slowestFrames: perFrame
      .map((frame, index) => ({ index, ...frame }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((frame) => Object.fromEntries(Object.entries(frame).map(([key, value]) => [key, +value.toFixed(1)]))),
  };
}

/** The page's renderer main thread: the one that ran script. */
export function rendererMain(events) {
  return events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
}

/**
 * With the trace category disabled-by-default-devtools.timeline.invalidationTracking: which elements were marked for
 * style recalculation, layout or paint and why, most frequent first, so a report names what a batch invalidates.
 */
export function invalidations(events, top = 20) {
  const counts = new Map();
  for (const e of events) {
    if (!/InvalidationTracking$/.test(e.name)) continue;
    const data = e.args?.data ?? {};
    const key = `${e.name.replace('InvalidationTracking', '')} ${data.nodeName ?? '?'} ${data.reason ?? data.changedAttribute ?? data.changedPseudo ?? data.changedClass ?? data.changedId ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([what, count]) => ({ what, count }));
}

/**
 * The page's composited layers now (CDP LayerTree; a Playwright or Puppeteer CDP session): how many, how many draw
 * content, and the elements that own them, most first. Every composited layer is work for the compositing step
 * (layerize) of every frame that changes paint, so a row that became a layer would multiply it.
 */
export async function compositedLayers(cdp) {
  const layers = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no layer tree within 10 s')), 10000);
    const listener = (event) => {
      if (!event.layers) return;
      clearTimeout(timer);
      cdp.off('LayerTree.layerTreeDidChange', listener);
      resolve(event.layers);
    };
    cdp.on('LayerTree.layerTreeDidChange', listener);
    cdp.send('LayerTree.enable').catch(reject);
  });
  await cdp.send('LayerTree.disable');
  const owners = new Map();
  for (const layer of layers) {
    let owner = 'no element';
    if (layer.backendNodeId) {
      try {
        const { node } = await cdp.send('DOM.describeNode', { backendNodeId: layer.backendNodeId });
        const attributes = node.attributes ?? [];
        const className = attributes[attributes.indexOf('class') + 1];
        owner = node.nodeName + (attributes.includes('class') && className ? `.${className.split(' ')[0]}` : '');
      } catch {
        owner = 'gone';
      }
    }
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
  }
  return {
    layers: layers.length,
    drawingContent: layers.filter((layer) => layer.drawsContent).length,
    owners: [...owners.entries()].sort((a, b) => b[1] - a[1]).map(([owner, count]) => `${owner} ${count}`),
  };
}
