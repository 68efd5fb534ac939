"""Attendee progress: the checks, solves, answers and pins an attendee's token may write, and
what their pages restore. A mixin of `Store`, which provides `_write`, `_read`, `_seat`, `now`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from playground.rooms.errors import BadRoomInput, NameRejected
from playground.rooms.models import AttendeeRow, EventRow, PinRow, RoomRow, StateRow
from playground.rooms.records import ExerciseProgress, Pin, Progress
from playground.rooms.safety import clean_name

MAX_PINS = 8  # as the compare page
MAX_DETAIL = 2_000  # characters of JSON describing a failed check
MAX_LOGGED_CHECKS = 200  # per attendee and exercise: the event log cannot be flooded


def _as_progress(row: StateRow | None) -> ExerciseProgress:
    if row is None:
        return ExerciseProgress()
    return ExerciseProgress(
        step=row.step,
        attempts=row.attempts,
        solved=row.solved_at is not None,
        seconds=row.seconds,
        quiz=row.quiz,
        quiz_right=row.quiz_right,
        prediction=row.prediction,
        prediction_right=row.prediction_right,
        reached=None if row.reached is None else dict(row.reached),
    )


def small_int(value: Any, what: str, top: int = 100) -> int:
    """`value` if it is a whole number (not a bool) from 0 to `top`; else BadRoomInput."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise BadRoomInput("{what} must be a whole number from 0 to {top}.", what=what, top=top)
    return value


def _setup(config: Any) -> dict[str, Any]:
    """`config` as a valid RunConfig dict (as the app writes it); else BadRoomInput."""
    from playground.config import RunConfig

    try:
        return RunConfig.from_dict(dict(config)).to_dict()
    except (TypeError, ValueError) as e:
        raise BadRoomInput("A setup is not valid: {why}", why=str(e)) from None


class ProgressMixin:
    """The attendee-facing writes and reads of `Store` (each takes the attendee's token)."""

    def _state(self, s: Session, att: AttendeeRow, room: RoomRow, exercise_id: Any) -> StateRow:
        """The attendee's row for one of the room's exercises, created if new, locked."""
        if exercise_id not in room.exercise_ids:
            raise BadRoomInput("This exercise is not part of the room.")
        dialect = postgresql if s.bind.dialect.name == "postgresql" else sqlite
        now = self.now()
        s.execute(
            dialect.insert(StateRow)
            .values(attendee_id=att.id, exercise_id=exercise_id, step=0, attempts=0, updated_at=now)
            .on_conflict_do_nothing()
        )
        query = select(StateRow).filter_by(attendee_id=att.id, exercise_id=exercise_id)
        row = s.scalars(query.with_for_update()).one()
        row.updated_at = now
        return row

    def _event(self, s: Session, att: AttendeeRow, exercise_id: str, kind: str, **kw: Any) -> None:
        s.add(EventRow(attendee_id=att.id, exercise_id=exercise_id, kind=kind, at=self.now(), **kw))

    @contextmanager
    def _change(self, token: Any, exercise_id: Any) -> Iterator[tuple[Session, Any, StateRow]]:
        with self._write() as s:
            att, room = self._seat(s, token, write=True)
            yield s, att, self._state(s, att, room, exercise_id)

    def record_attempt(
        self,
        token: Any,
        exercise_id: str,
        step: int,
        failure: Mapping[str, Any] | None = None,
        reached: Mapping[str, Any] | None = None,
    ) -> ExerciseProgress:
        """One check of step `step` (0-based): passed when `failure` is None, else `failure`
        says what failed (JSON-able, e.g. {"criterion": "test_acc", "codes": ["exploding"]});
        the dashboard counts the most common ones. A pass moves the attendee past that step;
        `reached` (a pass only) is the setup that passed it, kept for the next step."""
        small_int(step, "step")
        if reached is not None:
            if failure is not None:
                raise BadRoomInput("Only a passed check reaches a setup.")
            reached = _setup(reached)
        detail = None
        if failure is not None:
            try:
                detail = json.dumps(dict(failure), sort_keys=True, ensure_ascii=False)
            except (TypeError, ValueError):
                raise BadRoomInput("A failure must be a JSON-able dict.") from None
            if len(detail) > MAX_DETAIL:
                raise BadRoomInput("A failure's description is too long.")
        with self._change(token, exercise_id) as (s, att, row):
            row.attempts += 1
            row.first_attempt_at = row.first_attempt_at or self.now()
            if detail is None:
                row.step = max(row.step, step + 1)
                att.last_progress_at = self.now()
                if reached is not None:
                    row.reached = reached
            if row.attempts <= MAX_LOGGED_CHECKS:  # beyond: counted, not logged (a flood)
                ok = detail is None
                self._event(s, att, exercise_id, "attempt", step=step, ok=ok, detail=detail)
            return _as_progress(row)

    def record_solved(self, token: Any, exercise_id: str) -> ExerciseProgress:
        """The exercise is solved (steps and quiz done). The first solve counts: its time is
        taken from the first check (server clock). Again later: nothing changes."""
        with self._change(token, exercise_id) as (s, att, row):
            if row.solved_at is None:
                now = self.now()
                row.first_attempt_at = row.first_attempt_at or now
                row.solved_at = now
                row.seconds = (now - row.first_attempt_at).total_seconds()
                att.last_progress_at = now
                self._event(s, att, exercise_id, "solved", ok=True)
            return _as_progress(row)

    def record_quiz(
        self, token: Any, exercise_id: str, option: int, right: bool
    ) -> ExerciseProgress:
        """The quiz answer (option index, right or wrong). Answered once: a second answer is
        ignored and the first one returned, as the page shows it."""
        small_int(option, "option")
        with self._change(token, exercise_id) as (s, att, row):
            if row.quiz is None:
                row.quiz, row.quiz_right = option, bool(right)
                att.last_progress_at = self.now()
                self._event(s, att, exercise_id, "quiz", option=option, ok=bool(right))
            return _as_progress(row)

    def record_prediction(
        self, token: Any, exercise_id: str, option: int, right: bool | None = None
    ) -> ExerciseProgress:
        """The prediction made before the run (kept once made); `right` when the run that passed
        the step has shown whether it was (also kept once known)."""
        small_int(option, "option")
        with self._change(token, exercise_id) as (s, att, row):
            if row.prediction is None:
                row.prediction = option
            if right is not None and row.prediction_right is None and row.prediction == option:
                row.prediction_right = bool(right)
                self._event(s, att, exercise_id, "prediction", option=option, ok=bool(right))
            return _as_progress(row)

    def reset_exercise(self, token: Any, exercise_id: str) -> ExerciseProgress:
        """Start an exercise over (the page's reset): its progress goes, the event log stays."""
        with self._change(token, exercise_id) as (s, _att, row):
            s.delete(row)
            return ExerciseProgress()

    def save_pins(self, token: Any, pins: Sequence[Pin | Mapping[str, Any]]) -> tuple[Pin, ...]:
        """Replace the attendee's pinned setups (at most MAX_PINS; names unique, 1–40
        characters; each config a valid RunConfig dict)."""
        from playground.config import RunConfig

        if len(pins) > MAX_PINS:
            raise BadRoomInput("At most {max} pinned setups.", max=MAX_PINS)
        if not all(isinstance(p, Pin | Mapping) for p in pins):
            raise BadRoomInput("A pinned setup is a name and a config.")
        items = [p if isinstance(p, Pin) else Pin(p.get("name"), p.get("config")) for p in pins]
        clean = []
        for p in items:
            try:
                config = RunConfig.from_dict(dict(p.config)).to_dict()
                name = clean_name(p.name)[0]
            except (TypeError, ValueError, NameRejected) as e:
                raise BadRoomInput("A pinned setup is not valid: {why}", why=str(e)) from None
            clean.append(Pin(name, config))
        if len({p.name for p in clean}) != len(clean):
            raise BadRoomInput("Two pinned setups have the same name.")
        with self._write() as s:
            att, _room = self._seat(s, token, write=True)
            s.execute(delete(PinRow).where(PinRow.attendee_id == att.id))
            s.flush()
            for i, p in enumerate(clean):
                s.add(PinRow(attendee_id=att.id, position=i, name=p.name, config=p.config))
        return tuple(clean)

    def progress(self, token: Any) -> Progress:
        """Everything this attendee's pages restore: each of the room's exercises in order
        (untouched ones at their start) and the pinned setups. Only the token's own rows."""
        with self._read() as s:
            att, room = self._seat(s, token, write=False)
            rows = s.scalars(select(StateRow).filter_by(attendee_id=att.id))
            by_id = {r.exercise_id: r for r in rows}
            pins = s.scalars(select(PinRow).filter_by(attendee_id=att.id).order_by(PinRow.position))
            return Progress(
                exercises={i: _as_progress(by_id.get(i)) for i in room.exercise_ids},
                pins=tuple(Pin(p.name, dict(p.config)) for p in pins),
            )
