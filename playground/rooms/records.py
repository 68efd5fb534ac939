"""What the store hands out: plain frozen dataclasses, detached from any database session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from playground.rooms.safety import format_code


@dataclass(frozen=True)
class Room:
    """A workshop room. `code` is the stored form (12 symbols); `shown_code` groups it."""

    code: str
    title: str
    exercise_ids: tuple[str, ...]
    locks: dict[str, Any]
    rejoin_by_name: bool
    created_at: datetime
    expires_at: datetime
    closed_at: datetime | None

    @property
    def shown_code(self) -> str:
        return format_code(self.code)

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


@dataclass(frozen=True)
class Seat:
    """An attendee in a room, as the browser session keeps it. `token` is the attendee's secret:
    every attendee-facing call takes it; it is left out of repr so it never lands in a log."""

    room: Room
    name: str
    token: str = field(repr=False)
    returning: bool  # the name was already in the room (another device, a reload, a restart)


@dataclass(frozen=True)
class ExerciseProgress:
    """Where an attendee stands in one exercise: steps passed, checks run, solved (and how many
    seconds from the first check to the solve), the quiz answer, the prediction, and `reached`:
    the setup (a RunConfig dict) that passed the step before, which the next step starts from."""

    step: int = 0
    attempts: int = 0
    solved: bool = False
    seconds: float | None = None
    quiz: int | None = None
    quiz_right: bool | None = None
    prediction: int | None = None
    prediction_right: bool | None = None
    reached: dict[str, Any] | None = None


@dataclass(frozen=True)
class Pin:
    """A pinned setup: its name and the RunConfig as a dict (RunConfig.to_dict())."""

    name: str
    config: dict[str, Any]


@dataclass(frozen=True)
class Progress:
    """Everything the exercises and compare pages restore for one attendee."""

    exercises: dict[str, ExerciseProgress]
    pins: tuple[Pin, ...]

    @property
    def done(self) -> tuple[str, ...]:
        """Ids of the solved exercises."""
        return tuple(i for i, p in self.exercises.items() if p.solved)

    @property
    def quiz(self) -> dict[str, int]:
        """Quiz answers given: exercise id -> option index."""
        return {i: p.quiz for i, p in self.exercises.items() if p.quiz is not None}


@dataclass(frozen=True)
class AttendeeStatus:
    """One line of the dashboard's attendee list."""

    name: str
    joined_at: datetime
    last_progress_at: datetime
    solved: int
    attempts: int
    stuck: bool  # not finished and no progress for the dashboard's N minutes


@dataclass(frozen=True)
class ExerciseStats:
    """One exercise across the room. Times in seconds from first check to solve. The wrong
    lists are (value, how many) pairs, most common first."""

    exercise_id: str
    started: int
    solved: int
    median_seconds: float | None
    mean_seconds: float | None
    quiz_right: int
    wrong_quiz: tuple[tuple[int, int], ...]
    wrong_predictions: tuple[tuple[int, int], ...]
    wrong_fixes: tuple[tuple[dict[str, Any], int], ...]


@dataclass(frozen=True)
class Dashboard:
    """The instructor's live view of a room."""

    room: Room
    attendees: tuple[AttendeeStatus, ...]
    exercises: tuple[ExerciseStats, ...]
    stuck_minutes: float

    @property
    def stuck(self) -> tuple[str, ...]:
        """Names of the attendees who seem stuck."""
        return tuple(a.name for a in self.attendees if a.stuck)
