import type { Route } from '../../lib/router';
import { TodayPage } from '../today/TodayPage';
import { CustomersPage } from '../customers/CustomersPage';
import { CustomerPage } from '../customer/CustomerPage';
import { FeedbackPage } from '../feedback/FeedbackPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ComingSoonPage } from './ComingSoonPage';
import { NotFoundPage } from './NotFoundPage';
import { IconImport, IconInsights, IconReports } from '../common/icons';

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
      return <SettingsPage />;
    case 'insights':
      return (
        <ComingSoonPage
          title="Insights"
          icon={<IconInsights size={32} />}
          headline="Who your regulars are, and who is slipping away"
          points={[
            'Your best customers, those at risk, and the new ones worth keeping.',
            'Lifetime value, retention and how often people come back.',
            'A "who to call this week" list with the reason for each name.',
          ]}
        />
      );
    case 'import':
      return (
        <ComingSoonPage
          title="Import"
          icon={<IconImport size={32} />}
          headline="Bring in the spreadsheets your till or booking system exports"
          points={[
            'Drop a CSV or Excel file onto the window.',
            'Check how the columns are read before anything is saved.',
            'Undo a whole import with one click if it was the wrong file.',
          ]}
        />
      );
    case 'reports':
      return (
        <ComingSoonPage
          title="Reports"
          icon={<IconReports size={32} />}
          headline="A one-page summary of your month"
          points={['Visits, takings and what customers said, on one printable page.', 'Save it as a PDF or print it for the back office.']}
        />
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}
