import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/layout';
import { Loading } from './components/states';
import { useSession } from './components/use-session';
import { SESSION_EXPIRED, session } from './graphql/client';
import { SignInPage } from './pages/sign-in-page';
import { HomePage } from './pages/home-page';
import { SearchPage } from './pages/search-page';
import { MeetingPage } from './pages/meeting-page';
import { PracticePage } from './pages/practice-page';
import { MethodPage } from './pages/method-page';
import { NotFoundPage } from './pages/not-found-page';

// The graph, the editor and admin carry heavy libraries: each is its own chunk, loaded on demand.
const GraphPage = lazy(() => import('./pages/graph-page'));
const ReportPage = lazy(() => import('./editor/report-page'));
const AdminPage = lazy(() => import('./pages/admin-page'));

/**
 * Every route needs a signed-in user. Without one the sign-in form shows in place, so after
 * signing in (or after a session expired) the person is right where they were.
 */
export function App() {
  const user = useSession();
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onExpired = () => {
      session.clear();
      setExpired(true);
    };
    window.addEventListener(SESSION_EXPIRED, onExpired);
    return () => window.removeEventListener(SESSION_EXPIRED, onExpired);
  }, []);

  return (
    <Routes>
      <Route element={<Layout />}>
        {user ? (
          <>
            <Route index element={<HomePage />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="meetings/:id" element={<MeetingPage />} />
            <Route path="practices/:id" element={<PracticePage />} />
            <Route path="methods/:key" element={<MethodPage />} />
            <Route path="graph" element={<Suspense fallback={<Loading />}><GraphPage /></Suspense>} />
            <Route path="reports/:id" element={<Suspense fallback={<Loading />}><ReportPage /></Suspense>} />
            <Route path="admin/*" element={<Suspense fallback={<Loading />}><AdminPage /></Suspense>} />
            <Route path="*" element={<NotFoundPage />} />
          </>
        ) : (
          <Route path="*" element={<SignInPage expired={expired} onSignedIn={() => setExpired(false)} />} />
        )}
      </Route>
    </Routes>
  );
}
