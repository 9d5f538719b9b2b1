import { describe, expect, it } from 'vitest';
import {
  channels,
  dispatchChannels,
  electronicChannels,
  isChannel,
  isElectronicChannel,
  preferenceChannelOf,
  preferenceChannels,
  textChannels,
  twoWayChannels,
  voiceChannels,
  writtenChannels,
} from './channel.js';

const subsets = {
  voiceChannels,
  writtenChannels,
  electronicChannels,
  textChannels,
  twoWayChannels,
  dispatchChannels,
  preferenceChannels,
};

describe('the channel vocabulary', () => {
  it('has seven channels, each once', () => {
    expect(new Set(channels).size).toBe(7);
    expect(channels).toHaveLength(7);
  });

  it.each(Object.entries(subsets))('%s is a subset of channels without repeats', (_name, subset) => {
    expect(new Set(subset).size).toBe(subset.length);
    for (const c of subset) expect(channels).toContain(c);
  });

  it('splits every channel into voice or written', () => {
    expect([...voiceChannels, ...writtenChannels].sort()).toEqual([...channels].sort());
    expect(voiceChannels.filter((c) => (writtenChannels as readonly string[]).includes(c))).toEqual([]);
  });

  it('nests the written subsets: text ⊂ electronic ⊂ written', () => {
    for (const c of textChannels) expect(electronicChannels).toContain(c);
    for (const c of electronicChannels) expect(writtenChannels).toContain(c);
    expect(writtenChannels.filter((c) => !(electronicChannels as readonly string[]).includes(c))).toEqual([
      'letter',
    ]);
  });

  it('leaves what cannot be answered out of the two-way channels, and post out of dispatch', () => {
    expect(channels.filter((c) => !(twoWayChannels as readonly string[]).includes(c))).toEqual([
      'voicemail',
      'letter',
    ]);
    expect(channels.filter((c) => !(dispatchChannels as readonly string[]).includes(c))).toEqual(['letter']);
  });

  it('keeps the orders its users show (compliance docs, stored journey opt-outs)', () => {
    expect(writtenChannels).toEqual(['sms', 'whatsapp', 'email', 'letter']);
    expect(preferenceChannels).toEqual(['email', 'sms', 'whatsapp', 'call']);
  });

  it('maps every channel to the preference it falls under', () => {
    expect(Object.fromEntries(channels.map((c) => [c, preferenceChannelOf(c)]))).toEqual({
      call: 'call',
      voicebot: 'call',
      voicemail: 'call',
      sms: 'sms',
      whatsapp: 'whatsapp',
      email: 'email',
      letter: null,
    });
    expect(preferenceChannelOf('all')).toBeNull();
    for (const p of preferenceChannels) expect(preferenceChannelOf(p)).toBe(p);
  });

  it('recognises channels and electronic channels', () => {
    expect(isChannel('voicemail')).toBe(true);
    expect(isChannel('fax')).toBe(false);
    expect(channels.filter(isElectronicChannel)).toEqual(['sms', 'whatsapp', 'email']);
  });
});
