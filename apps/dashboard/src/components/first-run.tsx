// The empty database: what to do first, instead of empty tables.
export function FirstRun() {
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">No repos yet</h2>
      <p>
        The hub has no registered repo, so there are no plans to show. Register a repo whose working copy holds
        workplans (<code>workplans/*.md</code>), then sweep it:
      </p>
      <pre>
        {`npx state-hub --help          # the command line: serve, sweep, runs, dead letters…
curl -XPOST localhost:3000/domains -H 'content-type: application/json' \\
  -d '{"slug":"custodian","name":"The Custodian"}'
curl -XPOST localhost:3000/repos -H 'content-type: application/json' \\
  -d '{"slug":"my-repo","name":"My repo","domain":"custodian","local_path":"/path/to/my-repo"}'
npx state-hub sweep --repo my-repo`}
      </pre>
      <p>
        The API is described at <a href="/docs">/docs</a>. This page fills in as soon as the first sweep has run.
      </p>
    </section>
  );
}
