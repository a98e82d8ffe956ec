import type { ProviderId } from "./types";

/** A provider answered, but not with what we need (bad credentials, rejected request, unexpected body). */
export class PaymentProviderError extends Error {
  readonly provider: ProviderId;
  readonly code: string;
  /** The provider's HTTP status, when there was one. */
  readonly httpStatus: number | null;
  readonly details: unknown;

  constructor(args: { provider: ProviderId; code: string; message: string; httpStatus?: number | null; details?: unknown }) {
    super(args.message);
    this.name = "PaymentProviderError";
    this.provider = args.provider;
    this.code = args.code;
    this.httpStatus = args.httpStatus ?? null;
    this.details = args.details ?? null;
  }
}

/**
 * The provider could not be reached or failed on its side (network, timeout, 5xx, 429, open circuit).
 * Transient: retry later or offer another payment method. Only these count against the circuit breaker.
 */
export class PaymentProviderUnavailableError extends PaymentProviderError {
  constructor(args: { provider: ProviderId; code: string; message: string; httpStatus?: number | null; details?: unknown }) {
    super(args);
    this.name = "PaymentProviderUnavailableError";
  }
}
