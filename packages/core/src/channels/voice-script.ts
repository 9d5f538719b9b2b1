import { assertUnreachable } from '../errors/index.js';
import type { VoiceScriptFields } from './template.js';
import { languageOf } from './types.js';

/**
 * The turn loop of a scripted reminder call, as a pure function. Each provider callback (call
 * answered, speech or keys gathered) is one turn: `(script, input) → actions + effects`. The
 * adapter turns actions into TwiML; the server applies effects (send the link, record an opt-out).
 *
 * Flow: identity check → the message → a menu (agent / link / repeat / stop) → transfer or goodbye.
 * Nothing about the debt is said before the person confirms who they are. A machine gets only the
 * voicemail (a limited-content message, 12 CFR 1006.2(j)) or nothing.
 */
export const voiceSteps = ['answer', 'identity', 'menu'] as const;
export type VoiceStep = (typeof voiceSteps)[number];

/** Rendered texts of a call, in one locale (`es-MX`, `es-ES`, `en-US`). */
export interface VoiceScript {
  locale: string;
  /** The message said once identity is confirmed. */
  message: string;
  prompts: VoiceScriptFields;
  /** Rendered voicemail (limited content); without it a machine gets a hang-up. */
  voicemail?: string;
  /** E.164 number of the agent queue; without it "agent" gets a callback promise instead. */
  agentNumber?: string;
}

export interface VoiceTurnInput {
  step: VoiceStep;
  /** 0 on the first ask of a step; retries after no or unclear input. */
  attempt: number;
  answeredBy?: 'human' | 'machine' | 'unknown';
  speech?: string;
  digits?: string;
}

export type VoiceAction =
  | { kind: 'say'; text: string }
  | { kind: 'gather'; step: VoiceStep; attempt: number; prompt: string }
  | { kind: 'dial'; number: string }
  | { kind: 'hangup' };

export const voiceEffects = [
  'identity_confirmed',
  'wrong_party',
  'voicemail_left',
  'send_payment_link',
  'transfer_to_agent',
  'opt_out',
  'no_response',
] as const;
export type VoiceEffect = (typeof voiceEffects)[number];

export interface VoiceTurn {
  actions: VoiceAction[];
  effects: VoiceEffect[];
}

const MAX_RETRIES = 2;

type MenuChoice = 'agent' | 'link' | 'repeat' | 'stop' | 'none';
type IdentityAnswer = 'yes' | 'no' | 'none';

/** Recognises the menu choice from keys first, then words in Spanish or English. */
export function menuChoice(input: { speech?: string; digits?: string }): MenuChoice {
  const d = input.digits?.trim();
  if (d === '1') return 'agent';
  if (d === '2') return 'link';
  if (d === '3') return 'repeat';
  if (d === '9') return 'stop';
  const s = fold(input.speech);
  if (s === '') return 'none';
  if (/\b(no (me )?llam|dej\w* de llam|ya no llam|stop call|don ?t call|do not call|no more calls)/.test(s))
    return 'stop';
  if (/\b(agente|asesor|persona|humano|operador|agent|representative|person|human|operator)\b/.test(s))
    return 'agent';
  if (/\b(enlace|link|liga|mensaje|sms|text)\b/.test(s)) return 'link';
  if (/\b(repet\w*|otra vez|de nuevo|again|repeat)\b/.test(s)) return 'repeat';
  return 'none';
}

export function identityAnswer(input: { speech?: string; digits?: string }): IdentityAnswer {
  const d = input.digits?.trim();
  if (d === '1') return 'yes';
  if (d === '2') return 'no';
  const s = fold(input.speech);
  if (/\b(no|equivocad\w*|wrong|not me|nope)\b/.test(s)) return 'no';
  if (/\b(si|soy yo|claro|yes|yeah|yep|speaking|correct|that s me|it s me)\b/.test(s)) return 'yes';
  return 'none';
}

function fold(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One turn of the call.
 *
 * @example
 * nextVoiceTurn(script, { step: 'answer', attempt: 0, answeredBy: 'human' }).actions[0]
 * // { kind: 'gather', step: 'identity', attempt: 0, prompt: '¿Hablo con …?' }
 */
export function nextVoiceTurn(script: VoiceScript, input: VoiceTurnInput): VoiceTurn {
  const p = script.prompts;
  switch (input.step) {
    case 'answer':
      if (input.answeredBy === 'machine') {
        if (!script.voicemail) return { actions: [{ kind: 'hangup' }], effects: [] };
        return {
          actions: [{ kind: 'say', text: script.voicemail }, { kind: 'hangup' }],
          effects: ['voicemail_left'],
        };
      }
      return { actions: [{ kind: 'gather', step: 'identity', attempt: 0, prompt: p.identity }], effects: [] };
    case 'identity': {
      const a = identityAnswer(input);
      if (a === 'yes')
        return {
          actions: [
            { kind: 'say', text: script.message },
            { kind: 'gather', step: 'menu', attempt: 0, prompt: p.menu },
          ],
          effects: ['identity_confirmed'],
        };
      if (a === 'no')
        return {
          actions: [{ kind: 'say', text: p.wrongPerson }, { kind: 'hangup' }],
          effects: ['wrong_party'],
        };
      return retry(input, 'identity', p.identity, p);
    }
    case 'menu':
      return menuTurn(script, input);
    default:
      return assertUnreachable(input.step, 'voice step');
  }
}

function menuTurn(script: VoiceScript, input: VoiceTurnInput): VoiceTurn {
  const p = script.prompts;
  const choice = menuChoice(input);
  switch (choice) {
    case 'agent':
      if (script.agentNumber)
        return {
          actions: [
            { kind: 'say', text: p.transferring },
            { kind: 'dial', number: script.agentNumber },
          ],
          effects: ['transfer_to_agent'],
        };
      // No agent line configured: promise a call back rather than dropping the request.
      return {
        actions: [
          { kind: 'say', text: callbackPromise(script.locale) },
          { kind: 'say', text: p.goodbye },
          { kind: 'hangup' },
        ],
        effects: ['transfer_to_agent'],
      };
    case 'link':
      return {
        actions: [{ kind: 'say', text: p.linkSent }, { kind: 'hangup' }],
        effects: ['send_payment_link'],
      };
    case 'repeat':
      return {
        actions: [
          { kind: 'say', text: script.message },
          { kind: 'gather', step: 'menu', attempt: 0, prompt: p.menu },
        ],
        effects: [],
      };
    case 'stop':
      return {
        actions: [
          { kind: 'say', text: optOutConfirmation(script.locale) },
          { kind: 'say', text: p.goodbye },
          { kind: 'hangup' },
        ],
        effects: ['opt_out'],
      };
    case 'none':
      return retry(input, 'menu', p.menu, p);
    default:
      return assertUnreachable(choice, 'menu choice');
  }
}

function retry(input: VoiceTurnInput, step: VoiceStep, prompt: string, p: VoiceScriptFields): VoiceTurn {
  if (input.attempt >= MAX_RETRIES)
    return { actions: [{ kind: 'say', text: p.goodbye }, { kind: 'hangup' }], effects: ['no_response'] };
  return {
    actions: [
      { kind: 'say', text: p.noInput },
      { kind: 'gather', step, attempt: input.attempt + 1, prompt },
    ],
    effects: [],
  };
}

function callbackPromise(locale: string): string {
  return languageOf(locale) === 'es'
    ? 'En este momento no hay asesores disponibles. Le devolveremos la llamada en horario hábil.'
    : 'No agent is available right now. We will call you back during business hours.';
}

function optOutConfirmation(locale: string): string {
  return languageOf(locale) === 'es'
    ? 'Entendido, no volveremos a llamarle a este número.'
    : 'Understood. We will not call this number again.';
}

export function isVoiceStep(x: string): x is VoiceStep {
  return (voiceSteps as readonly string[]).includes(x);
}
