export { ServiceMetrics, METRICS_CONTENT_TYPE, type SubgraphErrorKind } from "./metrics.js";
export { metricsRoute, metricsAccessFrom, type MetricsAccess } from "./route.js";
export { observabilityPlugin } from "./plugin.js";
export { timedSource } from "./timed-source.js";
export { logger, configureLogger, logLevelFrom, currentRequestId, timeAuditWrite } from "./logger.js";
export { BoundedLabel, OTHER } from "./labels.js";
