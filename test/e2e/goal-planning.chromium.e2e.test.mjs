// Check-ins, gaps, "What's missing" and the 1:1 brief in real Chromium, which can also print the
// brief to PDF.
import { launchChromium } from './support/chromium-driver.mjs';
import { goalPlanningScenarios } from './support/goal-planning-scenarios.mjs';

goalPlanningScenarios(launchChromium, {
  async printPdf(page) {
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(
      () => getComputedStyle(document.querySelector('.brief-toolbar')).display === 'none',
    );
    if (!hidden) throw new Error('the Print button shows on paper');
    return page.pdf({ format: 'A4' });
  },
});
