// The toolbar's click guard as the browser test loads it.
export { createClickGuard, SETTLE_MS } from '../../src/content/click-guard';
export { HOST_Z_INDEX } from '../../src/content/shadow-host';
