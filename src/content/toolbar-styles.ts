// The toolbar's look, kept apart from its behaviour. Colours meet WCAG AA on the dark panel.
export const TOOLBAR_CSS = `
:host { font: 13px/1.3 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #f9fafb; }
.panel { display: grid; gap: 6px; padding: 6px; border-radius: 10px; background: #1f2937;
  box-shadow: 0 6px 20px rgb(0 0 0 / 35%); max-width: 440px; user-select: none; }
input, textarea { user-select: text; }
.row { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
button, input, textarea { font: inherit; color: inherit; }
button { all: unset; box-sizing: border-box; min-height: 28px; min-width: 28px; padding: 0 9px;
  border-radius: 6px; cursor: pointer; display: inline-flex; align-items: center; gap: 6px; }
button:hover { background: #374151; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #facc15;
  outline-offset: 1px; }
button.color { padding: 0; justify-content: center; }
.dot { width: 16px; height: 16px; border-radius: 50%; border: 2px solid transparent; }
button[aria-pressed='true'] .dot { border-color: #f9fafb; }
button.tag { border: 1px solid #4b5563; border-radius: 999px; min-height: 24px; padding: 0 9px; }
button.tag[aria-pressed='true'] { background: #f9fafb; color: #111827; border-color: #f9fafb; }
input, textarea { box-sizing: border-box; background: #111827; border: 1px solid #4b5563;
  border-radius: 6px; padding: 4px 6px; }
input { width: 120px; }
textarea { width: 100%; min-height: 56px; resize: vertical; }
.status { color: #fecaca; }
.status:empty { display: none; }
.muted { color: #d1d5db; }
.danger:hover { background: #7f1d1d; }
.tip { padding: 4px 8px; border-radius: 6px; background: #1f2937; color: #f9fafb;
  box-shadow: 0 2px 8px rgb(0 0 0 / 30%); }
`;
