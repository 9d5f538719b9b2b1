import { describe, expect, it } from 'vitest';
import { isSaldoError } from '@saldo/core';
import { loadConfig } from '../../platform/config.js';
import { loadDialogueRephraseConfig } from './rephrase-config.js';

const url = 'http://127.0.0.1:11434/v1';

function errorOf(env: Record<string, string>): string {
  try {
    loadDialogueRephraseConfig(env);
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('SALDO_DIALOGUE_REPHRASE* configuration', () => {
  it('is off by default, and off ignores the other variables (even the NLU endpoint)', () => {
    expect(loadDialogueRephraseConfig({})).toBeUndefined();
    expect(
      loadDialogueRephraseConfig({
        SALDO_DIALOGUE_REPHRASE: 'off',
        SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS: 'soon',
        SALDO_NLU_LLM_URL: url,
      }),
    ).toBeUndefined();
    expect(
      loadConfig({ SALDO_NLU_LLM_URL: url, SALDO_NLU_LLM_MODEL: 'm' }).dialogue.rephrase,
    ).toBeUndefined();
  });

  it('reads its own endpoint, model and key, with a 1500 ms deadline by default', () => {
    expect(
      loadConfig({
        SALDO_DIALOGUE_REPHRASE: 'on',
        SALDO_DIALOGUE_REPHRASE_URL: url,
        SALDO_DIALOGUE_REPHRASE_MODEL: 'llama3.1:8b',
        SALDO_DIALOGUE_REPHRASE_API_KEY: 'sk-r',
      }).dialogue.rephrase,
    ).toEqual({ baseUrl: url, model: 'llama3.1:8b', apiKey: 'sk-r', timeoutMs: 1500 });
  });

  it("falls back to the NLU's endpoint with its key; its own model may replace the NLU's", () => {
    const nlu = { SALDO_NLU_LLM_URL: url, SALDO_NLU_LLM_MODEL: 'nlu-model', SALDO_NLU_LLM_API_KEY: 'sk-n' };
    expect(loadDialogueRephraseConfig({ SALDO_DIALOGUE_REPHRASE: 'on', ...nlu })).toEqual({
      baseUrl: url,
      model: 'nlu-model',
      apiKey: 'sk-n',
      timeoutMs: 1500,
    });
    expect(
      loadDialogueRephraseConfig({
        SALDO_DIALOGUE_REPHRASE: 'on',
        SALDO_DIALOGUE_REPHRASE_MODEL: 'writer',
        SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS: '800',
        ...nlu,
      }),
    ).toEqual({ baseUrl: url, model: 'writer', apiKey: 'sk-n', timeoutMs: 800 });
    // A key goes to its own endpoint only: the NLU's key is not sent to the rewording's URL.
    expect(
      loadDialogueRephraseConfig({
        SALDO_DIALOGUE_REPHRASE: 'on',
        SALDO_DIALOGUE_REPHRASE_URL: 'https://llm.example.com/v1',
        SALDO_DIALOGUE_REPHRASE_MODEL: 'writer',
        ...nlu,
      })?.apiKey,
    ).toBeUndefined();
  });

  it('refuses on without an endpoint or a model, and malformed values, naming the variable', () => {
    expect(errorOf({ SALDO_DIALOGUE_REPHRASE: 'yes' })).toMatch(/SALDO_DIALOGUE_REPHRASE must be on or off/);
    expect(errorOf({ SALDO_DIALOGUE_REPHRASE: 'on' })).toMatch(
      /needs an endpoint: SALDO_DIALOGUE_REPHRASE_URL \(or SALDO_NLU_LLM_URL\)/,
    );
    expect(errorOf({ SALDO_DIALOGUE_REPHRASE: 'on', SALDO_DIALOGUE_REPHRASE_URL: url })).toMatch(
      /SALDO_DIALOGUE_REPHRASE_MODEL is required with SALDO_DIALOGUE_REPHRASE=on/,
    );
    const msg = errorOf({
      SALDO_DIALOGUE_REPHRASE: 'on',
      SALDO_DIALOGUE_REPHRASE_URL: 'localhost:11434',
      SALDO_DIALOGUE_REPHRASE_MODEL: 'm',
      SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS: '60000',
    });
    expect(msg).toMatch(/SALDO_DIALOGUE_REPHRASE_URL must be an http\(s\) base URL/);
    expect(msg).toMatch(/SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS must be at most 10000 ms/);
    expect(() => loadConfig({ SALDO_DIALOGUE_REPHRASE: 'on' })).toThrow(/SALDO_DIALOGUE_REPHRASE_URL/);
  });
});
