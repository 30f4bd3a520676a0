// Error answers exactly as the backend renders them. Nest's AllExceptionsFilter returns
// `exception.getResponse()` (BE:src/loggers/logger.service.ts), which for the built-in
// exceptions is `{message, error, statusCode}`; a bare `UnauthorizedException()` renders as
// `{message: "Unauthorized", statusCode: 401}` (no `error`). The v3 dataset validators throw
// `{status, message: JSON.stringify(errors)}` (BE:src/datasets/datasets.controller.ts).

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
  500: "Internal Server Error",
};

/** A response the sandbox answers with instead of the route's result. */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super(body instanceof JsonString ? body.value : typeof body === "object" && body !== null && "message" in body ? String((body).message) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** A Nest HttpException body: `{message, error, statusCode}`. */
export function nestError(status: number, message: string | string[]): SandboxHttpError {
  return new SandboxHttpError(status, { message, error: REASONS[status] ?? "Error", statusCode: status });
}

/** A built-in Nest exception thrown without a message, e.g. `new NotFoundException()`: `{message: "Not Found", statusCode}`. */
export function bareNestError(status: number): SandboxHttpError {
  return new SandboxHttpError(status, { message: REASONS[status] ?? "Error", statusCode: status });
}

/** A body that is a JSON string (`res.json("text")`), not text/html. */
export class JsonString {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

/** `new HttpException("text", status)`: getResponse() is the string itself, so the body is a JSON string. */
export function plainHttpException(status: number, text: string): SandboxHttpError {
  return new SandboxHttpError(status, new JsonString(text));
}

/** `new UnauthorizedException()` without arguments (LocalStrategy on bad credentials). */
export function bareUnauthorized(): SandboxHttpError {
  return new SandboxHttpError(401, { message: "Unauthorized", statusCode: 401 });
}

/** PoliciesGuard returning false: Nest's default ForbiddenException. */
export function forbiddenResource(): SandboxHttpError {
  return nestError(403, "Forbidden resource");
}

/** The v3 (obsolete DTO) validation failure shape, SciCatProject/backend#363. */
export function v3ValidationError(errors: unknown[]): SandboxHttpError {
  return new SandboxHttpError(400, { status: 400, message: JSON.stringify(errors) });
}
