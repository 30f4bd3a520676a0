// @catkit/server is not built yet: this entry point exports nothing on purpose.
export {};
