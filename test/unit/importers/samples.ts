// Exports of other highlighters, written for these tests from the formats' documentation.
import fs from 'node:fs';
import path from 'node:path';

export const NOW = Date.UTC(2026, 11, 6, 9, 0, 0);

const dir = path.join(import.meta.dirname, '../../fixtures/importers');

export const sample = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

export const named = (name: string) => ({ name, text: sample(name) });
