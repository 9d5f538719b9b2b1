import { DateTime, Duration, IANAZone } from 'luxon';
const d = new Date('2026-05-04T15:00:00Z');
const N = 20000;
function time(label: string, f: () => unknown) { const s = performance.now(); for (let i = 0; i < N; i++) f(); console.log(label, ((performance.now() - s) * 1000 / N).toFixed(1)); }
time('fromISO', () => Duration.fromISO('P3D'));
time('isValid zone create', () => IANAZone.create('America/Mexico_City').isValid);
time('fromJSDate zone', () => DateTime.fromJSDate(d, { zone: 'America/Mexico_City' }));
const zone = IANAZone.create('America/Mexico_City');
time('fromJSDate zoneobj', () => DateTime.fromJSDate(d, { zone }));
const dt = DateTime.fromJSDate(d, { zone });
const dur = Duration.fromISO('P3D');
time('plus', () => dt.plus(dur));
time('plus obj', () => dt.plus({ days: 3 }));
time('offset', () => zone.offset(d.getTime()));
