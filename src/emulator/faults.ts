import { createRandom, mixSeed } from './random';

/** What a fault does to a matching request. */
export type EmulatorFaultKind =
  /** Waits `latencyMs` (a number or a `[min, max]` range) before answering normally. */
  | 'latency'
  /** Answers `status` (default 503) with an error body. */
  | 'error'
  /** Answers 429 with `Retry-After: retryAfterSeconds` (default 1). */
  | 'rate-limit'
  /** Never answers; the request ends only when the client aborts it. */
  | 'hang'
  /** Drops the connection: a network error under MSW, a destroyed socket on the node server. */
  | 'reset'
  /** Answers with the route's status and media type but a truncated JSON body; a 204 becomes a 200 with one. */
  | 'malformed-json'
  /** Answers normally but with `Content-Type: text/html`. */
  | 'wrong-media-type';

/** One fault rule. Rules are tried in order; each one that matches rolls its own dice. */
export interface EmulatorFault {
  kind: EmulatorFaultKind;
  /** HTTP method to match (any when left out). */
  method?: string;
  /** Path to match: a RegExp, or a text the path must contain (any when left out). */
  path?: string | RegExp;
  /** Probability in [0, 1] that a matching request is hit. Defaults to 1. */
  rate?: number;
  /** For `latency`: milliseconds, or an inclusive range drawn from the fault seed. */
  latencyMs?: number | [number, number];
  /** For `error`: the status. Defaults to 503. */
  status?: number;
  /** For `rate-limit`: the Retry-After value in seconds. Defaults to 1. */
  retryAfterSeconds?: number;
}

/** Faults of an emulator: the same seed and the same request sequence give the same faults. */
export interface EmulatorFaults {
  /** Seed of the dice. Defaults to 1. */
  seed?: number;
  rules: EmulatorFault[];
}

/** What the fault layer decided for one request. */
export interface FaultDecision {
  latencyMs: number;
  outcome?: Exclude<EmulatorFaultKind, 'latency'>;
  fault?: EmulatorFault;
}

/**
 * Decides the faults of the `sequence`-th request. The dice depend only on the seed, the request's
 * sequence number and the rule's index, so a run repeats exactly for the same request order.
 */
export function decideFaults(
  faults: EmulatorFaults | undefined,
  sequence: number,
  method: string,
  path: string,
): FaultDecision {
  const decision: FaultDecision = { latencyMs: 0 };
  if (!faults) return decision;
  faults.rules.forEach((rule, index) => {
    if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return;
    if (rule.path instanceof RegExp ? !rule.path.test(path) : rule.path && !path.includes(rule.path)) return;
    const random = createRandom(mixSeed(faults.seed ?? 1, sequence, index));
    if (!random.chance(rule.rate ?? 1)) return;
    if (rule.kind === 'latency') {
      const range = rule.latencyMs ?? 0;
      decision.latencyMs += Array.isArray(range) ? random.int(range[0], range[1]) : range;
    } else if (!decision.outcome) {
      decision.outcome = rule.kind;
      decision.fault = rule;
    }
  });
  return decision;
}
