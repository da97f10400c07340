// Preloaded (`node --expose-gc --require`) into BOTH servers the RSS row measures, ours and rcjsuen's alike, so
// the bench can bring each to the same state before reading its memory: on SIGUSR2 it runs two full GCs and writes
// one line with V8's own view (heap committed, external, array buffers) to stderr. Neither server is changed
// otherwise; without it the peer's reading depended on whether a major GC happened to run before it.
const GC_DONE = 'bench-gc-done'; // what bench/lspHarness.ts waits for

process.on('SIGUSR2', () => {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  process.stderr.write(`${GC_DONE} ${JSON.stringify({ heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
});
export {}; // a module, so its names stay its own
