/** A GraphQL request over HTTP, as any client sends it. */
export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; reason?: string; params?: Record<string, string | number> } }[];
}

export async function postGraphQL<T = any>(baseUrl: string, query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** Signs in through the API and returns the token; a refused sign-in throws with the server's errors. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const result = await postGraphQL<{ login: { token: string } }>(
    baseUrl,
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
    { email, password },
  );
  if (!result.data) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}
