export { attachDatabase, openDatabase, type Database, type DatabaseOptions } from "./datasource.js";
export { startEmbeddedDatabase, EMBEDDED_MAX_CONNECTIONS, type EmbeddedDatabase } from "./embedded.js";
export { QueryCounter } from "./query-counter.js";
