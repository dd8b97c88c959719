export * from './lib/domain-types';
export * from './lib/status-transitions';
export * from './lib/entities';
export { MIGRATIONS } from './lib/migrations';
export { typeormRows } from './lib/typeorm-rows';
export {
  buildDataSourceOptions,
  closeDataSource,
  describeDatabase,
  openDataSource,
  IDLE_CONNECTIONS_KEPT,
  type DatabaseConfig,
} from './lib/data-source';
