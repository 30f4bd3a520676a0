// @catkit/core: what every catkit protocol client is built on. Explicit named exports only.

// errors
export { CatkitError, isCatkitError, type CatkitErrorOptions } from "./errors/catkit-error.js";
export { CoreErrorCode, type CatkitErrorCode, type CatkitErrorCodeRegistry } from "./errors/error-codes.js";
export { describeErrorCode, listErrorCodes, registerErrorCodes } from "./errors/error-code-registry.js";
export { HttpError, type HttpErrorInit } from "./errors/http-error.js";
export { AbortError, NetworkError, TimeoutError, type TimeoutPhase } from "./errors/transport-errors.js";
export { AuthError, ConfigError, InvalidArgumentError, ResponseValidationError, type ConfigLocation } from "./errors/client-errors.js";
export { redact, redactHeaders, redactUrl, redactValue, registerSecret } from "./errors/redact.js";
export { MAX_QUOTED_URL, quoteUrl } from "./errors/quote-url.js";
export { toCatkitError, type ErrorContext } from "./errors/to-catkit-error.js";

// transport
export {
  formBody,
  isReplayable,
  jsonBody,
  requestUrl,
  streamBody,
  toParams,
  type ByteSource,
  type CatkitRequest,
  type HttpMethod,
  type RequestBody,
  type RequestTimeouts,
} from "./transport/request.js";
export { header, type CatkitResponse } from "./transport/response.js";
export type { Transport } from "./transport/transport.js";
export { UndiciTransport, type TlsClientOptions, type UndiciTransportOptions } from "./transport/undici-transport.js";
export { FastTransport, type FastTransportOptions } from "./transport/fast/fast-transport.js";
export { UNPOOLED, type BufferLease, type ChunkHandler, type PooledBody } from "./transport/fast/lent-chunk.js";
export { pooledBody, pooledFromReadable, readableFromPooled } from "./transport/fast/pooled-body.js";
export { copiedChunks, fileChunks, lentRing, markLent, type LentChunks } from "./transport/fast/file-chunks.js";
export { PositionedFileWriter, type PositionedFileWriterOptions, type PositionedWrite } from "./sink/positioned-file-writer.js";

// pipeline and policies
export { createPipeline, PHASES, type Phase, type Policy, type SendRequest } from "./pipeline/pipeline.js";
export { authPolicy, tokenAs, type ApplyToken, type AuthPolicyOptions } from "./policies/auth-policy.js";
export { backoffDelay, parseRetryAfter, sleep } from "./policies/backoff.js";
export { logPolicy } from "./policies/log-policy.js";
export { DEFAULT_RETRY, IDEMPOTENT_METHODS, NEVER_RETRY_STATUSES, type RetryOptions } from "./policies/retry-options.js";
export { retryPolicy } from "./policies/retry-policy.js";
export { userAgentPolicy } from "./policies/user-agent-policy.js";

// auth
export { bearerToken, type BearerTokenOptions } from "./auth/bearer-token.js";
export type { AccessToken, Credential, GetTokenOptions } from "./auth/credential.js";
export { jwtExpiry } from "./auth/jwt.js";
export {
  sessionCredential,
  type SessionCredential,
  type SessionCredentialOptions,
  type SessionInfo,
  type SessionSource,
} from "./auth/session-credential.js";
export { staticSession } from "./auth/static-credential.js";

// bodies
export { DEFAULT_MAX_BODY_BYTES, discardBody, peekBody, readBytes, readText } from "./body/read-body.js";
export { formatIssues, readJson, validate } from "./body/read-json.js";
export {
  errorBodyMapper,
  type BodyShape,
  type ShapeOutput,
  expectStatus,
  httpErrorMapper,
  mapErrorResponse,
  readErrorBody,
  type ErrorMapper,
  type ErrorResponse,
  type HttpErrorHints,
} from "./body/error-response.js";

// client plumbing
export { createClientContext, type ClientContext, type CoreClientOptions, type ServiceInfo } from "./client/client-context.js";
export { serviceRequester, type Params, type ServiceRequest, type ServiceRequestPolicy } from "./client/service-request.js";

// paging and progress
export { collect } from "./paging/collect.js";
export { pages, type ByPageOptions, type Page, type PagedIterable, type PageSource } from "./paging/paged-iterable.js";
export { throttleProgress, type ProgressEvent, type ProgressListener } from "./progress/progress.js";

// config: the "@catkit/core/config" subpath (src/config/index.ts), loaded only by those who read configuration

// logging
export { redactingLogger, silentLogger, type LogFn, type Logger } from "./logging/logger.js";
