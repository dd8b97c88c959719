// The project's performance targets (each a ratio to a baseline measured in the same run, or a bound), in one place:
// every bench section and the summary table read them from here, so no target is written down twice.
module.exports = {
  /** Idle RSS of each app, MB (below). */
  IDLE_RSS_MB: 150,
  /** Each of four API routes' req/s ÷ the same work by hand (node:http + pg, the API's SQL), at least … */
  API_VS_SAME_WORK: 0.8,
  /** … and as a stretch. */
  API_VS_SAME_WORK_STRETCH: 0.9,
  /** Outbox relay rows/s ÷ raw async JetStream publish msg/s with Nats-Msg-Id (at least). */
  RELAY_VS_RAW_PUBLISH: 0.5,
  /** API write req/s with events on ÷ the same API with events off (at least). */
  EVENTS_ON_VS_OFF: 0.85,
  /** Engine events/s ÷ min(raw consume + ack, raw INSERT + COMMIT) (at least). */
  ENGINE_VS_RAW: 0.5,
  /** Publish → run recorded p99 below this many ms … */
  ENGINE_P99_MS: 20,
  /** … at this steady rate (events/s). */
  ENGINE_P99_RATE: 500,
  /** No-change sweep ÷ cold sweep (below), … */
  SWEEP_NO_CHANGE_RATIO: 0.1,
  /** … and below this many ms, … */
  SWEEP_NO_CHANGE_MS: 1000,
  /** … judged at this many repos (or the nearest scale measured). */
  SWEEP_TARGET_REPOS: 100,
  /** At this many tasks (1,000 repos × 10 workplans × 10 tasks), … */
  SCALE_TARGET_TASKS: 100_000,
  /** … GET /next-steps?limit=20 and GET /tasks?status=todo&limit=50 p99 below (ms), … */
  SCALE_ROUTE_P99_MS: 50,
  /** … and the no-change sweep of this many repos … */
  SCALE_TARGET_REPOS: 1000,
  /** … below (ms). */
  SCALE_SWEEP_NO_CHANGE_MS: 3000,
};
