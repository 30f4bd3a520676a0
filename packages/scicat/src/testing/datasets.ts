// Dataset creation and rendering shared by the v3 and v4 routes
// (BE:src/datasets/datasets.service.ts create, schemas/dataset.schema.ts defaults,
// common/utils.ts addCreatedByFields/addApiVersionField, datasets.controller.ts
// convertObsoleteToCurrentSchema/convertCurrentToObsoleteSchema).
import { randomUUID } from "node:crypto";
import type { SandboxUser } from "./accounts.js";
import { isAdmin } from "./access.js";
import { nestError } from "./http-exception.js";
import { appendSI } from "./si-units.js";
import type { Doc, SandboxState } from "./state.js";

/** Fields of a stored dataset that clients may filter on (the v4 whitelist's dataset part). */
export const DATASET_KEYS = [
  "pid", "_id", "type", "ownerGroup", "accessGroups", "instrumentGroup", "owner", "ownerEmail", "orcidOfOwner", "contactEmail",
  "sourceFolder", "sourceFolderHost", "size", "packedSize", "numberOfFiles", "numberOfFilesArchived", "creationTime",
  "validationStatus", "keywords", "description", "datasetName", "classification", "license", "version", "isPublished",
  "techniques", "sharedWith", "relationships", "datasetlifecycle", "scientificMetadata", "scientificMetadataSchema",
  "scientificMetadataValid", "comment", "dataQualityMetrics", "principalInvestigators", "startTime", "endTime",
  "creationLocation", "dataFormat", "proposalIds", "sampleIds", "instrumentIds", "inputDatasets", "usedSoftware",
  "jobParameters", "jobLogData", "runNumber", "createdBy", "updatedBy", "createdAt", "updatedAt", "history",
  // lifecycle, relationship and technique keys (also whitelisted upstream)
  "archivable", "retrievable", "publishable", "dateOfDiskPurging", "archiveRetentionTime", "dateOfPublishing",
  "publishedOn", "isOnCentralDisk", "archiveStatusMessage", "retrieveStatusMessage", "archiveReturnMessage",
  "retrieveReturnMessage", "exportedTo", "retrieveIntegrityCheck", "relationship", "name",
];

const DATE_FIELDS = ["creationTime", "startTime", "endTime"];

/** UTCTimeInterceptor: dates are stored and returned as UTC ISO strings. */
export function normaliseDates(doc: Doc): Doc {
  const out = { ...doc };
  for (const f of DATE_FIELDS) if (typeof out[f] === "string") out[f] = new Date(out[f]).toISOString();
  return out;
}

/** Groups allowed to create with any ownerGroup. */
function privileged(user: SandboxUser, state: SandboxState): boolean {
  return isAdmin(user, state) || user.currentGroups.some((g) => state.groups.createDatasetPrivileged.includes(g));
}

/** Checks the create permissions of §1.2; throws 403 like the controller. */
export function checkCreatePermission(user: SandboxUser | null, body: Doc, state: SandboxState): asserts user is SandboxUser {
  if (user === null) throw nestError(403, "Forbidden resource");
  const mayUsePid = privileged(user, state) || user.currentGroups.some((g) => state.groups.createDatasetWithPid.includes(g));
  const ownGroup = typeof body.ownerGroup === "string" && user.currentGroups.includes(body.ownerGroup);
  if ((body.pid !== undefined && !mayUsePid) || (!ownGroup && !privileged(user, state))) {
    throw nestError(403, "Unauthorized to create this dataset");
  }
}

/** Stores a new dataset (validated and permitted) and returns it. */
export function insertDataset(state: SandboxState, user: SandboxUser, body: Doc, apiVersion: "3" | "4"): Doc {
  const pid = typeof body.pid === "string" ? body.pid : `${state.pidPrefix.replace(/\/+$/, "")}/${randomUUID()}`;
  if (state.datasets.has(pid)) throw nestError(409, `A dataset with pid ${pid} already exists!`);
  const now = new Date(state.now()).toISOString();
  const doc: Doc = normaliseDates({
    size: 0,
    packedSize: 0,
    numberOfFiles: 0,
    numberOfFilesArchived: 0,
    isPublished: false,
    keywords: [],
    techniques: [],
    relationships: [],
    sharedWith: [],
    accessGroups: [],
    scientificMetadata: {},
    datasetlifecycle: {},
    ...body,
    pid,
    _id: pid,
    version: apiVersion,
    createdBy: user.username,
    updatedBy: user.username,
    createdAt: now,
    updatedAt: now,
  });
  doc.scientificMetadata = appendSI(doc.scientificMetadata as Doc);
  state.datasets.set(pid, doc);
  return doc;
}

const OBSOLETE_TO_CURRENT: Record<string, string> = {
  proposalId: "proposalIds",
  sampleId: "sampleIds",
  instrumentId: "instrumentIds",
  principalInvestigator: "principalInvestigators",
  investigator: "principalInvestigators",
};

/** v3 input → v4 schema: singular obsolete fields become one-element arrays. */
export function obsoleteToCurrent(body: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(body)) {
    const current = OBSOLETE_TO_CURRENT[k];
    if (current && typeof v === "string") out[current] = [v];
    else out[k] = v;
  }
  return out;
}

/** v4 schema → v3 output: the arrays stay and singular aliases come from element [0]. */
export function currentToObsolete(doc: Doc): Doc {
  const out: Doc = { ...doc };
  const first = (k: string) => (Array.isArray(doc[k]) ? (doc[k] as unknown[])[0] : undefined);
  for (const [alias, field] of [["proposalId", "proposalIds"], ["sampleId", "sampleIds"], ["instrumentId", "instrumentIds"]] as const) {
    if (first(field) !== undefined) out[alias] = first(field);
  }
  const pi = first("principalInvestigators");
  if (pi !== undefined) out[doc.type === "derived" ? "investigator" : "principalInvestigator"] = pi;
  return out;
}

/** Attaches the requested relations (the $lookup stages of DATASET_LOOKUP_FIELDS). */
export function withIncludes(state: SandboxState, doc: Doc, include: readonly string[]): Doc {
  if (include.length === 0) return doc;
  const all = include.includes("all");
  const want = (name: string) => all || include.includes(name);
  const out = { ...doc };
  const pid = doc.pid;
  if (want("origdatablocks")) out.origdatablocks = [...state.origdatablocks.values()].filter((b) => b.datasetId === pid);
  if (want("datablocks")) out.datablocks = [...state.datablocks.values()].filter((b) => b.datasetId === pid);
  if (want("attachments")) out.attachments = attachmentsOf(state, String(pid), "dataset");
  if (want("samples")) out.samples = [...state.samples.values()].filter((s) => (doc.sampleIds as unknown[] | undefined)?.includes(s.sampleId));
  if (want("proposals")) out.proposals = [...state.proposals.values()].filter((p) => (doc.proposalIds as unknown[] | undefined)?.includes(p.proposalId));
  if (want("instruments")) out.instruments = [...state.instruments.values()].filter((i) => (doc.instrumentIds as unknown[] | undefined)?.includes(i.pid));
  return out;
}

/** Attachments related to a target. */
export function attachmentsOf(state: SandboxState, targetId: string, targetType: string): Doc[] {
  return [...state.attachments.values()].filter((a) =>
    ((a.relationships as Doc[] | undefined) ?? []).some((r) => r.targetId === targetId && r.targetType === targetType),
  );
}

const LOOKUPS = ["instruments", "proposals", "origdatablocks", "datablocks", "attachments", "samples", "all"];

/** IncludeValidationPipe: unknown include names are a 400. */
export function checkIncludes(include: readonly string[]): void {
  for (const name of include) if (!LOOKUPS.includes(name)) throw nestError(400, `Value ${name} is not a valid include value`);
}
