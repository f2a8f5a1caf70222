export { readPolicyCases, type PolicyCase } from "./cases.js";
export { at, checkCase, type GraphQLAnswer } from "./check.js";
