import { In, type DataSource, type Repository } from 'typeorm';
import type { Role } from '@atelier/shared';
import { User } from '../users/user.entity.js';
import { TokenService } from './tokens.js';
import { LoginThrottle } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { unauthenticated } from '../common/errors.js';
import type { Actor } from './guard.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a checked token stays trusted without a database look-up. */
const ACTOR_CACHE_MS = 500;

export class AuthService {
  private readonly users: Repository<User>;
  private readonly throttle = new LoginThrottle();
  private readonly actorCache = new Map<string, { actor: Actor | null; at: number }>();

  constructor(
    dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {
    this.users = dataSource.getRepository(User);
  }

  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const key = String(email ?? '').trim().toLowerCase().slice(0, 320);
    const delay = this.throttle.delayFor(key);
    if (delay > 0) await sleep(delay);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: key })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), String(password ?? ''));
    if (!user || !ok) {
      this.throttle.recordFailure(key);
      throw unauthenticated('Wrong email or password');
    }
    this.throttle.recordSuccess(key);
    const token = await this.tokens.sign({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion });
    return { token, user };
  }

  /**
   * The user behind a token, or null. The user row is re-read (cached briefly) so a role change
   * or a deletion takes effect at once even for tokens that have not expired.
   */
  async authenticate(token: string | null | undefined): Promise<Actor | null> {
    if (!token) return null;
    const cached = this.actorCache.get(token);
    if (cached && Date.now() - cached.at < ACTOR_CACHE_MS) return cached.actor;
    const claims = await this.tokens.verify(token);
    let actor: Actor | null = null;
    if (claims) {
      const user = await this.users.findOneBy({ id: claims.userId });
      if (user && user.tokenVersion === claims.tokenVersion) actor = { id: user.id, email: user.email, role: user.role };
    }
    if (this.actorCache.size > 5000) this.actorCache.clear();
    this.actorCache.set(token, { actor, at: Date.now() });
    return actor;
  }

  /** The role of each of these users that still exists (open sockets are checked against it). */
  async currentRoles(userIds: string[]): Promise<Map<string, Role>> {
    const users = await this.users.find({ where: { id: In(userIds) }, select: { id: true, role: true } });
    return new Map(users.map((user) => [user.id, user.role]));
  }

  forgetCachedTokens(): void {
    this.actorCache.clear();
  }
}
