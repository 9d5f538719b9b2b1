const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text for HTML content and quoted attribute values. Every value interpolated into a portal page
 * goes through it: debtor names and creditor texts are user data.
 *
 * @example
 * escapeHtml('<b>"Ana" & co</b>') // → '&lt;b&gt;&quot;Ana&quot; &amp; co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] as string);
}
