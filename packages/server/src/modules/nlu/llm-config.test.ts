import { describe, expect, it } from 'vitest';
import { isSaldoError } from '@saldo/core';
import { loadNluLlmConfig } from './llm-config.js';
import { loadConfig } from '../../platform/config.js';

const url = 'http://127.0.0.1:11434/v1';

function errorOf(env: Record<string, string>): string {
  try {
    loadNluLlmConfig(env);
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('SALDO_NLU_LLM_* configuration', () => {
  it('is off by default, and an empty URL is unset; the other variables are then ignored', () => {
    expect(loadNluLlmConfig({})).toBeUndefined();
    expect(
      loadNluLlmConfig({ SALDO_NLU_LLM_URL: '  ', SALDO_NLU_LLM_THRESHOLD: 'nonsense' }),
    ).toBeUndefined();
    expect(loadConfig({}).nlu.llm).toBeUndefined();
  });

  it('reads a full configuration with defaults for threshold (0.5) and timeout (3000 ms)', () => {
    expect(loadNluLlmConfig({ SALDO_NLU_LLM_URL: url, SALDO_NLU_LLM_MODEL: 'llama3.1:8b' })).toEqual({
      baseUrl: url,
      model: 'llama3.1:8b',
      apiKey: undefined,
      threshold: 0.5,
      timeoutMs: 3000,
    });
    expect(
      loadConfig({
        SALDO_NLU_LLM_URL: url,
        SALDO_NLU_LLM_MODEL: 'm',
        SALDO_NLU_LLM_API_KEY: 'sk-1',
        SALDO_NLU_LLM_THRESHOLD: '0.35',
        SALDO_NLU_LLM_TIMEOUT_MS: '1500',
      }).nlu.llm,
    ).toEqual({ baseUrl: url, model: 'm', apiKey: 'sk-1', threshold: 0.35, timeoutMs: 1500 });
  });

  it('refuses a URL without a model, with a message that names the variable', () => {
    expect(errorOf({ SALDO_NLU_LLM_URL: url })).toMatch(
      /SALDO_NLU_LLM_MODEL is required when SALDO_NLU_LLM_URL is set/,
    );
    expect(() => loadConfig({ SALDO_NLU_LLM_URL: url })).toThrow(/SALDO_NLU_LLM_MODEL/);
  });

  it('refuses malformed values, one message per variable', () => {
    const msg = errorOf({
      SALDO_NLU_LLM_URL: 'localhost:11434',
      SALDO_NLU_LLM_MODEL: 'm',
      SALDO_NLU_LLM_THRESHOLD: '1.5',
      SALDO_NLU_LLM_TIMEOUT_MS: 'soon',
    });
    expect(msg).toMatch(/SALDO_NLU_LLM_URL must be an http\(s\) base URL/);
    expect(msg).toMatch(/SALDO_NLU_LLM_THRESHOLD must be a number from 0 to 1/);
    expect(msg).toMatch(/SALDO_NLU_LLM_TIMEOUT_MS must be a whole number of milliseconds/);
    expect(
      errorOf({ SALDO_NLU_LLM_URL: url, SALDO_NLU_LLM_MODEL: 'm', SALDO_NLU_LLM_TIMEOUT_MS: '10' }),
    ).toMatch(/at least 100 ms/);
  });
});
