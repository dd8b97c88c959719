// The engine's definitions; run one now.
import { QueryState } from '../../components/query-state';
import { useDefinitions } from './api/get-definitions';
import { DefinitionsTable } from './components/definitions-table';

export function DefinitionsPage() {
  const definitions = useDefinitions();
  return (
    <>
      <h1>Definitions</h1>
      <QueryState query={definitions} label="definitions">
        {(items) => <DefinitionsTable definitions={items} />}
      </QueryState>
    </>
  );
}
