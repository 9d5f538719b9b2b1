import { describe, expect, it } from 'vitest';
import { parseSaldoMailAddress, referencedMessageIds, saldoMailAddress } from './mail-addresses.js';

const DOMAINS = ['reply.saldo.example.com', 'In.Other.Example'];
const ID = 'msg_0123456789abcdef0123456789abcdef';

describe('Saldo mail addresses', () => {
  it('mints reply and bounce (VERP) addresses within the 64-character local-part limit', () => {
    expect(saldoMailAddress('reply', ID, 'Reply.Saldo.Example.com')).toBe(
      `reply+${ID}@reply.saldo.example.com`,
    );
    expect(saldoMailAddress('bounce', ID, DOMAINS[0]!).split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(() => saldoMailAddress('reply', 'x@y', DOMAINS[0]!)).toThrow(/not a Saldo message id/);
  });

  it('parses its own addresses back, only at the domains it receives for', () => {
    expect(parseSaldoMailAddress(`reply+${ID}@reply.saldo.example.com`, DOMAINS)).toEqual({
      kind: 'reply',
      messageId: ID,
      domain: 'reply.saldo.example.com',
    });
    expect(parseSaldoMailAddress(`BOUNCE+${ID}@in.other.example`, DOMAINS)).toEqual({
      kind: 'bounce',
      messageId: ID,
      domain: 'in.other.example',
    });
    expect(parseSaldoMailAddress('FBL@reply.saldo.example.com', DOMAINS)).toEqual({
      kind: 'report',
      mailbox: 'fbl',
      domain: 'reply.saldo.example.com',
    });
    expect(parseSaldoMailAddress('postmaster@in.other.example', DOMAINS)).toMatchObject({
      kind: 'report',
      mailbox: 'postmaster',
    });
    for (const bad of [
      `reply+${ID}@elsewhere.example`,
      'cobranza@reply.saldo.example.com',
      'reply+@reply.saldo.example.com',
      'reply+msg_x y@reply.saldo.example.com',
      'reply+usr_1@reply.saldo.example.com',
      'no-at-sign',
      '@reply.saldo.example.com',
    ])
      expect(parseSaldoMailAddress(bad, DOMAINS)).toBeNull();
  });

  it('finds the Saldo messages a report quotes', () => {
    const arf = `Content-Type: text/rfc822-headers\r\n\r\nReturn-Path: <bounce+${ID}@reply.saldo.example.com>\r\nX-Saldo-Message-Id: msg_other@mail.example.com\r\n`;
    expect(referencedMessageIds(arf)).toEqual(['msg_other', ID]);
    expect(referencedMessageIds('nothing here')).toEqual([]);
  });
});
