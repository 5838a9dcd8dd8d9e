// The records Trailmark keeps, shared by every context so that messages, storage and UI agree
// on one shape. The storage module owns how they are indexed; this file owns what they are.
import type { Selector } from '../anchoring';
import type { CheckIn } from './check-in';

export type { Selector };

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const PAGE_STATUSES = ['reading', 'read', 'archived'] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const GOAL_STATUSES = ['active', 'achieved', 'archived'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type AnchorStatus = 'anchored' | 'orphan' | 'unknown';

export interface PageRecord {
  id: string;
  /** Normalised URL: the page's identity (see shared/url.ts). */
  url: string;
  title: string;
  site: string;
  firstVisitAt: number;
  lastVisitAt: number;
  /** Active reading time in milliseconds. */
  readingMs: number;
  /** Furthest scroll position reached, 0..1. */
  maxScroll: number;
  status: PageStatus;
  tagIds: string[];
  /** The reader asked to record reading time even without a highlight. */
  tracked: boolean;
  updatedAt: number;
}

export interface HighlightRecord {
  id: string;
  pageId: string;
  selectors: Selector[];
  quote: string;
  color: HighlightColor;
  tagIds: string[];
  note: string;
  createdAt: number;
  updatedAt: number;
  anchorStatus: AnchorStatus;
  /** Start offset in the page text when last placed; orders highlights in page order. */
  position: number;
}

export interface TagRecord {
  id: string;
  name: string;
  /** Lower-cased, trimmed name: tag names are unique regardless of case. */
  nameKey: string;
  color: string;
  kind: 'archetype' | 'custom';
  createdAt: number;
  /** Never printed in an export (a brief, the evidence pack, a W3C export); absent means false. */
  private?: boolean;
  /** Last change, so that merging a backup keeps the newer version (schema version 6 on). */
  updatedAt: number;
}

/** Target share per archetype tag id, in whole percent adding up to 100. */
export type ArchetypeMix = Record<string, number>;

export interface GoalRecord {
  id: string;
  title: string;
  why: string;
  /** ISO date (YYYY-MM-DD) or null. */
  targetDate: string | null;
  status: GoalStatus;
  targetMix: ArchetypeMix | null;
  createdAt: number;
  updatedAt: number;
  /** Where the reader stood, dated; absent on goals made before check-ins existed. */
  checkIns?: CheckIn[];
  /** Points the reader wants to raise in the talk with their manager, in their order. */
  questions?: TalkQuestion[];
}

export interface TalkQuestion {
  id: string;
  text: string;
  /** Raised in the talk already. */
  done: boolean;
  createdAt: number;
}

export interface LinkRecord {
  id: string;
  goalId: string;
  targetType: 'page' | 'highlight';
  targetId: string;
  /** The page the target belongs to (the page itself for a page link). */
  pageId: string;
  note: string;
  createdAt: number;
  /** Last change (its note), so that merging a backup keeps the newer version. */
  updatedAt: number;
}
