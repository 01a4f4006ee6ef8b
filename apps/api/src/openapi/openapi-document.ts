import { DocumentBuilder, OpenAPIObject } from '@nestjs/swagger';

/** The document's header, shared by /api/docs and the schema dump the web app is typed from. */
export function apiDocumentConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Webcare inbox API')
    .setDescription('Cases, replies, privacy operations and reports. Errors: { error: { code, message } }.')
    .addBearerAuth()
    .build();
}
