import type { Session } from '../App';
export default function ReportView(_p: {
  session: Session;
  params: URLSearchParams;
  navigate: (n: URLSearchParams) => void;
}) {
  return null;
}
