import { useEffect, useState } from "react";
import type { Translate } from "~/i18n";
import { useT } from "../use-t";

const MINUTE = 60_000;

/** "noch 3 Tage, 4 Stunden, 12 Minuten"; minutes are rounded down, so it never promises time that is gone. */
export function remainingText(t: Translate, deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return t("applications.countdown.over");
  const minutesLeft = Math.floor(left / MINUTE);
  const days = Math.floor(minutesLeft / (24 * 60));
  const hours = Math.floor((minutesLeft % (24 * 60)) / 60);
  const minutes = minutesLeft % 60;
  const parts = [
    days > 0 ? t("applications.countdown.day", { count: days }) : null,
    days > 0 || hours > 0 ? t("applications.countdown.hour", { count: hours }) : null,
    t("applications.countdown.minute", { count: minutes }),
  ].filter((part): part is string => part !== null);
  return left < MINUTE ? t("applications.countdown.lastMinute") : t("applications.countdown.left", { time: parts.join(", ") });
}

/**
 * The time left until a deadline: rendered on the server from its clock, then kept current in the
 * browser. The deadline itself is shown beside it in Europe/Berlin time.
 */
export function DeadlineCountdown({ deadline, serverNow }: { deadline: Date | string; serverNow: Date | string }) {
  const t = useT();
  const end = new Date(deadline);
  const [now, setNow] = useState(() => new Date(serverNow));
  useEffect(() => {
    // The browser's clock may be off; only the time that passes is taken from it.
    const offset = new Date(serverNow).getTime() - Date.now();
    const tick = () => setNow(new Date(Date.now() + offset));
    const interval = setInterval(tick, 15_000);
    return () => clearInterval(interval);
  }, [serverNow]);
  return (
    <span className="countdown">
      <time dateTime={end.toISOString()}>{remainingText(t, end, now)}</time>
    </span>
  );
}
