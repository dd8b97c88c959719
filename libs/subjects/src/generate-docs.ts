// Writes docs/nats-event-subjects.md; run through `npx nx run subjects:generate-docs`.
import { writeFileSync } from 'node:fs';
import { catalogDocFile } from './lib/catalog-doc-file';
import { renderSubjectCatalog } from './lib/catalog-doc';

const file = catalogDocFile();
writeFileSync(file, renderSubjectCatalog());
console.log(`wrote ${file}`);
