import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { session } from './graphql/client';

/**
 * GraphiQL bundled with the app (the stock landing page loads from a CDN this network cannot
 * reach). It uses the token of the person signed in to the web app.
 */
const fetcher = async (params: unknown) => {
  const token = session.token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const DEFAULT_QUERY = `# Sign in to Atelier first (/) — this page uses the same session.
query Meetings {
  meetings { date kind title attendances { status person { name } organization { name } } }
}
`;

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />);
