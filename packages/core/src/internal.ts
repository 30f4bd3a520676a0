// @catkit/core/internal: building blocks that catkit's own protocol packages (icat, ids,
// icat-plus, scicat) share, and that users need not know: request encoders, the policies the
// client context assembles, body readers, redaction details. Not covered by semver: a change
// here may come in any release, together with the packages that use it. Every change shows in
// etc/core-internal.api.md (tools/workspace/api-report.ts), so it is reviewed all the same.

// errors and redaction
export { redactHeaders, redactUrl, redactValue } from "./errors/redact.js";
export { MAX_QUOTED_URL, quoteUrl } from "./errors/quote-url.js";
export { toCatkitError, type ErrorContext } from "./errors/to-catkit-error.js";

// requests and responses
export { formBody, isReplayable, jsonBody, requestUrl, streamBody, toParams } from "./transport/request.js";
export { header } from "./transport/response.js";
export { pooledFromReadable, readableFromPooled } from "./transport/fast/pooled-body.js";
export { copiedChunks, fileChunks, lentRing, markLent, type LentChunks } from "./transport/fast/file-chunks.js";

// files and checksums
export { closeFd, openFd, readFd, syncFd, truncateFd } from "./sink/fd-calls.js";
export { crc32Combine } from "./checksum/crc32-combine.js";
export { crc32Function, nativeCrc32, type Crc32Function } from "./checksum/crc32-function.js";
export { Crc32Sequence, type Crc32SequenceOptions } from "./checksum/crc32-sequence.js";
export { crc32InThread, isShared, stopCrc32Thread } from "./checksum/crc32-thread.js";

// pipeline and the policies createClientContext assembles
export { createPipeline } from "./pipeline/pipeline.js";
export { backoffDelay, parseRetryAfter, sleep } from "./policies/backoff.js";
export { logPolicy } from "./policies/log-policy.js";
export { DEFAULT_RETRY, IDEMPOTENT_METHODS, NEVER_RETRY_STATUSES } from "./policies/retry-options.js";
export { retryPolicy } from "./policies/retry-policy.js";
export { userAgentPolicy } from "./policies/user-agent-policy.js";
export { jwtExpiry } from "./auth/jwt.js";

// bodies
export { DEFAULT_MAX_BODY_BYTES, discardBody, peekBody, readBytes, readText } from "./body/read-body.js";
export { formatIssues, validate } from "./body/read-json.js";
export { errorBodyMapper, httpErrorMapper, type BodyShape, type ShapeOutput, mapErrorResponse, readErrorBody, type HttpErrorHints } from "./body/error-response.js";
export { serviceRequester } from "./client/service-request.js";
