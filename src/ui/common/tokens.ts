// Puts Trailmark's design tokens (src/shared/design-tokens) on an extension page as `--tm-…`
// custom properties, following the reader's light or dark scheme. Every page entry imports this
// first, so the popup, review and welcome pages read colours, type, spacing and radii from one
// source and their stylesheets hold no values of their own.
import { tokenCss } from '../../shared/design-tokens';

const style = document.createElement('style');
style.dataset.trailmarkTokens = '';
style.textContent = tokenCss(':root');
document.head.prepend(style);
