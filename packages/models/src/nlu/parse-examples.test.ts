import { describe, expect, it } from 'vitest';
import { parseExamples } from './parse-examples.js';

describe('parseExamples', () => {
  it('reports bad example lines with their row', () => {
    expect(() => parseExamples('{"text":"ok","intent":"affirm"}\nnope\n{"text":1}', 'x.jsonl')).toThrow(
      /2 invalid/,
    );
  });
});
