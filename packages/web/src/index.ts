// @saldo/web — the browser side. The agent console, strategist views and the debtor portal arrive
// with their issues; what the UI needs from the domain comes from @saldo/core only.
export * from './format-money.js';
