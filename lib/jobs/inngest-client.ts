import { Inngest } from "inngest";

const INNGEST_APP_ID = "livestreamsell";

export interface InngestClientConfig {
  /** Sends events (Inngest Cloud, or any key a self-hosted `inngest start` accepts). */
  eventKey?: string;
  /** Authenticates Inngest's calls to /api/inngest; required in cloud mode. */
  signingKey?: string;
  /** Self-hosted server or dev server URL; unset means Inngest Cloud. */
  baseUrl?: string;
  /** Talk to `inngest dev` (no keys, no request signing). */
  isDev?: boolean;
}

/**
 * The one Inngest client. v4 reads all of its options here (not in `serve()`); the caller passes
 * them in, so tests and scripts can build a client without touching process.env.
 */
export function createInngestClient(config: InngestClientConfig = {}) {
  return new Inngest({
    id: INNGEST_APP_ID,
    isDev: config.isDev ?? false,
    ...(config.eventKey && { eventKey: config.eventKey }),
    ...(config.signingKey && { signingKey: config.signingKey }),
    ...(config.baseUrl && { baseUrl: config.baseUrl }),
  });
}

export type InngestClient = ReturnType<typeof createInngestClient>;
