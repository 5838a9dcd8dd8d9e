// Check-ins, gaps, "What's missing" and the 1:1 brief in real Firefox.
import { launchFirefox } from './support/firefox-driver.mjs';
import { goalPlanningScenarios } from './support/goal-planning-scenarios.mjs';

goalPlanningScenarios(launchFirefox);
