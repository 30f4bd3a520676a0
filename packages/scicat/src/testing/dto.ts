// The class-validator checks of the backend's DTOs, reduced to a table per DTO: each field's
// kind and whether it is required. Messages are class-validator's defaults, so error bodies
// read as the backend's do; unknown properties give "property X should not exist" because the
// global ValidationPipe runs with whitelist + forbidNonWhitelisted (BE:src/main.ts).

/** The check a field gets. */
export type FieldKind =
  | "string"
  | "nonEmptyString"
  | "int"
  | "number"
  | "boolean"
  | "date"
  | "email"
  | "emailList"
  | "stringArray"
  | "object"
  | "array"
  | "any";

/** A DTO: field name → [kind, required]. */
export type DtoSpec = Readonly<Record<string, readonly [FieldKind, boolean]>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// class-validator's isEmail is stricter, but this rejects what users get wrong (no @, spaces, no dot in the domain).
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

/** True for an ISO 8601 date string that names a real instant. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

function check(name: string, kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case "string":
      return typeof value === "string" ? undefined : `${name} must be a string`;
    case "nonEmptyString":
      if (typeof value !== "string") return `${name} must be a string`;
      return value === "" ? `${name} should not be empty` : undefined;
    case "int":
      return typeof value === "number" && Number.isInteger(value) ? undefined : `${name} must be an integer number`;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : `${name} must be a number conforming to the specified constraints`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${name} must be a boolean value`;
    case "date":
      return isIsoDate(value) ? undefined : `${name} must be a valid ISO 8601 date string`;
    case "email":
      return typeof value === "string" && EMAIL.test(value) ? undefined : `${name} must be an email`;
    case "emailList":
      // BE:src/datasets/utils/email-list-validator.util.ts CustomEmailList
      return typeof value === "string" && value !== "" && value.split(";").every((e) => EMAIL.test(e.trim()))
        ? undefined
        : `Expected an email or a list of semicolon separated emails, got ${String(value)}`;
    case "stringArray":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? undefined : `each value in ${name} must be a string`;
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value) ? undefined : `${name} must be an object`;
    case "array":
      return Array.isArray(value) ? undefined : `${name} must be an array`;
    case "any":
      return undefined;
  }
}

/** One failed check: the property and class-validator's message. */
export interface DtoIssue {
  property: string;
  message: string;
}

/**
 * Validates a body against a DTO; returns one issue per failed check (empty when valid).
 * `partial` skips required checks (PATCH bodies); `null` counts as absent for optional fields.
 */
export function validateDto(spec: DtoSpec, body: unknown, options: { partial?: boolean } = {}): DtoIssue[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [{ property: "", message: "an instance of the DTO should be an object" }];
  const messages: DtoIssue[] = [];
  for (const key of Object.keys(body)) if (!(key in spec)) messages.push({ property: key, message: `property ${key} should not exist` });
  for (const [name, [kind, required]] of Object.entries(spec)) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined || value === null) {
      if (required && !options.partial) {
        const message = check(name, kind, undefined);
        if (message) messages.push({ property: name, message });
      }
      continue;
    }
    const message = check(name, kind, value);
    if (message) messages.push({ property: name, message });
  }
  return messages;
}
