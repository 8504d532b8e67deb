export {
  AppError,
  ValidationError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  RateLimitedError,
  UnavailableError,
  ConfigError,
  isAppError,
} from './app-error';
export type { AppErrorOptions } from './app-error';
