import crypto from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { User } from './user.entity.js';
import { hashPassword } from '../auth/password.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import { optionalText, requireEmail, requireOneOf } from '../common/validate.js';
import type { Logger } from '../logger.js';

export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  name?: string | null;
}

export interface UpdateUserInput {
  role?: Role | null;
  name?: string | null;
  password?: string | null;
}

/** Told when a user's rights change, so open collaboration sockets follow within a second. */
export type UserRightsListener = (userId: string, role: Role | null) => void;

const ROLES = [Role.ADMIN, Role.EDITOR, Role.VIEWER] as const;
const MIN_PASSWORD = 10;

function checkPassword(password: string | null | undefined): string {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD) {
    throw badInput('password', { key: 'passwordTooShort', params: { min: MIN_PASSWORD } });
  }
  if (password.length > 1000) throw badInput('password', { key: 'tooLong', params: { field: 'password', max: 1000 } });
  return password;
}

export class UsersService {
  private readonly users: Repository<User>;
  private readonly listeners = new Set<UserRightsListener>();

  constructor(dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
  }

  onRightsChanged(listener: UserRightsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(actor: Actor | null): Promise<User[]> {
    requireRole(actor, Role.ADMIN);
    return this.users.find({ order: { email: 'ASC' } });
  }

  async get(actor: Actor | null, id: string): Promise<User> {
    const me = requireRole(actor, Role.VIEWER);
    if (me.id !== id) requireRole(actor, Role.ADMIN);
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  async create(actor: Actor | null, input: CreateUserInput): Promise<User> {
    requireRole(actor, Role.ADMIN);
    return this.insert(input);
  }

  async update(actor: Actor | null, id: string, input: UpdateUserInput): Promise<User> {
    const admin = requireRole(actor, Role.ADMIN);
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    const roleChanged = input.role != null && input.role !== user.role;
    if (roleChanged) {
      const role = requireOneOf('role', input.role!, ROLES);
      if (user.role === Role.ADMIN && user.id === admin.id) {
        throw badInput('role', { key: 'ownAdminRole' });
      }
      user.role = role;
    }
    if (input.name != null) user.name = optionalText('name', input.name, 200) ?? '';
    if (input.password != null) user.passwordHash = await hashPassword(checkPassword(input.password));
    if (roleChanged || input.password != null) user.tokenVersion += 1;
    await this.users.save(user);
    if (roleChanged) this.notify(user.id, user.role);
    return user;
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    const admin = requireRole(actor, Role.ADMIN);
    if (admin.id === id) throw badInput('id', { key: 'deleteSelf' });
    const result = await this.users.delete({ id });
    if (!result.affected) throw notFound('User');
    this.notify(id, null);
    return true;
  }

  /** Creates the first admin when there is no user at all; returns the generated password, if any. */
  async ensureFirstAdmin(email: string | null, password: string | null, logger: Logger): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const adminEmail = email ?? 'admin@atelier.local';
    const adminPassword = password ?? crypto.randomBytes(12).toString('base64url');
    await this.insert({ email: adminEmail, password: adminPassword, role: Role.ADMIN, name: 'Coordinator' });
    if (password === null) {
      // Printed once, on purpose outside the structured log, so it is not shipped to log storage.
      process.stdout.write(
        `\n  First admin created: ${adminEmail}\n  One-time password:   ${adminPassword}\n  (set ADMIN_EMAIL/ADMIN_PASSWORD to choose them)\n\n`,
      );
    }
    logger.info({ email: adminEmail }, 'first admin created');
  }

  private async insert(input: CreateUserInput): Promise<User> {
    const email = requireEmail('email', input.email);
    const role = requireOneOf('role', input.role, ROLES);
    const password = checkPassword(input.password);
    if (await this.users.exists({ where: { email } })) throw conflict('email', { key: 'emailTaken' });
    const user = this.users.create({
      email,
      role,
      name: optionalText('name', input.name, 200) ?? email.split('@')[0],
      passwordHash: await hashPassword(password),
      tokenVersion: 0,
    });
    return this.users.save(user);
  }

  private notify(userId: string, role: Role | null): void {
    for (const listener of this.listeners) listener(userId, role);
  }
}
