import { describe, expect, it } from 'vitest';
import { defaultTemplates, findTemplate } from './default-templates.js';
import { renderMessage, sampleContext } from './template.js';
import { identityAnswer, menuChoice, nextVoiceTurn, type VoiceScript } from './voice-script.js';

function script(locale: 'es-MX' | 'es-ES' | 'en-US', agentNumber?: string): VoiceScript {
  const call = renderMessage(
    findTemplate(defaultTemplates, { purpose: 'reminder_call', channel: 'voicebot', locale })!,
    sampleContext(locale, 'voicebot'),
  );
  const vm = renderMessage(
    findTemplate(defaultTemplates, { purpose: 'voicemail', channel: 'voicemail', locale })!,
    sampleContext(locale, 'voicemail'),
  );
  if (!call.ok || !vm.ok || !call.message.voice) throw new Error('render failed');
  return {
    locale,
    message: call.message.text,
    prompts: call.message.voice,
    voicemail: vm.message.text,
    ...(agentNumber ? { agentNumber } : {}),
  };
}

describe('voice turn loop', () => {
  it('asks who answered before saying anything about the debt', () => {
    const t = nextVoiceTurn(script('es-MX'), { step: 'answer', attempt: 0, answeredBy: 'human' });
    expect(t.actions).toHaveLength(1);
    expect(t.actions[0]).toMatchObject({ kind: 'gather', step: 'identity' });
    expect(JSON.stringify(t.actions)).not.toMatch(/12,345|saldo pendiente/);
  });

  it('a machine gets only the limited-content voicemail', () => {
    const t = nextVoiceTurn(script('en-US'), { step: 'answer', attempt: 0, answeredBy: 'machine' });
    expect(t.actions).toEqual([
      { kind: 'say', text: expect.stringMatching(/^Hello, this is Michael Brown from Saldo Services/) },
      { kind: 'hangup' },
    ]);
    expect(t.effects).toEqual(['voicemail_left']);
  });

  it('confirmed identity → the message and the menu', () => {
    const t = nextVoiceTurn(script('en-US'), { step: 'identity', attempt: 0, speech: 'Yes, speaking.' });
    expect(t.effects).toEqual(['identity_confirmed']);
    expect(t.actions[0]).toMatchObject({
      kind: 'say',
      text: expect.stringContaining('This communication is from a debt collector'),
    });
    expect(t.actions[1]).toMatchObject({ kind: 'gather', step: 'menu' });
  });

  it('wrong person → apology and hang up', () => {
    expect(
      nextVoiceTurn(script('es-ES'), { step: 'identity', attempt: 0, speech: 'No, se ha equivocado' })
        .effects,
    ).toEqual(['wrong_party']);
  });

  it('"agente" or 1 transfers to the agent number', () => {
    const t = nextVoiceTurn(script('es-MX', '+525512345678'), {
      step: 'menu',
      attempt: 0,
      speech: 'quiero hablar con un asesor',
    });
    expect(t.actions.at(-1)).toEqual({ kind: 'dial', number: '+525512345678' });
    expect(t.effects).toEqual(['transfer_to_agent']);
    expect(
      nextVoiceTurn(script('es-MX', '+525512345678'), { step: 'menu', attempt: 0, digits: '1' }).actions.at(
        -1,
      ),
    ).toMatchObject({ kind: 'dial' });
  });

  it('without an agent number, promises a call back', () => {
    const t = nextVoiceTurn(script('en-US'), { step: 'menu', attempt: 0, digits: '1' });
    expect(t.actions.some((a) => a.kind === 'dial')).toBe(false);
    expect(t.actions.at(-1)).toEqual({ kind: 'hangup' });
  });

  it('"no me llamen" records an opt-out; "link" sends the link', () => {
    expect(
      nextVoiceTurn(script('es-MX'), { step: 'menu', attempt: 0, speech: 'ya no me llamen' }).effects,
    ).toEqual(['opt_out']);
    expect(
      nextVoiceTurn(script('en-US'), { step: 'menu', attempt: 0, speech: 'text me the link' }).effects,
    ).toEqual(['send_payment_link']);
  });

  it('re-asks twice on silence, then says goodbye', () => {
    const s = script('en-US');
    expect(nextVoiceTurn(s, { step: 'menu', attempt: 0 }).actions.at(-1)).toMatchObject({
      kind: 'gather',
      attempt: 1,
    });
    expect(nextVoiceTurn(s, { step: 'menu', attempt: 1 }).actions.at(-1)).toMatchObject({
      kind: 'gather',
      attempt: 2,
    });
    expect(nextVoiceTurn(s, { step: 'menu', attempt: 2 })).toMatchObject({
      effects: ['no_response'],
      actions: [{ kind: 'say' }, { kind: 'hangup' }],
    });
  });

  it('recognises answers in both languages', () => {
    expect(identityAnswer({ speech: 'Sí, soy yo' })).toBe('yes');
    expect(identityAnswer({ speech: 'número equivocado' })).toBe('no');
    expect(menuChoice({ speech: 'mándame la liga' })).toBe('link');
    expect(menuChoice({ speech: 'can you repeat that' })).toBe('repeat');
    expect(menuChoice({ speech: 'do not call me again' })).toBe('stop');
  });
});
