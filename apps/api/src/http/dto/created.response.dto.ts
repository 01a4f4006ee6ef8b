/** The body of a create route that answers only with the new row's id. */
export class Created {
  id: string;
}
