import { SignJWT, jwtVerify } from 'jose';
import { Role } from '@atelier/shared';

export interface TokenClaims {
  userId: string;
  role: Role;
  tokenVersion: number;
}

const ISSUER = 'atelier';

export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
  ) {}

  async sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ role: claims.role, ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.secret);
  }

  /** null for anything that is not a valid, unexpired token of ours. */
  async verify(token: string): Promise<TokenClaims | null> {
    if (token.length > 4096) return null;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, algorithms: ['HS256'] });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return null;
      if (role !== Role.ADMIN && role !== Role.EDITOR && role !== Role.VIEWER) return null;
      return { userId: payload.sub, role, tokenVersion: payload.ver };
    } catch {
      return null;
    }
  }
}
