import type { Route } from '../../lib/router';
import { TodayPage } from '../today/TodayPage';
import { CustomersPage } from '../customers/CustomersPage';
import { CustomerPage } from '../customer/CustomerPage';
import { FeedbackPage } from '../feedback/FeedbackPage';
import { SettingsPage } from '../settings/SettingsPage';
import { NotFoundPage } from './NotFoundPage';
import { ImportPage } from '../import/ImportPage';
import { InsightsPage } from '../insights/InsightsPage';
import { ReportsPage } from '../reports/ReportsPage';

export function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'feedback':
      return <FeedbackPage />;
    case 'settings':
      return <SettingsPage tab={route.tab} />;
    case 'insights':
      return <InsightsPage />;
    case 'import':
      return <ImportPage />;
    case 'reports':
      return <ReportsPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
