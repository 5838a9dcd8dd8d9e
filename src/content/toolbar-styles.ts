// The in-page UI's look, kept apart from its behaviour. Every value comes from Trailmark's design
// tokens and is declared on the surface element inside the closed root, never on :host and never
// inherited from the host: `all: initial` on the host, `* { font: 12px serif !important }`,
// `html { font-size: 10px }` or a dark page stylesheet cannot reach it (page rules do not cross
// the shadow boundary, and nothing here is in rem or inherits from outside the surface).
import { tokenCss } from '../shared/design-tokens';

/** The tokens as custom properties on the surface, light by default and dark when asked. */
export const SURFACE_TOKENS = `
${tokenCss('.surface')}
.surface { font-family: var(--tm-font); font-size: var(--tm-text-sm); line-height: var(--tm-leading);
  font-weight: 400; font-style: normal; letter-spacing: normal; text-transform: none;
  text-align: start; color: var(--tm-fg); background: var(--tm-bg);
  border: 1px solid var(--tm-line); border-radius: var(--tm-radius-lg);
  box-shadow: 0 8px 24px rgb(0 0 0 / 22%), 0 1px 3px rgb(0 0 0 / 18%); box-sizing: border-box; color-scheme: light dark; }
.surface * { font-family: inherit; font-size: inherit; line-height: inherit;
  letter-spacing: inherit; color: inherit; box-sizing: border-box; }
`;

export const TOOLBAR_CSS = `${SURFACE_TOKENS}
.panel { display: grid; gap: var(--tm-space-3); padding: var(--tm-space-3);
  width: max-content; max-width: 440px; user-select: none; -webkit-user-select: none; }
.row { display: flex; flex-wrap: wrap; gap: var(--tm-space-2); align-items: center; }
.sep { width: 1px; align-self: stretch; margin: 2px var(--tm-space-2); background: var(--tm-line); }
.label { color: var(--tm-muted); font-size: var(--tm-text-sm); padding: 0 2px; }
button { all: unset; box-sizing: border-box; min-height: 30px; min-width: 30px; padding: 0 10px;
  border-radius: var(--tm-radius-md); cursor: pointer; display: inline-flex;
  align-items: center; justify-content: center; gap: 6px; font-family: inherit;
  font-size: inherit; line-height: inherit; color: var(--tm-fg); white-space: nowrap; }
button:hover { background: var(--tm-surface-raised); }
button:focus-visible { outline: 2px solid var(--tm-focus); outline-offset: 1px; }
button.primary { background: var(--tm-accent); color: var(--tm-accent-fg); font-weight: 600; }
button.primary:hover { background: var(--tm-accent); }
button.color { padding: 0; }
.dot { width: 18px; height: 18px; border-radius: 50%; border: 1.5px solid var(--tm-control);
  flex: none; }
.primary .dot { width: 14px; height: 14px; border-color: var(--tm-accent-fg); }
button.color[aria-pressed='true'] { box-shadow: inset 0 0 0 2px var(--tm-fg); }
button.tag { border: 1px solid var(--tm-control); border-radius: 999px; min-height: 26px;
  padding: 0 10px; font-size: var(--tm-text-sm); }
button.tag[aria-pressed='true'] { background: var(--tm-fg); color: var(--tm-bg);
  border-color: var(--tm-fg); }
button.danger { color: var(--tm-danger); }
button.danger:hover { background: var(--tm-surface-raised); }
/* The frame keeps 2 px around its fields for their focus ring: set 2 px out, so the fields'
   edges line up with the chips above. */
.typing { display: block; width: calc(100% + 4px); min-width: 300px; height: 120px; border: 0;
  margin-inline: -2px; background: var(--tm-bg); }
.typing[hidden] { display: none; }
.status { color: var(--tm-danger); font-size: var(--tm-text-sm); }
.status:empty { display: none; }
.muted { color: var(--tm-muted); }
`;

export const TIP_CSS = `${SURFACE_TOKENS}
.tip { display: grid; gap: 2px; padding: var(--tm-space-2) var(--tm-space-3); max-width: 320px;
  border-radius: var(--tm-radius-md); }
.tip-tags { font-weight: 600; }
.tip-note { color: var(--tm-muted); overflow-wrap: anywhere; }
.tip-note::before { content: '“'; }
.tip-note::after { content: '”'; }
`;
