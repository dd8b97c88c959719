import { Type as NestType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function page<T>(items: T[], total: number, query: { limit: number; offset: number }): Page<T> {
  return { items, total, limit: query.limit, offset: query.offset };
}

/** OpenAPI schema of a `Page<T>` for one view class. */
export function PageOf<T>(item: NestType<T>): NestType<Page<T>> {
  class PageView {
    @ApiProperty({ type: [item] })
    items: T[];
    @ApiProperty({ description: 'rows matching the filters, across all pages' })
    total: number;
    @ApiProperty()
    limit: number;
    @ApiProperty()
    offset: number;
  }
  Object.defineProperty(PageView, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  return PageView;
}
