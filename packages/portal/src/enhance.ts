// The portal's enhancement entry, built by Vite into dist/enhance.js (≤ 100 KB of JS in total: see
// js-budget.ts). Every page already works without it; enhancements arrive with the portal issue.
// Marking the document lets CSS show enhanced controls only when this script has run.
document.documentElement.classList.add('js');
