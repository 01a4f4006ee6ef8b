/** One listed audit event, its time as ISO text; a class so the api's OpenAPI document can describe it. */
export class AuditEventView {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: string | null;
  hash: string;
}
