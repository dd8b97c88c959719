// A valid definition, shared by the parser specs.
export const SWEEP_ENV = { STATE_HUB_URL: 'http://hub:3000' };

export const SWEEP_TEXT = `# yaml-language-server: $schema=./activity-definition.schema.json
id: the-custodian.state-hub-consistency-sweep
trigger:
  trigger_type: cron
  cron_expression: "*/15 * * * *"
context:
  - kind: http_get
    url: \${STATE_HUB_URL}/state/health
    bind: hub_health
rule:
  when:
    - "hub_health.status == 'ok'"
instruction:
  kind: http
  method: POST
  url: \${STATE_HUB_URL}/consistency/sweep/remote-all
  body: { source: activity-core, max_seconds: 300 }
  timeout_seconds: 360
`;
