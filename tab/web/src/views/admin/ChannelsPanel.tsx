/**
 * A desk's Teams channels: the triage channel and the notice channels, as linked from Teams with
 * `@Fristvakt koble …`. Each can be unlinked after a confirmation (`POST /api/admin/desks/:id/unlink`,
 * recorded in the change log); linking stays in Teams, where the channel is.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelRef } from '../../../../../shared/desks/model';
import type { AdminDeskResponse } from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { OutcomeBar, SimpleTable, useSave } from './common';
import { useAdminText } from './text';

type Target = { kind: 'triage'; channel: ChannelRef } | { kind: 'notice'; channel: ChannelRef };

const channelName = (c: ChannelRef): string => c.name ?? c.channelId;

export function ChannelsPanel(props: {
  api: Api;
  desk: AdminDeskResponse;
  onChanged: (r: AdminDeskResponse) => void;
}) {
  const a = useAdminText();
  const save = useSave();
  const [confirming, setConfirming] = useState<Target | null>(null);
  const desk = props.desk.item;

  const unlink = async (t: Target) => {
    setConfirming(null);
    await save.run(async () => {
      const r = await props.api.post<AdminDeskResponse>(
        `/api/admin/desks/${encodeURIComponent(desk.id)}/unlink`,
        {
          version: props.desk.version,
          channel:
            t.kind === 'triage' ? { kind: 'triage' } : { kind: 'notice', channelId: t.channel.channelId },
        },
      );
      props.onChanged(r);
    }, a('unlinked'));
  };

  const row = (t: Target, label: string) => ({
    key: `${t.kind}:${t.channel.channelId}`,
    attrs: { 'data-channel': t.channel.channelId },
    cells: [
      label,
      channelName(t.channel),
      <Button
        key="unlink"
        size="small"
        onClick={() => setConfirming(t)}
        aria-label={`${a('unlink')} ${channelName(t.channel)}`}
      >
        {a('unlink')}
      </Button>,
    ],
  });
  const rows = [
    ...(desk.triageChannel ? [row({ kind: 'triage', channel: desk.triageChannel }, a('triageChannel'))] : []),
    ...desk.noticeChannels.map((c) => row({ kind: 'notice', channel: c }, a('noticeChannels'))),
  ];

  return (
    <>
      {rows.length > 0 && (
        <SimpleTable
          label={a('channels')}
          testId="channels-table"
          columns={[a('channelUse'), a('name'), a('unlink')]}
          rows={rows}
        />
      )}
      {!desk.triageChannel && <Text>{a('noTriageChannel').replace('{desk}', desk.id)}</Text>}
      {desk.noticeChannels.length === 0 && (
        <Text>
          {a('noticeChannels')}: {a('noNoticeChannels').replace('{desk}', desk.id)}
        </Text>
      )}
      <OutcomeBar outcome={save.outcome} testId="channels-outcome" />
      <Dialog open={confirming !== null} onOpenChange={(_e, d) => !d.open && setConfirming(null)}>
        <DialogSurface data-testid="unlink-dialog">
          <DialogBody>
            <DialogTitle>{a('unlinkTitle')}</DialogTitle>
            <DialogContent>
              {confirming &&
                a(confirming.kind === 'triage' ? 'unlinkTriage' : 'unlinkNotice').replace(
                  '{channel}',
                  channelName(confirming.channel),
                )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => confirming && void unlink(confirming)}
                data-testid="unlink-confirm"
              >
                {a('unlink')}
              </Button>
              <Button onClick={() => setConfirming(null)}>{a('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
