// The investigation message of start_investigation and reschedule_investigation (pyicat-plus
// client/xmlns.py investigation_as_xml): experiment, instrument, investigationId when given,
// startDate (default now), endDate when given. No namespace-level attributes.
import { checkIsoDateTime, pythonIsoformat } from "./python-isoformat.js";
import { element, ICAT_NAMESPACE } from "./xml-element.js";

/**
 * Fields of an investigation message. Dates are `Date`s (written with the local offset) or
 * ISO 8601 strings (passed through after a format check).
 *
 * @example
 * ```ts
 * const f: InvestigationFields = { beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00" };
 * ```
 */
export interface InvestigationFields {
  beamline: string;
  proposal: string;
  startDate?: Date | string | undefined;
  endDate?: Date | string | undefined;
  investigationId?: string | number | undefined;
}

function dateText(value: Date | string, field: string): string {
  if (typeof value === "string") {
    checkIsoDateTime(value, field);
    return value;
  }
  return pythonIsoformat(value, undefined, field);
}

/**
 * Builds the investigation XML exactly as pyicat-plus's `investigation_as_xml`.
 *
 * @throws {InvalidMetadataError} for an invalid date.
 * @example
 * ```ts
 * investigationXml({ beamline: "id00", proposal: "hg123", startDate: "2024-03-01T08:00:00+01:00" });
 * // '<tns:investigation xmlns:tns="http://www.esrf.fr/icat"><tns:experiment>hg123</tns:experiment>…'
 * ```
 */
export function investigationXml(fields: InvestigationFields, now: () => Date = () => new Date()): string {
  let body = element("experiment", fields.proposal, "proposal") + element("instrument", fields.beamline, "beamline");
  if (fields.investigationId !== undefined) body += element("investigationId", String(fields.investigationId), "investigationId");
  body += element("startDate", dateText(fields.startDate ?? now(), "startDate"), "startDate");
  if (fields.endDate !== undefined) body += element("endDate", dateText(fields.endDate, "endDate"), "endDate");
  return `<tns:investigation xmlns:tns="${ICAT_NAMESPACE}">${body}</tns:investigation>`;
}
