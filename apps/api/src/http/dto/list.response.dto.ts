import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The `{ items: T[] }` body of a list route, for the OpenAPI document:
 * `class LegalHoldList extends ListOf(LegalHoldView) {}`. The plugin cannot see through a generic.
 */
export function ListOf<T>(item: Type<T>) {
  class List {
    @ApiProperty({ type: () => [item] })
    items: T[];
  }
  return List;
}
