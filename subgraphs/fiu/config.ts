/** Settings only the FIU subgraph needs, read once from the environment. */
export interface FiuConfig {
  /** The FIU's liaison contact shown to other agencies with a positive hit (Ma3tch model). */
  readonly contactPoint: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_CONTACT_POINT = "FIU liaison desk, fiu-liaison@fiu.example";
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reads and checks the FIU settings; fails fast on a value no caller should ever be shown. */
export function loadFiuConfig(env: Env = process.env): FiuConfig {
  const raw = env.FIU_CONTACT_POINT?.trim();
  const contactPoint = raw ? raw : DEFAULT_CONTACT_POINT;
  if (contactPoint.length > 200 || CONTROL.test(contactPoint)) {
    throw new Error("configuration: FIU_CONTACT_POINT must be at most 200 characters without control characters");
  }
  return Object.freeze({ contactPoint });
}

/** Read once when the subgraph module loads: every hit answer shows the same contact point. */
export const fiuConfig: FiuConfig = loadFiuConfig();
