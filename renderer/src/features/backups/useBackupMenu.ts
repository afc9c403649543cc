import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { navigate } from '../../lib/router';
import { listenForBackupMenu } from '../../stores/backups-store';

/** File › Back up now… (desktop menu, Ctrl+B): opens Settings › Backups and the folder dialog. */
export function useBackupMenu(): void {
  useEffect(
    () =>
      listenForBackupMenu(
        () => navigate({ page: 'settings', tab: 'backups' }),
        (created, error) => {
          if (error) notifications.show({ color: 'red', title: 'The backup failed', message: error });
          else if (created) notifications.show({ color: 'teal', title: 'Backed up', message: `Saved as ${created.backup.file}.` });
        },
      ),
    [],
  );
}
