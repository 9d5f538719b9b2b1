import { describe, expect, it } from 'vitest';
import { esCatalog, type ReplyKey } from './catalog-es.js';
import { dialogueLocales } from './overrides.js';
import { spoken } from './spoken.js';
import { composeReply } from './compose.js';
import { catalogText, replyFormat } from './render.js';

// Words about writing, except the notice that is sent in writing whatever the channel.
const writingWords = /escrib|(?<!in )writ|\bread that\b|leer el dato/i;

describe('replies said on a call', () => {
  it('no sentence of any locale speaks of writing when it is said on a call', () => {
    for (const locale of dialogueLocales) {
      const lang = locale.startsWith('en') ? 'en' : 'es';
      for (const key of Object.keys(esCatalog) as ReplyKey[]) {
        const said = spoken(lang, catalogText(locale, key)).replace(/por escrito/g, '');
        expect(said, `${locale} ${key}`).not.toMatch(writingWords);
      }
    }
  });

  it('says who is calling on a call, and who writes in a message', () => {
    const parts = [{ key: 'identify_dob' as const, vars: { collector: 'Grupo Norte' } }];
    const format = replyFormat('es', 'MX', 'MXN');
    const onCall = composeReply(parts, {
      kind: 'identity_check',
      format,
      country: 'MX',
      channel: 'voicebot',
    });
    const inText = composeReply(parts, { kind: 'identity_check', format, country: 'MX', channel: 'sms' });
    expect(onCall.text).toMatch(/^Hola, le habla Grupo Norte\./);
    expect(inText.text).toMatch(/^Hola, le escribe Grupo Norte\./);
    const en = composeReply(
      [
        {
          key: 'disclosure',
          vars: { collector: 'Grupo Norte', creditor: 'Banco', today: 'today', balance: '$1' },
        },
      ],
      {
        kind: 'disclosure',
        format: replyFormat('en', 'US', 'USD'),
        country: 'US',
        channel: 'voicebot',
      },
    );
    expect(en.text).toContain('This is Grupo Norte calling on behalf of Banco.');
  });
});
