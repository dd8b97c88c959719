import { z } from 'zod';
import type { HubSchemas } from '@state-hub/hub-client';
import { renderPage } from './render-list';
import { limitField, offsetField, repoStatusField, slugField } from './tool-fields';
import { defineTool, READ_ONLY } from './tool-definition';

const repoLine = (r: HubSchemas['RepoView']) => `${r.slug} [${r.status}] ${r.name} (domain ${r.domain})`;

export const listReposTool = defineTool({
  name: 'list_repos',
  title: 'List repos',
  description: 'Use to see which git repos the hub tracks (their slugs are what the other tools take as `repo`).',
  input: z.strictObject({
    status: repoStatusField().optional(),
    limit: limitField(50),
    offset: offsetField(),
  }),
  output: 'RepoPage',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('RepoPage', (api) => api.GET('/repos', { params: { query: args } }));
    return { data, text: renderPage(data, 'repos', repoLine) };
  },
});

export const getRepoTool = defineTool({
  name: 'get_repo',
  title: 'Get repo',
  description: 'Use to look up one repo by slug: its domain, remote, default branch and last reported commit.',
  input: z.strictObject({ slug: slugField('repo slug, e.g. state-hub') }),
  output: 'RepoView',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('RepoView', (api) =>
      api.GET('/repos/{slug}', { params: { path: { slug: args.slug } } }),
    );
    const lines = [
      repoLine(data),
      `remote: ${data.remote_url ?? '-'}; local path: ${data.local_path ?? '-'}; default branch: ${data.default_branch}`,
      `last commit: ${data.last_commit_sha ?? 'none reported'}`,
    ];
    return { data, text: lines.join('\n') };
  },
});
