import { assertUnreachable } from '../errors/index.js';
import {
  sandboxReplies,
  sandboxWeekdays,
  type SandboxMessageIntent,
  type SandboxReplyIntent,
} from './sandbox-replies.js';
import type { Channel } from './channel.js';
import type { DeliveryStatus, TemplateLanguage } from './types.js';

/**
 * The sandbox's behaviour model: what a simulated debtor does with a message. Pure and seeded — the
 * same (seed, message id) always gives the same outcome, whatever order messages are sent in.
 * Probabilities depend on the debtor's segment, the channel and the local hour, so a strategy that
 * picks the right channel at the right hour measurably wins in the demo.
 */
export const sandboxSegments = ['low_risk', 'medium_risk', 'high_risk', 'hardship'] as const;
export type SandboxSegment = (typeof sandboxSegments)[number];

export type SandboxEvent =
  | { afterMs: number; kind: 'status'; status: DeliveryStatus; detail?: string }
  /** `intent` is null when the words were not chosen for one (an identity answer): the NLU reads them. */
  | { afterMs: number; kind: 'reply'; text: string; intent: SandboxMessageIntent | null }
  | { afterMs: number; kind: 'payment'; amountMinor: number };

export interface SandboxInput {
  seed: string | number;
  messageId: string;
  channel: Channel;
  segment: SandboxSegment;
  /** 0–23, the debtor's local hour when the message is sent. */
  localHour: number;
  language: TemplateLanguage;
  /** The balance, so a simulated payment can be a plausible part of it. */
  amountMinor?: number;
  /** Tracked links in the message (email): a click picks one. */
  hasLink?: boolean;
}

const MIN = 60_000;
const HOUR = 60 * MIN;

/** 32-bit string hash (FNV-1a) to derive per-message seeds. */
export function hashSeed(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for simulation (not for secrets). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How engaged a segment is (multiplies reply/click/payment) and how likely it is to pay once engaged. */
const SEGMENT: Record<SandboxSegment, { engage: number; pay: number; hardship: number }> = {
  low_risk: { engage: 1.4, pay: 1.5, hardship: 0.3 },
  medium_risk: { engage: 1.0, pay: 1.0, hardship: 1.0 },
  high_risk: { engage: 0.55, pay: 0.5, hardship: 1.3 },
  hardship: { engage: 0.9, pay: 0.35, hardship: 4 },
};

/** Hourly responsiveness per channel family (index = local hour), 1.0 = average. */
const HOURLY = {
  // Email is read in the morning and at lunch.
  email: [
    0.1, 0.05, 0.05, 0.05, 0.05, 0.2, 0.6, 1.4, 1.8, 1.7, 1.3, 1.1, 1.4, 1.2, 1.0, 0.9, 0.9, 0.9, 0.8, 0.9,
    1.0, 0.8, 0.5, 0.2,
  ],
  // Texts are answered at lunch and after work.
  text: [
    0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 0.9, 1.0, 1.4, 1.5, 1.2, 1.0, 1.0, 1.1, 1.5, 1.7,
    1.6, 1.3, 0.7, 0.3,
  ],
  // People pick up after work, rarely during office hours.
  voice: [
    0, 0, 0, 0, 0, 0, 0.1, 0.5, 0.8, 0.6, 0.5, 0.6, 0.9, 0.9, 0.6, 0.6, 0.7, 1.1, 1.6, 1.8, 1.5, 1.0, 0.3, 0,
  ],
  letter: Array.from({ length: 24 }, () => 1),
} as const;

function family(channel: Channel): keyof typeof HOURLY {
  switch (channel) {
    case 'email':
      return 'email';
    case 'sms':
    case 'whatsapp':
      return 'text';
    case 'call':
    case 'voicebot':
    case 'voicemail':
      return 'voice';
    case 'letter':
      return 'letter';
    default:
      return assertUnreachable(channel, 'channel');
  }
}

/** Responsiveness multiplier for a channel, local hour and segment (for dashboards and tests). */
export function sandboxResponsiveness(channel: Channel, localHour: number, segment: SandboxSegment): number {
  const h = ((Math.floor(localHour) % 24) + 24) % 24;
  return (HOURLY[family(channel)][h] ?? 1) * SEGMENT[segment].engage;
}

/** Base rates per channel: delivery, engagement (open/read/answer), click, reply, pay-after-engagement. */
const BASE: Record<Channel, { deliver: number; engage: number; click: number; reply: number; pay: number }> =
  {
    email: { deliver: 0.95, engage: 0.3, click: 0.25, reply: 0.05, pay: 0.18 },
    sms: { deliver: 0.97, engage: 0.9, click: 0.12, reply: 0.1, pay: 0.15 },
    whatsapp: { deliver: 0.96, engage: 0.7, click: 0.18, reply: 0.2, pay: 0.2 },
    call: { deliver: 1, engage: 0.3, click: 0, reply: 0.8, pay: 0.25 },
    voicebot: { deliver: 1, engage: 0.3, click: 0, reply: 0.7, pay: 0.22 },
    voicemail: { deliver: 1, engage: 0.3, click: 0, reply: 0.08, pay: 0.1 },
    letter: { deliver: 0.98, engage: 0.5, click: 0, reply: 0.02, pay: 0.08 },
  };

const clamp = (p: number): number => Math.max(0, Math.min(0.98, p));

/**
 * Simulates what happens to one outbound message.
 *
 * @example
 * simulateOutbound({ seed: 42, messageId: 'msg_1', channel: 'sms', segment: 'low_risk', localHour: 19, language: 'es' }).events
 * // [{ afterMs: 4000, kind: 'status', status: 'sent' }, { …'delivered' }, { kind: 'reply', text: 'Pago el viernes sin falta', … }]
 */
export function simulateOutbound(input: SandboxInput): { events: SandboxEvent[] } {
  const { events } = simulateUnordered(input);
  return { events: events.sort((a, b) => a.afterMs - b.afterMs) };
}

function simulateUnordered(input: SandboxInput): { events: SandboxEvent[] } {
  const rng = createRng(hashSeed(`${input.seed}:${input.messageId}`));
  const base = BASE[input.channel];
  const seg = SEGMENT[input.segment];
  const resp = sandboxResponsiveness(input.channel, input.localHour, input.segment) / seg.engage; // hour part only
  const events: SandboxEvent[] = [];
  const voice = family(input.channel) === 'voice';
  let t = 1000 + Math.floor(rng() * 4000);
  if (!voice) events.push({ afterMs: t, kind: 'status', status: 'sent' });

  if (rng() >= base.deliver) {
    const status: DeliveryStatus = input.channel === 'email' ? 'bounced' : 'undelivered';
    events.push({
      afterMs: t + 2000,
      kind: 'status',
      status,
      detail: input.channel === 'email' ? '550 5.1.1 mailbox unavailable' : 'unreachable handset',
    });
    return { events };
  }
  t += 2000 + Math.floor(rng() * 8000);
  if (voice) return simulateCall(input, rng, t, base, seg, resp, events);
  events.push({ afterMs: t, kind: 'status', status: 'delivered' });
  if (input.channel === 'email' && rng() < 0.003) {
    events.push({ afterMs: t + 30 * MIN, kind: 'status', status: 'complained' });
    return { events };
  }
  // Engagement: opened (email) / read (WhatsApp). SMS has no read receipts.
  const engaged = rng() < clamp(base.engage * resp * seg.engage);
  if (!engaged) return { events };
  t += delay(rng, resp);
  if (input.channel === 'email') events.push({ afterMs: t, kind: 'status', status: 'opened' });
  if (input.channel === 'whatsapp') events.push({ afterMs: t, kind: 'status', status: 'read' });
  let clicked = false;
  if (input.hasLink !== false && base.click > 0 && rng() < clamp(base.click * seg.engage)) {
    clicked = true;
    t += 20_000 + Math.floor(rng() * 5 * MIN);
    events.push({ afterMs: t, kind: 'status', status: 'clicked' });
  }
  if (rng() < clamp(base.reply * seg.engage * (clicked ? 0.5 : 1))) {
    t += 30_000 + Math.floor(rng() * 20 * MIN);
    events.push(reply(input, rng, t));
  }
  if (clicked && input.amountMinor && rng() < clamp(base.pay * seg.pay * 2)) {
    t += 2 * MIN + Math.floor(rng() * 30 * MIN);
    events.push({ afterMs: t, kind: 'payment', amountMinor: paymentAmount(input.amountMinor, rng) });
  }
  return { events };
}

function simulateCall(
  input: SandboxInput,
  rng: () => number,
  t: number,
  base: (typeof BASE)[Channel],
  seg: (typeof SEGMENT)[SandboxSegment],
  resp: number,
  events: SandboxEvent[],
): { events: SandboxEvent[] } {
  events.push({ afterMs: t, kind: 'status', status: 'ringing' });
  t += 5000 + Math.floor(rng() * 20_000);
  const r = rng();
  const human = clamp(base.engage * resp * seg.engage);
  if (r < human) {
    events.push({ afterMs: t, kind: 'status', status: 'answered_human' });
    if (rng() < clamp(base.reply * (0.6 + 0.4 * seg.engage))) events.push(reply(input, rng, t + 40_000));
    if (input.amountMinor && rng() < clamp(base.pay * seg.pay))
      events.push({
        afterMs: t + 3 * HOUR + Math.floor(rng() * 48 * HOUR),
        kind: 'payment',
        amountMinor: paymentAmount(input.amountMinor, rng),
      });
    events.push({ afterMs: t + 90_000, kind: 'status', status: 'completed' });
  } else if (r < human + 0.35) {
    events.push({ afterMs: t, kind: 'status', status: 'answered_machine' });
    events.push({ afterMs: t + 30_000, kind: 'status', status: 'completed' });
  } else if (r < human + 0.35 + 0.05) {
    events.push({ afterMs: t, kind: 'status', status: 'busy' });
  } else {
    events.push({ afterMs: t + 25_000, kind: 'status', status: 'no_answer' });
  }
  return { events };
}

/** Minutes when the debtor is active; hours (until morning) when not. */
function delay(rng: () => number, resp: number): number {
  if (resp >= 0.8) return 30_000 + Math.floor(rng() * 25 * MIN);
  if (resp >= 0.3) return 10 * MIN + Math.floor(rng() * 2 * HOUR);
  return 4 * HOUR + Math.floor(rng() * 6 * HOUR);
}

function reply(input: SandboxInput, rng: () => number, afterMs: number): SandboxEvent {
  const intent = pickWeighted(sandboxReplyWeights(input.segment), rng());
  const options = sandboxReplies[input.language][intent];
  const raw = options[Math.floor(rng() * options.length)] ?? options[0] ?? '';
  const days = sandboxWeekdays[input.language];
  const text = raw.replace('{day}', days[Math.floor(rng() * 5)] ?? days[0] ?? '');
  return { afterMs, kind: 'reply', text, intent };
}

/**
 * How likely each kind of reply is from a debtor of a segment (relative weights): the first reply to
 * a collection message, and what a debtor asks for once the bot has verified them.
 */
export function sandboxReplyWeights(segment: SandboxSegment): [SandboxReplyIntent, number][] {
  const seg = SEGMENT[segment];
  return [
    ['promise_to_pay', 30 * seg.pay],
    ['already_paid', 6],
    ['payment_plan', 14],
    ['hardship', 8 * seg.hardship],
    ['dispute', 5],
    ['wrong_party', 3],
    ['stop_contact', 4],
    ['talk_to_agent', 9],
    ['request_info', 10],
  ];
}

/** How engaged a debtor of a segment is (1 = average): they drop out of a conversation less. */
export function sandboxEngagement(segment: SandboxSegment): number {
  return SEGMENT[segment].engage;
}

/** An item with probability proportional to its weight, for a uniform `r` in [0, 1). */
export function pickWeighted<T>(items: readonly [T, number][], r: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted: no items');
  return last[0];
}

/** Full payment half the time, otherwise a round part of it. */
function paymentAmount(amountMinor: number, rng: () => number): number {
  if (rng() < 0.5) return amountMinor;
  const part = [0.25, 0.3, 0.5][Math.floor(rng() * 3)] ?? 0.5;
  return Math.max(1, Math.round((amountMinor * part) / 100) * 100);
}
