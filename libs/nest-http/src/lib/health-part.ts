// A part of a process that reports its own health into another's health
// answer: in the one-process deployment the engine reports into the hub's
// `/state/health`. The host injects every part under HEALTH_PARTS (optional).

export const HEALTH_PARTS = Symbol.for('state-hub.health-parts');

export interface HealthPartReport {
  /** `down` makes the host's health degraded. */
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthPart {
  /** The key of the part in the host's answer, e.g. `engine`. */
  readonly name: string;
  report(): Promise<HealthPartReport>;
}
