import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@webcare/platform';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialsRepository } from './credentials.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { SessionRepository } from './session.repository';
import { SessionStateService } from './session-state.service';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.appSecret,
        signOptions: { expiresIn: Math.floor(config.accessTokenTtlMs / 1000) },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    CredentialsRepository,
    TokenService,
    LoginAttemptsService,
    SessionRepository,
    SessionStateService,
  ],
  exports: [TokenService, SessionRepository, SessionStateService],
})
export class AuthModule {}
