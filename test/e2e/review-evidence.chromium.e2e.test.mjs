// Goal evidence dates and the export panel's goals, in real Chromium.
import { launchChromium } from './support/chromium-driver.mjs';
import { reviewEvidenceScenarios } from './support/review-evidence-scenarios.mjs';

reviewEvidenceScenarios(launchChromium);
