// What every protocol client is built on: a base URL, a transport, the pipeline with retry,
// auth, user agent and logging already in place, and a logger that redacts. Protocol packages
// never assemble transports or pipelines themselves.
import type { Credential } from "../auth/credential.js";
import { staticSession } from "../auth/static-credential.js";
import { InvalidArgumentError } from "../errors/client-errors.js";
import { redactingLogger, silentLogger, type Logger } from "../logging/logger.js";
import { createPipeline, type Policy, type SendRequest } from "../pipeline/pipeline.js";
import { authPolicy, type ApplyToken, type AuthPolicyOptions } from "../policies/auth-policy.js";
import { logPolicy } from "../policies/log-policy.js";
import type { RetryOptions } from "../policies/retry-options.js";
import { retryPolicy } from "../policies/retry-policy.js";
import { userAgentPolicy } from "../policies/user-agent-policy.js";
import type { Transport } from "../transport/transport.js";
import { FastTransport, type FastTransportOptions } from "../transport/fast/fast-transport.js";
import type { CatkitResponse } from "../transport/response.js";
import { serviceRequester, type ServiceRequest, type ServiceRequestPolicy } from "./service-request.js";

/** Options every catkit client accepts. */
export interface CoreClientOptions {
  /** The service's base URL, e.g. "https://icat.example.org/icat" or ".../ids". */
  url: string | URL;
  /** A credential, or a plain session id / token (wrapped with staticSession). */
  credential?: Credential | string;
  /**
   * Bring your own transport (shared between clients, or a mock); default a new FastTransport
   * (undici, with the fast path for data transfers).
   */
  transport?: Transport;
  /** Options for the default transport (ignored when `transport` is given). */
  transportOptions?: FastTransportOptions;
  /** `false` turns retry off; an object overrides the defaults. */
  retry?: false | Partial<RetryOptions>;
  userAgent?: string;
  logger?: Logger;
  /** Extra policies, each placed by its phase. */
  policies?: readonly Policy[];
}

/** What a protocol package tells the context about itself. */
export interface ServiceInfo extends ServiceRequestPolicy {
  /** e.g. "catkit-ids" */
  name: string;
  version: string;
  /** How its credential goes on requests, and how it recognises a rejected session. */
  auth?: { apply: ApplyToken; isAuthFailure?: NonNullable<AuthPolicyOptions["isAuthFailure"]> };
}

/** The assembled client plumbing. */
export interface ClientContext {
  /** Base URL with a trailing slash, so relative paths resolve under it. */
  readonly baseUrl: URL;
  readonly logger: Logger;
  readonly credential: Credential | undefined;
  /** Sends through the pipeline; any status comes back as a response. */
  readonly send: SendRequest;
  /** Sends a service call (path, query, form) and returns it once its status is expected; otherwise throws the service's typed error. */
  readonly request: (request: ServiceRequest) => Promise<CatkitResponse>;
  /** Absolute URL of a path relative to the base ("getData" → ".../ids/getData"). */
  url(path: string): string;
  /** Closes the transport if the context created it. */
  close(): Promise<void>;
}

/**
 * Assembles transport and pipeline for a protocol client.
 *
 * @example
 * ```ts
 * const ctx = createClientContext(options, { name: "catkit-ids", version: "0.1.0", auth: { apply: tokenAs.sessionParam("sessionId") } });
 * const res = await ctx.send({ method: "GET", url: ctx.url("ping"), auth: false });
 * ```
 */
export function createClientContext(options: CoreClientOptions, service: ServiceInfo): ClientContext {
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.url);
  } catch {
    throw new InvalidArgumentError(`url must be an absolute http(s) URL, got ${JSON.stringify(String(options.url))}`, { argument: "url" });
  }
  if (baseUrl.protocol !== "http:" && baseUrl.protocol !== "https:") {
    throw new InvalidArgumentError(`url must use http or https, got ${baseUrl.protocol}`, { argument: "url" });
  }
  if (!baseUrl.pathname.endsWith("/")) baseUrl.pathname += "/";
  baseUrl.search = "";

  const logger = redactingLogger(options.logger ?? silentLogger);
  const credential = typeof options.credential === "string" ? staticSession(options.credential) : options.credential;
  const ownsTransport = options.transport === undefined;
  const transport = options.transport ?? new FastTransport(options.transportOptions);
  const policies: Policy[] = [userAgentPolicy(options.userAgent ?? `${service.name}/${service.version}`)];
  if (options.retry !== false) policies.push(retryPolicy(options.retry ?? {}, logger));
  if (credential && service.auth) {
    policies.push(authPolicy({ credential, ...service.auth, ...(service.errorMapper ? { errorMapper: service.errorMapper } : {}) }));
  }
  // A silent logger needs no log policy: skip its per-request work entirely.
  if (logger !== silentLogger) policies.push(logPolicy(logger));
  policies.push(...(options.policies ?? []));

  const send = createPipeline(transport, policies);
  const url = (path: string) => new URL(path.replace(/^\/+/, ""), baseUrl).toString();
  return {
    baseUrl,
    logger,
    credential,
    send,
    request: serviceRequester({ send, url, credential }, service),
    url,
    close: async () => {
      if (ownsTransport) await transport.close();
    },
  };
}
