// The demo only needs "asOf minus N days": the shared calendar arithmetic does that.
export { formatCivilDate, parseCivilDate } from '../calendar/civil.js';
