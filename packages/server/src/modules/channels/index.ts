export {
  buildChannels,
  type BuildChannelsOptions,
  type Channels,
  type ChannelsConfig,
} from './create-channels.js';
export { startInboundSmtp } from './start-inbound-smtp.js';
export { inboundEmailDomains, loadInboundSmtpConfig, type InboundSmtpConfig } from './inbound-mail-config.js';
export { providerSettingsFromEnv } from './adapters/create-channel-providers.js';
export { resealChannelSettings } from './adapters/sql/reseal-channel-settings.js';
export { SandboxChannelProvider } from './adapters/sandbox.js';
// The signature Twilio sends: the inbound-webhook benchmark signs its load with it.
export { signTwilioRequest } from './adapters/webhooks/twilio-webhook.js';
export type { OrgChannelSettings } from './ports/channel-settings.js';
export * from './ports/messaging.js';
export * from './ports/send-path-checkpoint.js';
export type { ChannelDomainEvent } from './ports/channel-records.js';
export type { ContactTargetStore, OutboundMessageStore } from './ports/contact-records.js';
export {
  chooseTemplate,
  complianceInput,
  debtorLocale,
  HISTORY_DAYS,
} from './usecases/contact-debtor-input.js';
export { SEND_LEASE_MS, type ContactObserver } from './usecases/contact-debtor.js';
export { sandboxReplyIntent } from './adapters/sandbox-replies.js';
export type {
  OrgInboundEvent,
  VoiceDialogue,
  VoiceDialogueAnswer,
  VoiceDialogueLocale,
} from './ports/channel-provider.js';
