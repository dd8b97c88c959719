// One repo, its workplan files with their sync state, and its workstreams.
import { call, type HubSchemas } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useRepo(slug: string) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'repo', slug],
    queryFn: () => call(hub.GET('/repos/{slug}', { params: { path: { slug } } })),
  });
}

export function useRepoFiles(slug: string, status: HubSchemas['RepoFileView']['status'] | undefined) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'repo', slug, 'files', status],
    queryFn: () => call(hub.GET('/repos/{slug}/files', { params: { path: { slug }, query: { status, limit: 200 } } })),
  });
}

export function useRepoWorkstreams(slug: string) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'repo', slug, 'workstreams'],
    queryFn: () => call(hub.GET('/workstreams', { params: { query: { repo: slug, limit: 200 } } })),
  });
}
