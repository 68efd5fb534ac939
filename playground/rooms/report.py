"""The instructor's numbers for a room: the live dashboard and the CSV export.

A fixed handful of grouped SQL queries per call, whatever the number of attendees (a test counts
them): per attendee, per exercise, the medians (window functions), wrong quiz answers, wrong
predictions and failed checks. Nothing here writes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import Integer, and_, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from playground.rooms.models import AttendeeRow, EventRow, RoomRow, StateRow
from playground.rooms.records import AttendeeStatus, Dashboard, ExerciseStats, Room
from playground.rooms.safety import csv_cell

TOP = 5  # wrong answers / fixes listed per exercise

A, S, E = AttendeeRow, StateRow, EventRow


def _ranked(pairs: list[tuple[object, int]]) -> tuple:
    """(value, count) pairs, most common first (ties: smaller value first)."""
    return tuple(sorted(pairs, key=lambda p: (-p[1], str(p[0])))[:TOP])


def _wrong_counts(s: Session, room_id: int, option, right) -> dict[str, list]:
    """exercise id -> [(option, attendees who picked it wrongly)]."""
    query = (
        select(S.exercise_id, option, func.count())
        .join(A, A.id == S.attendee_id)
        .where(A.room_id == room_id, right.is_(False))
        .group_by(S.exercise_id, option)
    )
    out: dict[str, list] = defaultdict(list)
    for exercise_id, value, n in s.execute(query):
        out[exercise_id].append((value, n))
    return out


def dashboard(
    s: Session, row: RoomRow, room: Room, now: datetime, stuck_minutes: float
) -> Dashboard:
    """Who joined (solved count, checks run, stuck or not) and per exercise: started, solved,
    median and mean seconds to solve, quiz answers right, the most common wrong quiz answers,
    wrong predictions and failed checks (counted in attendees). Stuck: not every exercise solved
    and no progress (step passed, solve, quiz answer; joining counts) for `stuck_minutes`."""
    ids = list(room.exercise_ids)
    in_room = A.room_id == row.id
    people = (
        select(
            A.display_name,
            A.joined_at,
            func.coalesce(A.last_progress_at, A.joined_at),
            func.count(S.solved_at),
            func.coalesce(func.sum(S.attempts), 0),
        )
        .outerjoin(S, and_(S.attendee_id == A.id, S.exercise_id.in_(ids)))
        .where(in_room)
        .group_by(A.id)
        .order_by(A.joined_at, A.id)
    )
    limit = now - timedelta(minutes=stuck_minutes)
    attendees = tuple(
        AttendeeStatus(name, joined, last, solved, int(tries), solved < len(ids) and last < limit)
        for name, joined, last, solved, tries in s.execute(people)
    )
    right = func.sum(case((S.quiz_right.is_(True), 1), else_=0))
    per = (
        select(S.exercise_id, func.count(), func.count(S.solved_at), func.avg(S.seconds), right)
        .join(A, A.id == S.attendee_id)
        .where(in_room)
        .group_by(S.exercise_id)
    )
    counts = {r[0]: r[1:] for r in s.execute(per)}
    order = func.row_number().over(partition_by=S.exercise_id, order_by=S.seconds).label("rn")
    size = func.count().over(partition_by=S.exercise_id).label("n")
    ranked = (
        select(S.exercise_id, S.seconds, order, size)
        .join(A, A.id == S.attendee_id)
        .where(in_room, S.seconds.is_not(None))
        .subquery()
    )
    n = ranked.c.n.cast(Integer)
    middle = or_(ranked.c.rn == (n + 1) // 2, ranked.c.rn == (n + 2) // 2)
    medians = dict(
        s.execute(
            select(ranked.c.exercise_id, func.avg(ranked.c.seconds))
            .where(middle)
            .group_by(ranked.c.exercise_id)
        ).all()
    )
    quiz = _wrong_counts(s, row.id, S.quiz, S.quiz_right)
    predictions = _wrong_counts(s, row.id, S.prediction, S.prediction_right)
    failed = (
        select(E.exercise_id, E.detail, func.count(distinct(E.attendee_id)))
        .join(A, A.id == E.attendee_id)
        .where(in_room, E.kind == "attempt", E.ok.is_(False), E.detail.is_not(None))
        .group_by(E.exercise_id, E.detail)
    )
    fixes: dict[str, list] = defaultdict(list)
    for exercise_id, detail, k in s.execute(failed):
        fixes[exercise_id].append((detail, k))
    stats = []
    for i in ids:
        started, solved, mean, quiz_right = counts.get(i, (0, 0, None, 0))
        median = medians.get(i)
        stats.append(
            ExerciseStats(
                exercise_id=i,
                started=started,
                solved=solved,
                median_seconds=None if median is None else float(median),
                mean_seconds=None if mean is None else float(mean),
                quiz_right=int(quiz_right or 0),
                wrong_quiz=_ranked(quiz[i]),
                wrong_predictions=_ranked(predictions[i]),
                wrong_fixes=tuple((json.loads(d), k) for d, k in _ranked(fixes[i])),
            )
        )
    return Dashboard(room, attendees, tuple(stats), stuck_minutes)


COLUMNS = (
    *("room", "attendee", "joined_at", "exercise", "position", "steps_passed", "checks"),
    *("solved", "seconds", "quiz_answer", "quiz_right", "prediction", "prediction_right"),
    *("first_check_at", "solved_at"),
)


def _time(t: datetime | None) -> str | None:
    return None if t is None else t.strftime("%Y-%m-%dT%H:%M:%SZ")


def export_csv(s: Session, row: RoomRow) -> str:
    """One row per attendee × exercise of the room (attendees in joining order, exercises in the
    room's order; untouched exercises too), times in UTC. Every cell goes through
    `safety.csv_cell`, so a name like "=HYPERLINK(…)" stays text in a spreadsheet."""
    people = s.execute(
        select(A.id, A.display_name, A.joined_at)
        .where(A.room_id == row.id)
        .order_by(A.joined_at, A.id)
    ).all()
    states = s.scalars(select(S).join(A, A.id == S.attendee_id).where(A.room_id == row.id))
    by_key = {(r.attendee_id, r.exercise_id): r for r in states}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for attendee_id, name, joined in people:
        for position, i in enumerate(row.exercise_ids, 1):
            r = by_key.get((attendee_id, i))
            cells = [row.code, name, _time(joined), i, position]
            if r is None:
                cells += [0, 0, False, None, None, None, None, None, None, None]
            else:
                cells += [r.step, r.attempts, r.solved_at is not None, r.seconds, r.quiz]
                cells += [r.quiz_right, r.prediction, r.prediction_right]
                cells += [_time(r.first_attempt_at), _time(r.solved_at)]
            writer.writerow([csv_cell(c) for c in cells])
    return out.getvalue()
