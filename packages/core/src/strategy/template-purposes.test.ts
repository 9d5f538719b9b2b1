import { describe, expect, it } from 'vitest';
import { defaultTemplates, templateChannelsFor, templatePurposes } from '../channels/index.js';
import { defaultTemplateIds, defaultTemplateRefs } from './default-strategy.js';
import { strategyTemplatePurposes } from './template-purposes.js';

describe('strategyTemplatePurposes', () => {
  it('names a purpose for every template of the default strategy, and nothing else', () => {
    expect(Object.keys(strategyTemplatePurposes).sort()).toEqual([...defaultTemplateIds].sort());
    for (const p of Object.values(strategyTemplatePurposes)) expect(templatePurposes).toContain(p);
  });

  it('points every default strategy template at a built-in template of that purpose on its channel', () => {
    for (const ref of defaultTemplateRefs) {
      const purpose = strategyTemplatePurposes[ref.id];
      const served = [...templateChannelsFor(ref.channel), 'voicemail'];
      expect(
        defaultTemplates.some((t) => t.purpose === purpose && served.includes(t.channel)),
        ref.id,
      ).toBe(true);
    }
  });
});
