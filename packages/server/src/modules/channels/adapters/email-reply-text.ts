import EmailReplyParser from 'email-reply-parser';

/**
 * Where an Outlook desktop reply starts the original it quotes, in English and Spanish: a line the
 * parser below does not treat as a quote header.
 */
const ORIGINAL_MESSAGE = /^-{2,}\s*(Original Message|Mensaje original)\s*-{2,}$/i;

/**
 * What the person wrote in an e-mail reply, without the message it answers, the signature or the
 * "Sent from my phone" line. The quoted original is Saldo's own message, with its amounts and dates:
 * read as the debtor's words it would turn into promises nobody made. The quote headers of the
 * common clients ("On … wrote:" wrapped over two lines by Gmail, Outlook's "From: / Sent:" and
 * "De: / Enviado:" blocks, "El … escribió:") are the `email-reply-parser` library's (MIT).
 */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const cut = lines.findIndex((l) => ORIGINAL_MESSAGE.test(l.trim()));
  const own = (cut < 0 ? lines : lines.slice(0, cut)).join('\n');
  return new EmailReplyParser().read(own).getVisibleText().trim();
}
