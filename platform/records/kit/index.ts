export { defineRecordSubgraph, type RecordSubgraphDeclaration } from "./define.js";
export { createRecordKit, accessOf, authorOf, type RecordKit } from "./resolvers.js";
export type { CreateDeclaration, FilterCondition, PreparedRecord, RecordDeclaration, RecordKitHandle } from "./declaration.js";
export { createRecord, updateVisibleRecord, recordNotFound, HIDDEN_RECORD, type Author, type WriteTarget } from "./write.js";
export { isUuid, MENTION_LIST_MAX } from "./loaders.js";
export { CursorSealer, loadCursorSealer } from "./cursor.js";
