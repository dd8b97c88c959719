import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookHost } from '../domain-types';

/**
 * A git host's push delivery the hub recorded, written in the same transaction as its
 * org.repo.commit.pushed events: a redelivery (same host, same delivery id) emits nothing new.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('uq_webhook_deliveries_host_delivery', ['host', 'delivery_id'], { unique: true })
// every recorded push deletes the deliveries older than the retention first
@Index('ix_webhook_deliveries_received_at', ['received_at'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  host: WebhookHost;

  /** The host's delivery id (`X-GitHub-Delivery`, `X-Gitea-Delivery`, `X-Gitlab-Event-UUID`). */
  @Column({ type: 'varchar', length: 200 })
  delivery_id: string;

  @Column({ type: 'varchar', length: 255 })
  ref: string;

  /** The push's head commit. */
  @Column({ type: 'varchar', length: 64 })
  sha: string;

  /** Slugs of the registered repos the push was recorded for. */
  @Column({ type: 'jsonb' })
  repo_slugs: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  received_at: Date;
}
