// @catkit/core: what users of catkit clients and authors of a client need: errors and their codes,
// transports, policies and credentials, the client context, paging, progress and logging.
// Explicit named exports only. Building blocks that only catkit's own protocol packages use are
// in "@catkit/core/internal" (src/internal.ts); configuration is "@catkit/core/config". Every
// change here shows in etc/core.api.md (tools/workspace/api-report.ts).

// errors
export { CatkitError, isCatkitError, type CatkitErrorOptions } from "./errors/catkit-error.js";
export { CoreErrorCode, type CatkitErrorCode, type CatkitErrorCodeRegistry } from "./errors/error-codes.js";
export { describeErrorCode, listErrorCodes, registerErrorCodes } from "./errors/error-code-registry.js";
export { HttpError, type HttpErrorInit } from "./errors/http-error.js";
export { AbortError, NetworkError, TimeoutError, type TimeoutPhase } from "./errors/transport-errors.js";
export { AuthError, ConfigError, InvalidArgumentError, ResponseValidationError, type ConfigLocation } from "./errors/client-errors.js";
export { redact, registerSecret } from "./errors/redact.js";

// transport
export type { ByteSource, CatkitRequest, HttpMethod, RequestBody, RequestTimeouts } from "./transport/request.js";
export type { CatkitResponse } from "./transport/response.js";
export type { Transport } from "./transport/transport.js";
export { UndiciTransport, type TlsClientOptions, type UndiciTransportOptions } from "./transport/undici-transport.js";
export { FastTransport, type FastTransportOptions } from "./transport/fast/fast-transport.js";
export { UNPOOLED, type BufferLease, type ChunkHandler, type PooledBody } from "./transport/fast/lent-chunk.js";
export { pooledBody } from "./transport/fast/pooled-body.js";
export { PositionedFileWriter, type PositionedFileWriterOptions, type PositionedWrite } from "./sink/positioned-file-writer.js";

// pipeline and policies
export { PHASES, type Phase, type Policy, type SendRequest } from "./pipeline/pipeline.js";
export { authPolicy, tokenAs, type ApplyToken, type AuthPolicyOptions } from "./policies/auth-policy.js";
export type { RetryOptions } from "./policies/retry-options.js";

// auth
export { bearerToken, type BearerTokenOptions } from "./auth/bearer-token.js";
export type { AccessToken, Credential, GetTokenOptions } from "./auth/credential.js";
export {
  sessionCredential,
  type SessionCredential,
  type SessionCredentialOptions,
  type SessionSource,
} from "./auth/session-credential.js";
export { staticSession } from "./auth/static-credential.js";

// bodies
export { readJson } from "./body/read-json.js";
export { expectStatus, type ErrorMapper, type ErrorResponse } from "./body/error-response.js";

// client plumbing
export { createClientContext, type ClientContext, type CoreClientOptions, type ServiceInfo } from "./client/client-context.js";
export type { Params, ServiceRequest, ServiceRequestPolicy } from "./client/service-request.js";

// paging and progress
export { collect } from "./paging/collect.js";
export { pages, type ByPageOptions, type Page, type PagedIterable, type PageSource } from "./paging/paged-iterable.js";
export { throttleProgress, type ProgressEvent, type ProgressListener } from "./progress/progress.js";

// logging
export { redactingLogger, silentLogger, type LogFn, type Logger } from "./logging/logger.js";
