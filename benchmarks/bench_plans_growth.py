"""Plans workloads at three sizes each: the formerly quadratic paths and how they grow.

Each baseline is the plain way to do the same job with the same output, timed in the
same run: a bisect merge for adherence, one-pass dict grouping for the feedback and
report paths, dicts for lookups. Every ``build`` checks once, untimed, that both sides
give the same answer.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import html

from benchmarks._runner import Growth


# --- adherence ---------------------------------------------------------------------


def _plain_match(slots, days, tolerance):
    """The same rule as `Recurrence.adherence`, over plain sorted date lists."""
    count = len(slots)
    free = list(range(count + 1))
    reach = dt.timedelta(days=tolerance)
    held, late, extra = [], [], []
    for day in days:
        after = bisect.bisect_right(slots, day)
        best = after - 1
        if best >= 0 and free[best] != best:
            best = -1
        early = after
        while free[early] != early:
            free[early] = free[free[early]]
            early = free[early]
        if (
            early < count
            and (early == 0 or slots[early] - reach <= day)
            and (best < 0 or slots[early] - day < day - slots[best])
        ):
            best = early
        if best < 0:
            extra.append(day)
            continue
        free[best] = best + 1
        held.append((slots[best], day))
        if (day - slots[best]).days > tolerance:
            late.append((slots[best], day))
    met = {slot for slot, _ in held}
    missed = [slot for slot in slots if slot not in met]
    return sorted(held), missed, sorted(late), extra


def _adherence(size: int):
    from dateutil import rrule

    from engagekit.plans import Recurrence

    rule = Recurrence.parse("weekly")
    start = dt.date(1920, 1, 1)
    end = start + dt.timedelta(weeks=size) - dt.timedelta(days=1)
    slots = [start + dt.timedelta(weeks=n) for n in range(size)]
    offsets = (-2, -1, 0, 1, 2, 5)
    held = [
        day
        for n, slot in enumerate(slots)
        if n % 7 and start <= (day := slot + dt.timedelta(days=offsets[n % 6])) <= end
    ]

    def ours():
        return rule.adherence(held, start, end, tolerance_days=3)

    def baseline():
        expected = [
            moment.date()
            for moment in rrule.rrule(
                rrule.WEEKLY,
                dtstart=dt.datetime.combine(start, dt.time()),
                until=dt.datetime.combine(end, dt.time()),
            )
        ]
        return _plain_match(expected, sorted(held), 3)

    mine, plain = ours(), baseline()
    assert [(o.date, d) for o, d in mine.held] == plain[0]
    assert [o.date for o in mine.missed] == plain[1]
    assert [(o.date, d) for o, d in mine.late] == plain[2]
    assert list(mine.extra) == plain[3]
    return ours, baseline


# --- feedback ----------------------------------------------------------------------


def _loop(count: int, themes: int):
    from engagekit.plans import (
        ChangeStatus,
        Channel,
        FeedbackItem,
        FeedbackLoop,
        FeedbackOutcome,
        Response,
    )

    start = dt.date(2018, 4, 1)
    items = [
        FeedbackItem(
            id=f"f{n}",
            date=start + dt.timedelta(days=n % 365),
            channel=Channel.SURVEY,
            text=f"Feedback {n} <about> waiting & parking",
            theme=f"theme {n % themes:05d}",
            asked=f"question {n % 7}",
        )
        for n in range(count)
    ]
    responses = [
        Response(
            id=f"r{n}",
            feedback=(f"f{n}",),
            date=items[n].date + dt.timedelta(days=10),
            text=f"Response {n}",
            change=ChangeStatus.MADE if n % 2 else ChangeStatus.NONE,
            decision=f"d{(n // 3) % max(1, count // 100)}",
        )
        for n in range(count)
        if n % 3
    ]
    outcomes = [
        FeedbackOutcome(id=f"o{r.id}", response=r.id, date=r.date, text=f"Outcome of {r.id}")
        for r in responses[::5]
    ]
    return FeedbackLoop(items=items, responses=responses, outcomes=outcomes)


def _forget_index(value) -> None:
    # Loops and plans index themselves once per value; drop those indexes so each
    # timed call pays for building them, as a first call on a new value does.
    for name in ("_index", "_items", "_lineage", "_informed"):
        if hasattr(type(value), name):
            with contextlib.suppress(AttributeError):
                object.__delattr__(value, name)


def _informed(size: int):
    loop = _loop(size, max(10, size // 100))
    decisions = sorted({r.decision for r in loop.responses if r.decision})

    def ours():
        _forget_index(loop)
        return {d: [i.id for i in loop.informed(d)] for d in decisions}

    def baseline():
        position = {item.id: n for n, item in enumerate(loop.items)}
        by: dict[str, dict[str, None]] = {}
        for response in loop.responses:
            if response.decision:
                by.setdefault(response.decision, {}).update(dict.fromkeys(response.feedback))
        return {d: sorted(by[d], key=position.__getitem__) for d in decisions}

    assert ours() == baseline()
    return ours, baseline


#: The inline style engagekit puts on every table cell (left-aligned in notebooks).
_CELL = "text-align:left;vertical-align:top"
_HEAD = ("Theme", "We asked", "You said", "We did", "The outcome was")


def _plain_yswd_html(loop, start, end, title):
    """One-pass grouping by theme and the same HTML table string."""
    items: dict[str | None, list] = {}
    theme_of = {}
    for item in loop.items:
        if start <= item.date <= end:
            items.setdefault(item.theme, []).append(item)
            theme_of[item.id] = item.theme
    did: dict[str | None, list[str]] = {}
    themes_of = {}
    for response in loop.responses:
        if response.date <= end:
            mine = tuple(dict.fromkeys(theme_of[f] for f in response.feedback if f in theme_of))
            themes_of[response.id] = mine
            for theme in mine:
                did.setdefault(theme, []).append(response.text)
    came: dict[str | None, list[str]] = {}
    for outcome in loop.outcomes:
        if outcome.date <= end:
            for theme in themes_of.get(outcome.response, ()):
                came.setdefault(theme, []).append(outcome.text)
    esc = html.escape
    parts = [
        '<div class="engagekit"><table class="engagekit">',
        f"<caption>{esc(title)}</caption>",
        "<thead><tr>"
        + "".join(f'<th scope="col" style="{_CELL}">{esc(h)}</th>' for h in _HEAD)
        + "</tr></thead><tbody>",
    ]
    for theme in sorted(items, key=lambda t: (t is None, t or "")):
        said = items[theme]
        cells = (
            theme or "other",
            "; ".join(dict.fromkeys(i.asked for i in said if i.asked)),
            "; ".join(i.text for i in said),
            "; ".join(did.get(theme, ())) or "not yet answered",
            "; ".join(came.get(theme, ())),
        )
        parts.append(
            "<tr>" + "".join(f'<td style="{_CELL}">{esc(c)}</td>' for c in cells) + "</tr>"
        )
    parts.append("</tbody></table></div>")
    return "".join(parts)


def _you_said(size: int):
    from engagekit import render
    from engagekit.plans import you_said_we_did

    loop = _loop(size, max(10, size // 100))
    start, end = dt.date(2018, 4, 1), dt.date(2019, 3, 31)
    title = "You said, we did"

    def ours():
        return render.html(you_said_we_did(loop, (start, end), title=title))

    def baseline():
        return _plain_yswd_html(loop, start, end, title)

    assert ours() == baseline()
    return ours, baseline


def _annual_report(size: int):
    from engagekit import render
    from engagekit.plans import annual_engagement_report

    loop = _loop(size, max(10, size // 100))
    start, end = dt.date(2018, 4, 1), dt.date(2019, 3, 31)

    def ours():
        return render.html(annual_engagement_report(2018, body="Sutton CCG", loop=loop))

    def baseline():
        return _plain_yswd_html(loop, start, end, "You said, we did")

    return ours, baseline


# --- plans -------------------------------------------------------------------------


def _plan_document(objectives: int):
    rows, actions = [], []
    for n in range(objectives):
        top, sub = divmod(n, 10)
        number = f"{top + 1}" if sub == 0 else f"{top + 1}.{sub}"
        rows.append({"id": number, "title": f"Objective {number}"})
        actions.append({"id": f"{number}a", "objective": number, "description": f"Act {number}"})
    return {"title": "A large plan", "objective": rows, "action": actions}


def _plain_plan(document):
    objectives = {
        row["id"]: {**row, "actions": [], "objectives": []} for row in document["objective"]
    }
    roots = []
    for row in document["objective"]:
        parent = row["id"].rpartition(".")[0]
        (objectives[parent]["objectives"] if parent else roots).append(objectives[row["id"]])
    for action in document["action"]:
        objectives[action["objective"]]["actions"].append(dict(action))
    return roots


def _plan_loading(size: int):
    from engagekit.plans import plan_from_dict

    document = _plan_document(size)

    def ours():
        return plan_from_dict(document)

    def baseline():
        return _plain_plan(document)

    assert len(ours().objectives) == len(baseline())
    return ours, baseline


def _plan_lookups(size: int):
    from engagekit.plans import plan_from_dict

    plan = plan_from_dict(_plan_document(size))
    ids = [a.id for a in plan.all_actions()]

    def ours():
        _forget_index(plan)
        return [(plan.action(i).description, plan.objective_of(i).id) for i in ids]

    def baseline():
        actions, home = {}, {}
        stack = list(reversed(plan.objectives))
        while stack:
            objective = stack.pop()
            for action in objective.actions:
                actions[action.id] = action
                home[action.id] = objective
            stack.extend(reversed(objective.objectives))
        return [(actions[i].description, home[i].id) for i in ids]

    assert ours() == baseline()
    return ours, baseline


def workloads() -> list[Growth]:
    return [
        Growth(
            name="Recurrence.adherence, weekly",
            compared_with="dateutil.rrule dates and a bisect merge of the held meetings",
            build=_adherence,
            sizes=(52, 520, 5218),
            unit="expected meetings",
            target=3.0,
            notes="both sides generate the expected dates with dateutil.rrule",
        ),
        Growth(
            name="FeedbackLoop.informed for every decision",
            compared_with="one-pass dict grouping of responses by decision",
            build=_informed,
            sizes=(300, 3_000, 30_000),
            target=3.0,
            notes="ours rebuilds the loop's index in every timed call",
        ),
        Growth(
            name='"You said, we did" as HTML',
            compared_with="one-pass grouping by theme and the same HTML string",
            build=_you_said,
            sizes=(1_000, 10_000, 100_000),
            quick_sizes=(300, 3_000, 30_000),
            target=3.0,
            notes="themes = items / 100 (1,000 themes at 100k items)",
        ),
        Growth(
            name="annual report HTML with a feedback loop",
            target=3.0,
            compared_with='one-pass grouping by theme and the same "You said, we did" HTML',
            build=_annual_report,
            sizes=(1_000, 10_000, 100_000),
            quick_sizes=(300, 3_000, 30_000),
            notes="ours also computes the loop's metrics and the other sections",
        ),
        Growth(
            name="plan_from_dict",
            compared_with="one-pass grouping of the same rows into plain dicts",
            build=_plan_loading,
            sizes=(100, 1_000, 10_000),
            unit="objectives",
            notes="report only: the baseline validates nothing",
        ),
        Growth(
            name="ActionPlan.action + objective_of for every action",
            compared_with="dicts of actions and their objectives, built in one walk",
            build=_plan_lookups,
            sizes=(100, 1_000, 10_000),
            unit="actions",
            target=3.0,
            notes="ours rebuilds the plan's index in every timed call",
        ),
    ]
