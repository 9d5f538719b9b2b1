import twilio from 'twilio';

/** The SDK's HTTP client type; tests inject one that points at a local fake API on 127.0.0.1. */
export type TwilioHttpClient = NonNullable<NonNullable<Parameters<typeof twilio>[2]>['httpClient']>;

/** The SDK's `RestException`, with the `Retry-After` header Twilio answered with. */
export type TwilioRestError = InstanceType<typeof twilio.RestException> & { retryAfter?: string };

/**
 * The Twilio SDK's own request client with Saldo's deadline: `timeout` is the axios request
 * timeout, which aborts the request and destroys its socket (nothing is left open behind a
 * race), and the https agent's socket timeout. An error answer that carries `Retry-After` is
 * raised here as the SDK's `RestException` with `retryAfter`, since the SDK drops headers.
 * `rewriteBase` sends https://*.twilio.com to another base URL (tests: a fake on 127.0.0.1).
 */
export class TwilioRequestClient extends twilio.RequestClient {
  readonly #rewriteBase: string | undefined;
  constructor(o: { timeoutMs: number; rewriteBase?: string }) {
    super({ timeout: o.timeoutMs });
    this.#rewriteBase = o.rewriteBase;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors the SDK's own signature
  override async request<T>(opts: any) {
    const uri = this.#rewriteBase
      ? String(opts.uri).replace(/^https:\/\/[a-z.]*twilio\.com/, this.#rewriteBase)
      : opts.uri;
    const res = await super.request<T>({ ...opts, uri });
    const retryAfter = headerOf(res.headers, 'retry-after');
    if (res.statusCode >= 400 && retryAfter !== undefined)
      throw Object.assign(new twilio.RestException(res), { retryAfter }) as TwilioRestError;
    return res;
  }
}

function headerOf(headers: unknown, name: string): string | undefined {
  const v = (headers as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
}
