// Goal evidence dates and the export panel's goals, in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { reviewEvidenceScenarios } from './support/review-evidence-scenarios.mjs';

reviewEvidenceScenarios(launchFirefox);
