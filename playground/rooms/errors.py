"""What can go wrong in a room, as exception types the app turns into plain messages.

Every error carries `key` (a message key for the app's locales, e.g. "rooms.closed"), `params`
(values for the message's placeholders) and an English sentence as its text, so a caller without
locales can still show `str(error)`. None of them carries a token, a key or a database address.
"""

from __future__ import annotations

from typing import Any


class RoomError(Exception):
    """Base class: something the user can fix or must be told (never a traceback)."""

    key = "rooms.error"
    message = "Something went wrong with the room."

    def __init__(self, message: str | None = None, **params: Any) -> None:
        self.params = params
        super().__init__((message or self.message).format(**params))


class RoomNotFound(RoomError):
    key = "rooms.unknown_code"
    message = "No room has this code. Check the code with your instructor (letters and digits)."


class RoomExpired(RoomError):
    key = "rooms.expired"
    message = "This room has expired. Ask your instructor for the code of a current room."


class RoomClosed(RoomError):
    key = "rooms.closed"
    message = "This room is closed: its results can be read but no longer changed."


class RoomFull(RoomError):
    key = "rooms.full"
    message = "This room is full ({max} attendees). Ask your instructor for another room."


class NameRejected(RoomError):
    """A display name the room cannot take; `key` says why (empty, too long, control chars)."""

    def __init__(self, key: str, message: str, **params: Any) -> None:
        self.key = key
        super().__init__(message, **params)


class NameTaken(RoomError):
    key = "rooms.name_taken"
    message = (
        "Someone in this room already uses this name. Pick another name, or open your personal "
        "link on this device to continue as yourself."
    )


class NotJoined(RoomError):
    key = "rooms.not_joined"
    message = "Your place in this room was not found. Join again with the room code and your name."


class BadRoomInput(RoomError):
    """An instructor's or the app's request the store refuses (unknown exercise, bad lock…)."""

    key = "rooms.bad_input"


class StoreUnavailable(RoomError):
    key = "rooms.unavailable"
    message = "The room database cannot be reached right now. Try again in a minute."
