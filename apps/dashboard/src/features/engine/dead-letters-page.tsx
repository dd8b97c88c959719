// Dead letters, refreshing by themselves; redrive the selected ones.
import { QueryState } from '../../components/query-state';
import { useDeadLetters } from './api/get-dead-letters';
import { DeadLettersTable } from './components/dead-letters-table';

export function DeadLettersPage() {
  const letters = useDeadLetters();
  return (
    <>
      <h1>Dead letters</h1>
      <QueryState query={letters} label="dead letters">
        {(page) => <DeadLettersTable letters={page.items} />}
      </QueryState>
    </>
  );
}
