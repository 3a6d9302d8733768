import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { useApp } from '../context.ts';
import type { Role } from '../screen-types.ts';
import { ROLES } from '../staff/roles.ts';

// The server counts someone as present for 45 s after they were last heard from: three beats.
const BEAT_MS = 15_000;

interface Present {
  id: string;
  name: string;
  role: string;
  seenAt: string;
}

/**
 * Says "I have this article open" every 15 s while it is, and "I left" when the screen closes or the
 * tab goes away (a keepalive request, which outlives the page; a crashed tab simply stops beating).
 * Shows who else has it open, and announces changes politely.
 */
export function Presence(props: { articleId: string }) {
  const { t } = useApp();
  const [others, setOthers] = useState<Present[]>([]);
  const [seenSomeone, setSeenSomeone] = useState(false);

  useEffect(() => {
    const path = `/articles/${encodeURIComponent(props.articleId)}/presence`;
    let stopped = false;
    const beat = () => {
      if (document.visibilityState === 'hidden') return;
      api<{ others: Present[] }>('POST', path).then(
        (answer) => {
          if (stopped) return;
          setOthers(answer.others);
          if (answer.others.length > 0) setSeenSomeone(true);
        },
        () => undefined, // Offline or signed out: the editor says so; presence just tries again.
      );
    };
    const leave = () => void api('DELETE', path, undefined, { keepalive: true }).catch(() => undefined);
    const visibility = () => (document.visibilityState === 'visible' ? beat() : undefined);
    beat();
    const timer = setInterval(beat, BEAT_MS);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', visibility);
      leave();
    };
  }, [props.articleId]);

  const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);
  const names = others
    .map((other) => (isRole(other.role) ? `${other.name} (${t(`role.${other.role}`)})` : other.name))
    .join(', ');
  return (
    <p class="presence" aria-live="polite">
      {others.length > 0 ? t('history.presence.one', { names }) : seenSomeone ? t('history.presence.left') : ''}
    </p>
  );
}
