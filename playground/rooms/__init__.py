"""Workshop rooms: attendee progress kept server-side (SQLite by default, PostgreSQL by URL) and
the instructor's dashboard numbers. No Streamlit here: the app passes `st.secrets` in.

    store = Store.open(st.secrets)          # once per server (st.cache_resource)
    seat = store.join("7K3M-Q9XA-W2HD", "Ann")  # keep seat.token in the browser session
    store.record_attempt(seat.token, "normalizer", step=0, failure={"criterion": "test_acc"})
    store.progress(seat.token).done

Instructor calls (`create_room`, `close_room`, `dashboard`, `export_csv`) are for a session
that passed `verify_instructor_key(given, instructor_key(st.secrets))`.
"""

from playground.rooms.db import database_url, make_engine, migrate
from playground.rooms.errors import (
    BadRoomInput,
    NameRejected,
    NameTaken,
    NotJoined,
    RoomClosed,
    RoomError,
    RoomExpired,
    RoomFull,
    RoomNotFound,
    StoreUnavailable,
)
from playground.rooms.records import (
    AttendeeStatus,
    Dashboard,
    ExerciseProgress,
    ExerciseStats,
    Pin,
    Progress,
    Room,
    Seat,
)
from playground.rooms.safety import instructor_key, verify_instructor_key
from playground.rooms.store import Store

__all__ = [
    "AttendeeStatus",
    "BadRoomInput",
    "Dashboard",
    "ExerciseProgress",
    "ExerciseStats",
    "NameRejected",
    "NameTaken",
    "NotJoined",
    "Pin",
    "Progress",
    "Room",
    "RoomClosed",
    "RoomError",
    "RoomExpired",
    "RoomFull",
    "RoomNotFound",
    "Seat",
    "Store",
    "StoreUnavailable",
    "database_url",
    "instructor_key",
    "make_engine",
    "migrate",
    "verify_instructor_key",
]
