import { useAuth } from '../auth/auth-provider.tsx';
import { PageLoading } from '../../ui/status-views.tsx';
import { AppLayout } from './app-layout.tsx';
import { PublicLayout } from './public-layout.tsx';

/** Public pages: inside the signed-in frame (with the menu) for users, in a plain frame for visitors. */
export function PublicOrAppLayout() {
  const { status } = useAuth();
  if (status === 'loading') return <PageLoading />;
  return status === 'signed-in' ? <AppLayout /> : <PublicLayout />;
}
