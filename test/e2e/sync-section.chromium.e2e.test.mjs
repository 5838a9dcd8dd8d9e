// The Data view's Sync section in real Chromium, against a real CouchDB-compatible server.
import { launchChromium } from './support/chromium-driver.mjs';
import { syncSectionScenarios } from './support/sync-section-scenarios.mjs';

syncSectionScenarios(launchChromium);
