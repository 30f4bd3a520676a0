// Dead-lettering, shared by the ICAT messages and the SciCat mirror's: the message goes to
// prefix + its queue with why, after how many attempts, and from where in headers; the send is
// confirmed by a broker receipt before the original is acknowledged, so nothing is lost between.
import { redact } from "@catkit/core";
import { MESSAGE_ID_HEADER } from "@catkit/icat-plus";
import type { ReceivedMessage } from "./stomp-consumer.js";

/**
 * Header naming why a message was dead-lettered (the same one the ICAT+ sandbox ingester uses).
 *
 * @example
 * ```ts
 * const reason = deadLetter.headers[DEAD_LETTER_REASON_HEADER];
 * ```
 */
export const DEAD_LETTER_REASON_HEADER = "catkit-dead-letter-reason";

/**
 * Sends `m` to `${prefix}${m.queue}` with the reason (redacted, one line), then acknowledges it.
 * Returns the reason as sent.
 *
 * @example
 * ```ts
 * const reason = await deadLetter(message, err, 3, "DLQ.");
 * ```
 */
export async function deadLetter(m: ReceivedMessage, err: unknown, attempts: number, prefix: string): Promise<string> {
  const reason = redact(err instanceof Error ? err.message : String(err)).replace(/[\r\n]+/g, " ").slice(0, 500);
  const headers: Record<string, string> = {
    [DEAD_LETTER_REASON_HEADER]: reason, "catkit-dead-letter-attempts": String(attempts), "catkit-original-queue": m.queue,
  };
  const messageId = m.headers[MESSAGE_ID_HEADER];
  if (messageId) headers[MESSAGE_ID_HEADER] = messageId;
  await m.forward(`${prefix}${m.queue}`, headers);
  m.ack();
  return reason;
}
