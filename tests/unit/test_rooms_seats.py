"""Seats in a room, on SQLite and on PostgreSQL: the same name is the same attendee, names stay
text, tokens are secret (only their hash is stored, never logged), and an attendee's token reaches
their own data only, through every attendee-facing call."""

from __future__ import annotations

import inspect

import pytest
import rooms_support
from rooms_support import CONFIG, EX, FAIL

from playground.rooms import BadRoomInput, NameRejected, NameTaken, NotJoined, Pin
from playground.rooms.progress import ProgressMixin
from playground.rooms.safety import token_hash
from playground.rooms.store import MAX_DEVICES

clock, store, room = rooms_support.clock, rooms_support.store, rooms_support.room
pg_migrated = rooms_support.pg_migrated


# ---- seats --------------------------------------------------------------------------------------
def test_same_name_is_the_same_attendee(store, room):
    laptop = store.join(room.code, " Ann  Lee ")
    store.record_attempt(laptop.token, "normalizer", 0)
    phone = store.join(room.code, "ANN LEE")  # another device, or after a restart
    assert (laptop.returning, phone.returning) == (False, True)
    assert phone.name == "Ann Lee" and phone.token != laptop.token
    assert store.progress(phone.token) == store.progress(laptop.token)
    assert store.progress(phone.token).exercises["normalizer"].step == 1
    again = store.join(room.code, "ann lee", laptop.token)  # a reload with its token
    assert again.token == laptop.token
    assert [a.name for a in store.dashboard(room.code).attendees] == ["Ann Lee"]


def test_names_are_text(store, room):
    seat = store.join(room.code, "<script>alert('x')</script>")
    assert seat.name == "<script>alert('x')</script>"
    assert store.resume(seat.token).name == seat.name
    assert store.dashboard(room.code).attendees[0].name == seat.name
    for bad in ("A" * 41, "Ann\nLee", "\u202eAnn", ""):
        with pytest.raises(NameRejected):
            store.join(room.code, bad)


def test_room_that_asks_for_the_personal_link(store):
    strict = store.create_room("Exam", EX, rejoin_by_name=False)
    ann = store.join(strict.code, "Ann")
    with pytest.raises(NameTaken) as e:
        store.join(strict.code, "ann")
    assert e.value.key == "rooms.name_taken"
    bob = store.join(strict.code, "Bob")
    with pytest.raises(NameTaken):
        store.join(strict.code, "Ann", bob.token)  # Bob's token does not prove Ann
    assert store.join(strict.code, "Ann", ann.token).token == ann.token


def test_token_is_secret_and_only_its_hash_is_stored(store, room):
    seat = store.join(room.code, "Ann")
    assert len(seat.token) >= 43 and seat.token not in repr(seat)
    with store.engine.connect() as c:
        stored = [r[0] for r in c.exec_driver_sql("SELECT token_hash FROM attendee_tokens")]
    assert stored == [token_hash(seat.token)] and seat.token not in stored


def test_tokens_and_sql_never_logged(store, room, caplog):
    with caplog.at_level("DEBUG", logger="sqlalchemy.engine"):
        store.engine.echo = True  # parameters logged: the hash may show, never the token
        seat = store.join(room.code, "Ann")
        store.record_attempt(seat.token, "normalizer", 0)
        store.progress(seat.token)
        store.engine.echo = False
    assert token_hash(seat.token)[:10] in caplog.text  # the log did capture the parameters
    assert seat.token not in caplog.text


# ---- attendee isolation -------------------------------------------------------------------------
def _fill(store, token, quiz, pin):
    store.record_attempt(token, "normalizer", 0, FAIL)
    store.record_attempt(token, "normalizer", 0)
    store.record_solved(token, "normalizer")
    store.record_quiz(token, "normalizer", quiz, quiz == 0)
    store.record_prediction(token, "zero_init", quiz, True)
    store.save_pins(token, [Pin(pin, CONFIG)])


def test_attendee_sees_only_their_own_data(store, room):
    ann = store.join(room.code, "Ann")
    bob = store.join(room.code, "Bob")
    _fill(store, ann.token, quiz=2, pin="Ann's pin")
    bob_view = store.progress(bob.token)
    assert bob_view.done == () and bob_view.quiz == {} and bob_view.pins == ()
    assert all(p.attempts == 0 and p.prediction is None for p in bob_view.exercises.values())
    # every attendee-facing call, made with Bob's token, returns Bob's data only
    results = [
        store.resume(bob.token),
        store.record_attempt(bob.token, "normalizer", 0, FAIL),
        store.record_solved(bob.token, "mse_ce"),
        store.record_quiz(bob.token, "normalizer", 1, False),
        store.record_prediction(bob.token, "zero_init", 0, False),
        store.save_pins(bob.token, [Pin("Bob's pin", CONFIG)]),
        store.reset_exercise(bob.token, "mse_ce"),
        store.progress(bob.token),
    ]
    text = repr(results)
    assert "Ann" not in text and "quiz=2" not in text and "attempts=2" not in text
    assert results[3].quiz == 1 and results[1].attempts == 1
    ann_view = store.progress(ann.token)  # and Ann's data is untouched by Bob's writes
    assert ann_view.quiz == {"normalizer": 2} and ann_view.pins == (Pin("Ann's pin", CONFIG),)
    assert ann_view.exercises["normalizer"].attempts == 2
    assert ann_view.exercises["zero_init"].prediction == 2


def test_attendee_calls_take_a_token_and_nothing_that_names_someone(store):
    for name, fn in inspect.getmembers(ProgressMixin, inspect.isfunction):
        if not name.startswith("_"):
            params = list(inspect.signature(fn).parameters)
            assert params[1] == "token", name
            assert not {"name", "attendee", "attendee_id", "code"} & set(params), name


@pytest.mark.parametrize("token", [None, "", "x", "x" * 43, "x" * 1000, 12345])
def test_unknown_token(store, room, token):
    ann = store.join(room.code, "Ann")
    for call in (
        lambda: store.progress(token),
        lambda: store.resume(token),
        lambda: store.record_attempt(token, "normalizer", 0),
        lambda: store.save_pins(token, []),
    ):
        with pytest.raises(NotJoined) as e:
            call()
        assert e.value.key == "rooms.not_joined"
    with pytest.raises(NotJoined):
        store.progress(token_hash(ann.token))  # the stored hash is no token


def test_a_token_reaches_only_its_own_room(store, room):
    other = store.create_room("Other", ("zero_init",))
    ann = store.join(other.code, "Ann")
    with pytest.raises(BadRoomInput):
        store.record_attempt(ann.token, "normalizer", 0)  # not an exercise of Ann's room
    assert store.dashboard(room.code).attendees == ()


def test_oldest_device_gives_way(store, room, clock):
    tokens = []
    for _ in range(MAX_DEVICES + 1):
        clock.advance(1)
        tokens.append(store.join(room.code, "Ann").token)
    with pytest.raises(NotJoined):
        store.progress(tokens[0])
    assert all(store.resume(t).name == "Ann" for t in tokens[1:])
