// @saldo/core/channels — channel vocabulary, the safe template language, SMS segments,
// required content per country, WhatsApp template fields, the default templates, the voice
// turn loop and the sandbox behaviour model. Pure: no I/O, no clock.
export * from './channel.js';
export * from './types.js';
export * from './template-language.js';
export * from './template-values.js';
export * from './template.js';
export * from './sms-segments.js';
export * from './required-content.js';
export * from './whatsapp-template.js';
export * from './whatsapp-window.js';
export * from './mail-addresses.js';
export * from './opt-out-keywords.js';
export * from './default-templates.js';
export * from './voice-script.js';
export * from './sandbox-model.js';
export * from './sandbox-replies.js';
export * from './sandbox-conversation.js';
export * from './sandbox-conversation-replies.js';
