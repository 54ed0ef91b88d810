import type { Actor } from '../auth/guard.js';
import type { Loaders } from './loaders.js';
import type { AppServices } from '../services.js';

export interface GraphQLContext {
  actor: Actor | null;
  loaders: Loaders;
  services: AppServices;
}
