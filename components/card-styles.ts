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
  .figure, .note, .pack, dt { color: #9da7b3; }
  a { color: #58a6ff; }
}
`;
