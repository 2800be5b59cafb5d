/** A case's screenshot, fetched through the API with the caller's token and shown from a blob URL. */
import { Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Session } from '../../App';
import { useCaseStyles } from '../CaseView.styles';

interface Props {
  session: Session;
  caseRef: string;
  id: string;
  name: string;
}

export function Screenshot({ session, caseRef, id, name }: Props) {
  const styles = useCaseStyles();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    session.api
      .blob(`/api/cases/${caseRef}/attachments/${encodeURIComponent(id)}`)
      .then((b) => {
        objectUrl = URL.createObjectURL(b);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [session, caseRef, id]);
  return url ? (
    <img className={styles.shot} src={url} alt={name} data-testid="screenshot" />
  ) : (
    <Text>{name}</Text>
  );
}
