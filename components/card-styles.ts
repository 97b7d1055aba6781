/** Styles for the card, applied inside its shadow root so pages cannot restyle it. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  max-width: min(360px, calc(100vw - 16px)); padding: 12px 14px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24;
  background: #fff; border: 1px solid #c9d1d9; border-left: 5px solid #6e7781;
  border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); outline: none;
}
.card:focus-visible { box-shadow: 0 0 0 3px #0969da, 0 6px 24px rgba(0,0,0,.18); }
.card.verified { border-left-color: #1a7f37; }
.card.mismatch { border-left-color: #cf222e; }
.card.unverified { border-left-color: #6e7781; }
p { margin: 0 0 6px; }
.verdict { font-weight: 700; font-size: 15px; }
.verified .verdict { color: #1a7f37; }
.mismatch .verdict { color: #cf222e; }
.unverified .verdict { color: #57606a; }
.figure, .note, .pack { color: #57606a; }
.why { font-size: 12px; color: #57606a; font-style: italic; }
.candidates { margin: 4px 0; padding-left: 18px; }
.value strong { font-size: 16px; }
.gap { color: #cf222e; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0; }
dt { color: #57606a; }
dd { margin: 0; }
ul.sources { margin: 0; padding-left: 16px; }
a { color: #0969da; }
.pack { font-size: 12px; margin-top: 6px; }
.disagree { border-top: 1px solid #d0d7de; padding-top: 6px; }
@media (prefers-color-scheme: dark) {
  .card { background: #161b22; color: #e6edf3; border-color: #30363d; }
  .figure, .note, .pack, dt, .why { color: #9da7b3; }
  a { color: #58a6ff; }
}
`;

/** Styles for the correction parts: the card's line on the reader's own correction and its button, and the correction window's form. */
export const CORRECTION_CSS = `
.mine { border-top: 1px solid #d0d7de; padding-top: 6px; color: #6639ba; }
.mine[data-status="rejected"], .mine[data-status="failed"] { color: #cf222e; }
.mine[data-status="accepted"] { color: #1a7f37; }
button { font: inherit; padding: 3px 10px; border-radius: 6px; border: 1px solid #8c959f; background: #f6f8fa; color: inherit; cursor: pointer; }
button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button.primary { background: #1f6feb; border-color: #1f6feb; color: #fff; }
button[disabled] { opacity: .6; cursor: default; }
.suggest { margin-top: 6px; font-size: 13px; }
.correction-form { border-top: 1px solid #d0d7de; margin-top: 6px; padding-top: 6px; }
.form-heading { font-weight: 600; }
.field { margin-bottom: 6px; }
.field label { display: block; font-size: 12px; color: #57606a; }
.field input, .field textarea, .field select { box-sizing: border-box; width: 100%; font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid #8c959f; border-radius: 4px; background: inherit; color: inherit; }
.field input[aria-invalid="true"], .field textarea[aria-invalid="true"] { border-color: #cf222e; }
.resolved { font-size: 12px; color: #1a7f37; margin: 2px 0 0; }
.field-error, .form-error { font-size: 12px; color: #cf222e; margin: 2px 0 0; }
.actions { display: flex; gap: 8px; margin-top: 6px; }
`;
