// Highlight colours that stay readable on light and dark pages alike: each sets both the
// background and a dark text colour rather than trusting the page's own text colour; the page
// style writes the ::highlight rules from them.
import type { HighlightColor } from '../shared/types';
import colors from './paint-colors.json';

export const PAINT_COLORS: Record<HighlightColor, { background: string; text: string }> = colors;
