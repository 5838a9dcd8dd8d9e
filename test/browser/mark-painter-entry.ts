// The fallback painter as the browser test loads it, with the names it draws under (random per
// install, so the test reads them rather than spelling them).
export { createMarkPainter } from '../../src/content/mark-painter';
export { names } from '../../src/content/page-names';
