// zod schemas of what SciCat returns (the Download models of scitacean, SCT:model.py) and of
// what a dataset upload must satisfy (UploadDataset: contactEmail, creationTime, owner,
// ownerGroup, sourceFolder and type required; datasetName is required by the v4 DTO). Download
// schemas are loose: unknown keys pass through, as the backend adds fields between versions.
import { z } from "zod";

const date = z.iso.datetime({ offset: true, local: true });
const str = z.string();

/** scitacean's email-list check: each `;`-separated part must be an email address. */
export const emailList = z.string().refine((v) => v.split(";").every((e) => z.email().safeParse(e.trim()).success), {
  message: "must be an email address or a list of email addresses separated by ';'",
});

/**
 * A file in an orig datablock's dataFileList (BE:src/common/dto/datafile.dto.ts).
 *
 * @example
 * ```ts
 * const file = DataFileSchema.parse({ path: "a.nxs", size: 1, time: "2026-01-01T00:00:00Z" });
 * ```
 */
export const DataFileSchema = z.looseObject({
  path: str,
  size: z.number().int().nonnegative(),
  time: date,
  chk: str.optional(),
  uid: str.optional(),
  gid: str.optional(),
  perm: str.optional(),
  type: str.optional(),
});
export type WireDataFile = z.infer<typeof DataFileSchema>;

/**
 * An orig datablock as returned.
 *
 * @example
 * ```ts
 * const block = OrigDatablockSchema.parse(json);
 * ```
 */
export const OrigDatablockSchema = z.looseObject({
  _id: str,
  datasetId: str,
  size: z.number().int().nonnegative(),
  chkAlg: str.optional(),
  dataFileList: z.array(DataFileSchema),
  ownerGroup: str.optional(),
  accessGroups: z.array(str).optional(),
});
export type WireOrigDatablock = z.infer<typeof OrigDatablockSchema>;

/**
 * An attachment as returned (v4).
 *
 * @example
 * ```ts
 * const attachment = AttachmentSchema.parse(json);
 * ```
 */
export const AttachmentSchema = z.looseObject({
  aid: str,
  caption: str,
  ownerGroup: str,
  accessGroups: z.array(str).optional(),
  isPublished: z.boolean().optional(),
  thumbnail: str.optional(),
  relationships: z.array(z.looseObject({ targetId: str, targetType: str, relationType: str.optional() })).optional(),
});
export type WireAttachment = z.infer<typeof AttachmentSchema>;

/**
 * A dataset as returned (v4 OutputDatasetDto); relations appear when included.
 *
 * @example
 * ```ts
 * const result = DatasetSchema.safeParse(json); if (!result.success) console.error(result.error.issues);
 * ```
 */
export const DatasetSchema = z.looseObject({
  pid: str,
  type: z.enum(["raw", "derived"]),
  ownerGroup: str,
  accessGroups: z.array(str).optional(),
  owner: str.optional(),
  ownerEmail: str.optional(),
  orcidOfOwner: str.optional(),
  contactEmail: str,
  sourceFolder: str,
  sourceFolderHost: str.optional(),
  size: z.number().int().nonnegative().optional(),
  packedSize: z.number().int().nonnegative().optional(),
  numberOfFiles: z.number().int().nonnegative().optional(),
  numberOfFilesArchived: z.number().int().nonnegative().optional(),
  creationTime: date,
  datasetName: str.optional(),
  description: str.optional(),
  keywords: z.array(str).optional(),
  isPublished: z.boolean().optional(),
  scientificMetadata: z.record(str, z.unknown()).optional(),
  principalInvestigators: z.array(str).optional(),
  proposalIds: z.array(str.nullable()).optional(),
  sampleIds: z.array(str.nullable()).optional(),
  instrumentIds: z.array(str.nullable()).optional(),
  inputDatasets: z.array(str).optional(),
  usedSoftware: z.array(str).optional(),
  version: str.optional(),
  createdBy: str.optional(),
  updatedBy: str.optional(),
  createdAt: date.optional(),
  updatedAt: date.optional(),
  origdatablocks: z.array(OrigDatablockSchema).optional(),
  attachments: z.array(AttachmentSchema).optional(),
});
export type WireDataset = z.infer<typeof DatasetSchema>;

/**
 * What a dataset must satisfy before upload (scitacean UploadDataset + the v4 DTO).
 *
 * @example
 * ```ts
 * const ok = UploadDatasetSchema.safeParse(dataset.toUploadModel()).success;
 * ```
 */
export const UploadDatasetSchema = z.looseObject({
  type: z.enum(["raw", "derived"]),
  ownerGroup: str.min(1),
  owner: str.min(1),
  contactEmail: emailList,
  ownerEmail: z.email().optional(),
  sourceFolder: str.refine((p) => p.startsWith("/"), { message: "must be an absolute path" }),
  creationTime: date,
  startTime: date.optional(),
  endTime: date.optional(),
  datasetName: str.min(1),
  inputDatasets: z.array(str).optional(),
  usedSoftware: z.array(str).optional(),
});

/**
 * A sample as returned (v3).
 *
 * @example
 * ```ts
 * const sample = SampleSchema.parse(json);
 * ```
 */
export const SampleSchema = z.looseObject({
  sampleId: str,
  ownerGroup: str,
  sampleName: str.optional(),
  owner: str.optional(),
  description: str.optional(),
  sampleCharacteristics: z.record(str, z.unknown()).optional(),
  isPublished: z.boolean().optional(),
});
export type WireSample = z.infer<typeof SampleSchema>;

/**
 * A proposal as returned (v3).
 *
 * @example
 * ```ts
 * const proposal = ProposalSchema.parse(json);
 * ```
 */
export const ProposalSchema = z.looseObject({
  proposalId: str,
  ownerGroup: str,
  email: str,
  title: str,
  abstract: str.optional(),
  pi_email: str.optional(),
  pi_firstname: str.optional(),
  pi_lastname: str.optional(),
  startTime: date.optional(),
  endTime: date.optional(),
});
export type WireProposal = z.infer<typeof ProposalSchema>;
