/**
 * Clock skew correction: the client signs with its own clock plus an offset learnt from the
 * service's `Date` response header, so a machine whose clock is wrong (a laptop after a suspend,
 * a VM, a badly set browser machine) still produces signatures the service accepts.
 *
 * Facts from the AWS SDKs: they sign at `Date.now() + systemClockOffset`; the offset starts at
 * `config.systemClockOffset` (default 0); a response whose `Date` is more than 5 minutes from the
 * corrected clock sets the offset to `Date - now`; an error with one of the clock-skew codes below
 * is retried when that correction happened. Responses that carry `Age` (served from a cache, so
 * their `Date` is old) teach nothing. The offset lives in one client and is shared by its calls.
 *
 * Browsers: `Date` is not a CORS-safelisted response header, so a cross-origin `fetch` sees it only
 * when the service answers with `Access-Control-Expose-Headers: Date`; where it is hidden, nothing
 * is corrected and the caller's `systemClockOffset` is the only correction.
 */

/** Error codes the AWS SDKs treat as "maybe your clock is wrong" (`@smithy/service-error-classification`). */
export const CLOCK_SKEW_ERROR_CODES: ReadonlySet<string> = new Set([
  "AuthFailure",
  "InvalidSignatureException",
  "RequestExpired",
  "RequestInTheFuture",
  "RequestTimeTooSkewed",
  "SignatureDoesNotMatch",
  "AccessDeniedException",
]);

/** How far the service's `Date` may be from the corrected clock before the offset changes: 5 minutes. */
export const CLOCK_SKEW_THRESHOLD_MS: number = 5 * 60 * 1000;

/** The corrected clock of one client. Not tied to a transport: unit-tested directly. */
export class SigningClock {
  /** Milliseconds added to `Date.now()` when signing. */
  offsetMs: number;
  /** The last `Date` header read and its parsed value: at high call rates most headers repeat. */
  #lastHeader = "";
  #lastServerTime = Number.NaN;

  constructor(offsetMs = 0) {
    this.offsetMs = offsetMs;
  }

  /** The time to sign with, in ms since the epoch (the local clock plus the offset). */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /**
   * Learns from one response's `Date` header. `sentAt` and `receivedAt` are local times (ms,
   * `Date.now()`) at signing and on receipt: the service wrote `Date` in between. The offset
   * changes only when `Date` is more than the threshold outside that window on the corrected
   * clock; `Date` has whole seconds, so the window is widened by one second. Returns true when
   * the offset changed.
   */
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): boolean {
    if (dateHeader === undefined) return false;
    let serverTime: number;
    if (dateHeader === this.#lastHeader) {
      serverTime = this.#lastServerTime;
    } else {
      serverTime = Date.parse(dateHeader);
      this.#lastHeader = dateHeader;
      this.#lastServerTime = serverTime;
    }
    if (Number.isNaN(serverTime)) return false;
    const offset = this.offsetMs;
    if (
      serverTime + 1000 >= sentAt + offset - CLOCK_SKEW_THRESHOLD_MS &&
      serverTime <= receivedAt + offset + CLOCK_SKEW_THRESHOLD_MS
    ) {
      return false;
    }
    this.offsetMs = serverTime - receivedAt;
    return true;
  }
}

/** Whether an offset used to sign an attempt is now out of date by more than the threshold. */
export function offsetMoved(signedWith: number, current: number): boolean {
  return Math.abs(current - signedWith) > CLOCK_SKEW_THRESHOLD_MS;
}
