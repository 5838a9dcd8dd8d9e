// The Data view's Sync section in real Firefox, against a real CouchDB-compatible server.
import { launchFirefox } from './support/firefox-driver.mjs';
import { syncSectionScenarios } from './support/sync-section-scenarios.mjs';

syncSectionScenarios(launchFirefox);
