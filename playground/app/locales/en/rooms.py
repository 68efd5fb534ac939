"""English messages of workshop rooms: joining a room (attendees) and the instructor page."""

MESSAGES = {
    # ---- what can go wrong (the keys of playground.rooms.errors) --------------------------------
    "rooms.error": "Something went wrong with the room. Try again.",
    "rooms.unknown_code": "No room has this code. Check the code with your instructor: 12 letters "
    "and digits, like `7K3M-Q9XA-W2HD`.",
    "rooms.expired": "This room has expired. Ask your instructor for the code of a current room.",
    "rooms.closed": "This room is closed: its results can be read but no longer changed.",
    "rooms.full": "This room is full ({max} attendees). Ask your instructor for another room.",
    "rooms.name_empty": "Type a name to join the room.",
    "rooms.name_control": "A name cannot contain line breaks, tabs or other control characters.",
    "rooms.name_too_long": "A name can have at most {max} characters (this one has {n}).",
    "rooms.name_taken": "Someone in this room already uses this name. Pick another name, or open "
    "your personal link on this device to continue as yourself.",
    "rooms.not_joined": "Your place in this room was not found. Join again with the room code and "
    "your name.",
    "rooms.bad_input": "The room cannot take this: {error}",
    "rooms.unavailable": "The room database cannot be reached right now. Your work on this page "
    "goes on, but it is not saved in the room. Try again in a minute.",
    # ---- attendees ------------------------------------------------------------------------------
    "room.join_title": "Join a workshop room",
    "room.join_text": "In a workshop, type the room code your instructor shows and your name: "
    "your progress, quiz answers and pinned setups are then kept in the room and come back after "
    "a reload or on another device. Without a room, progress stays in this page's address.",
    "room.code": "Room code",
    "room.code.help": "12 letters and digits, e.g. `7K3M-Q9XA-W2HD` (case and dashes do not matter).",
    "room.name": "Your name",
    "room.name.help": "Shown to your instructor (at most 40 characters). Use the same name to "
    "continue on another device.",
    "room.join": "Join the room",
    "room.in": "Room **{title}** ({code}) · you are **{name}**",
    "room.welcome_back": "Welcome back, {name}: your progress in this room is restored.",
    "room.saved": "Your progress is saved in the room.",
    "room.closed_note": "The room is closed: you can look at your results, not change them.",
    "room.personal": "Your personal link (keep it to yourself: it opens your place in the room). "
    "Every page's address carries it, so a reload keeps your place: take `seat=…` out of an "
    "address before you share it.",
    "room.leave": "Leave the room",
    "room.exercises": "This room's exercises, in your instructor's order.",
    # ---- the exercises page: a step that starts from the setup that passed the step before ----
    "ex.load_reached": "Load the setup that passed step {n}",
    "ex.load_reached.help": "Step {next} starts from it: puts it into the sidebar and opens the "
    "playground.",
    # ---- the instructor page --------------------------------------------------------------------
    "ins.nav": "Instructor",
    "ins.title": "Instructor dashboard",
    "ins.shut": "The instructor page is shut: no instructor key is set. Set "
    "`PLAYGROUND_INSTRUCTOR_KEY` (at least 12 characters) in the app's secrets or environment, "
    "then reload.",
    "ins.key": "Instructor key",
    "ins.key.help": "From the app's secrets. It is kept in this browser session only, never in the "
    "address.",
    "ins.open": "Open the dashboard",
    "ins.wrong_key": "That is not the instructor key.",
    "ins.logout": "Lock the dashboard",
    "ins.create": "Create a room",
    "ins.room_title": "Title",
    "ins.room_title.help": "What attendees see, e.g. “Tuning workshop, Tuesday”.",
    "ins.pick": "Exercises, in the order attendees see them",
    "ins.pick.help": "Pick them in the order you want; remove one and pick it again to move it "
    "to the end.",
    "ins.locks": "Lock these controls (at each exercise's starting value)",
    "ins.locked": "Locked for the room, in every exercise that does not need it: {locks}.",
    "ins.at_start": "the exercise's start",
    "ins.locked_auto": "Locked for the room: every control an exercise does not need (lock=auto), "
    "at the exercise's start; at a value of the room's own: {values}.",
    "ins.lock_values": "Lock at these values (optional, as in an exercise link)",
    "ins.lock_values.help": "Controls and values as an exercise link carries them next to "
    "`lock=`, e.g. `epochs=50&learning_rate=0.3`: each control named here is locked at that "
    "value in every exercise that does not need it.",
    "ins.bad_lock_values": "These lock values cannot be used: {parts}. Write them as in a link, "
    "e.g. `epochs=50&learning_rate=0.3`, with a value the sidebar offers.",
    "ins.locks.help": "Attendees cannot change a locked control, except one the exercise needs: "
    "that one stays free in that exercise.",
    "ins.auto": "Lock every control an exercise does not need (lock=auto)",
    "ins.days": "Open for (days)",
    "ins.by_name": "Same name, same attendee on another device",
    "ins.by_name.help": "On: typing the room code and the same name on another device continues "
    "that attendee's progress. Off: a name is taken once; attendees continue through their "
    "personal link.",
    "ins.create_btn": "Create the room",
    "ins.need_exercises": "Pick at least one exercise.",
    "ins.created": "Room created. Share its code: {code}",
    "ins.rooms": "Room",
    "ins.no_rooms": "No rooms yet: create one above.",
    "ins.room_label": "{title} · {code} · {status}",
    "ins.status.open": "open",
    "ins.status.closed": "closed",
    "ins.status.expired": "expired",
    "ins.share": "Attendees open the Exercises page and type the code, or open this link "
    "(the page's address followed by):",
    "ins.expires": "Open until {date}.",
    "ins.closed_at": "Closed on {date}: read-only.",
    "ins.stuck": "Stuck after (minutes without progress)",
    "ins.live": "Live (refreshed every {s} s)",
    "ins.joined": "Joined",
    "ins.solved_all": "Solved everything",
    "ins.stuck_n": "Stuck",
    "ins.stuck_names": "Seem stuck: {names}",
    "ins.nobody": "Nobody has joined yet.",
    "ins.per_exercise": "Per exercise",
    "ins.attendees": "Attendees",
    "ins.col.exercise": "Exercise",
    "ins.col.started": "Started",
    "ins.col.solved": "Solved",
    "ins.col.median": "Median time",
    "ins.col.mean": "Mean time",
    "ins.col.quiz_right": "Quiz right",
    "ins.col.name": "Name",
    "ins.col.joined": "Joined",
    "ins.col.last": "Last progress",
    "ins.col.checks": "Checks",
    "ins.col.stuck": "Stuck",
    "ins.yes": "yes",
    "ins.no": "no",
    "ins.wrong": "Common mistakes",
    "ins.wrong_none": "No mistakes recorded yet.",
    "ins.wrong_quiz": "Wrong quiz answer “{answer}”: {n} attendee(s)",
    "ins.wrong_prediction": "Wrong prediction “{answer}”: {n} attendee(s)",
    "ins.wrong_fix": "Failed: {failed} · changed: {changed} · {n} attendee(s)",
    "ins.nothing_changed": "nothing",
    "ins.export": "Download the results (CSV)",
    "ins.close": "Close the room",
    "ins.sure": "Yes, close it: attendees can no longer change anything",
    "ins.closed": "The room is closed. Its data stays, read-only.",
    "ins.seconds": "{s} s",
    "ins.minutes": "{m} min {s} s",
}
