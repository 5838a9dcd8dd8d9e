// One core's worth of load for scripts/test-under-load.mjs: a plain busy loop that gives the
// event loop a turn every few milliseconds, only so it can notice that whoever started it has
// gone (IPC channel closed, or re-parented) and stop — even if that parent was killed outright.
const SLICE_MS = 20;
const parent = process.ppid;

function parentGone() {
  return !process.connected || process.ppid !== parent;
}

function burnSlice() {
  if (parentGone()) process.exit(0);
  const until = performance.now() + SLICE_MS;
  let spin = 0;
  while (performance.now() < until) spin += Math.sqrt(spin + 1);
  setImmediate(burnSlice);
}

process.on('disconnect', () => process.exit(0));
burnSlice();
