/** The version of @catkit/scicat (sent in the User-Agent). */
export const SCICAT_CLIENT_VERSION = "0.1.0";
