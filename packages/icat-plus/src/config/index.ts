// @catkit/icat-plus/config: IcatPlusClient options from catkit.cfg / icat.cfg and CATKIT_ICATPLUS_*
// variables. A subpath of its own, so that beamline code that passes its options in code never
// loads the INI reader and config search of @catkit/core/config (issue 8 §3).
export { loadIcatPlusOptions } from "./load-icat-plus-options.js";
