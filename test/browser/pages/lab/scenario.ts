import type { RecordingListParams, RecordingServiceConfig } from '../../../../hooks/index';

/** What a browser test asks the lab page to do; travels JSON-encoded in the URL hash. */
export interface Scenario {
  config: RecordingServiceConfig;
  /** Shown in the sign-in form's defaults; the test clicks "Sign in". */
  portalToken?: string;
  user?: string;
  list?: RecordingListParams;
  /** Set as `document.cookie` before the app starts. */
  cookie?: string;
  /** Open this program's details at once. */
  open?: string;
  /** Also list the recycle bin. */
  bin?: boolean;
}

/** The URL hash for a scenario. */
export function scenarioHash(scenario: Scenario): string {
  return `#${encodeURIComponent(JSON.stringify(scenario))}`;
}

/** Reads the scenario from `location.hash`. */
export function readScenario(hash: string): Scenario {
  return JSON.parse(decodeURIComponent(hash.slice(1))) as Scenario;
}
