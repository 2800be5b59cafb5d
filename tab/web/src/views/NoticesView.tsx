import type { Session } from '../App';
export function NoticesView(_p: { session: Session }) {
  return null;
}
