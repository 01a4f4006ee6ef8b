import { ValidationPipe } from '@nestjs/common';
import { ValidationError } from '@webcare/platform';

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) =>
    new ValidationError(
      errors
        .flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` }))
        .join('; '),
    ),
});
