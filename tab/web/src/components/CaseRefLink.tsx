/** A case's reference as a link to the case view (a real `?case=` address; a click navigates in the app). */
import { Link } from '@fluentui/react-components';

export function CaseRefLink({
  caseRef,
  openCase,
  className,
}: {
  caseRef: string;
  openCase: (ref: string) => void;
  className?: string;
}) {
  return (
    <Link
      className={className}
      href={`?case=${caseRef}`}
      onClick={(e) => {
        e.preventDefault();
        openCase(caseRef);
      }}
    >
      {caseRef}
    </Link>
  );
}
