// The shapes of /api/v1/scicat: SciCat datasets and their files in the /api/v1 shapes where the
// fields map (DatasetOut, DatafileOut), with SciCat's string pid in place of ICAT's numeric id.
import { z } from "zod";
import { DatafileOut, DatasetOut, PageQuery } from "./api-schemas.js";

export const PidParams = z.object({ pid: z.string().min(1).describe("the SciCat pid, URL-encoded as one segment (prefix%2Fid)") });

export const ScicatPageQuery = PageQuery.omit({ sessionId: true });

export const ScicatDatasetOut = DatasetOut.omit({ id: true, investigationId: true, sampleId: true, sampleName: true, complete: true }).extend({
  pid: z.string(),
  investigation: z.string().optional().describe("the first of proposalIds (ICAT: Investigation.name)"),
  instrument: z.string().optional().describe("creationLocation (ICAT: Instrument.name, as the mirror writes it)"),
  sampleId: z.string().optional().describe("the first of sampleIds"),
  creationTime: z.string().optional(),
  owner: z.string().optional(), ownerGroup: z.string(), accessGroups: z.array(z.string()),
  isPublished: z.boolean().optional(), size: z.number().optional(), numberOfFiles: z.number().optional(),
});

export const ScicatDatafileOut = DatafileOut.omit({ id: true, datasetId: true, createTime: true }).extend({ datasetPid: z.string() });
