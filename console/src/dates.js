// The hub counts days in Beijing time (Asia/Shanghai), as the provinces do: "today" and "this year" here must be the
// same days, whatever the browser's own time zone (an operator's laptop set to UTC would otherwise lag after 16:00).
const BEIJING = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Beijing as YYYY-MM-DD. */
export function todayInBeijing(now = new Date()) {
  return BEIJING.format(now);
}

/** The current year in Beijing. */
export function yearInBeijing(now = new Date()) {
  return Number(todayInBeijing(now).slice(0, 4));
}
