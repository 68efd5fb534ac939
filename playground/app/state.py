"""Every st.session_state key the app uses, named once.

Widget keys are session-state keys too (Streamlit stores a keyed widget's value under its key),
so the keys of widgets that other code reads or sets are here as well. Keys built per item are
functions. The RunConfig field names (`dataset`, `activation`, …) are the sidebar's widget keys
and the URL's parameter names: they are named by `playground.config`, not here.
"""

# ---- shared by several pages --------------------------------------------------------------------
LANG = "lang"  # the language control ("en" | "ko"), bound to the URL
URL_CHECKED = "url_checked"  # the sidebar's URL check: [(key, value, reason)], shown once
URL_SEEN = "url_seen"  # the sidebar read this session's address
SETUP_PAGE = "setup_page"  # the page whose sidebar last ran (a switch puts the setup back)
LOCKED = "locked_controls"  # widget keys the sidebar disables (an exercise's link locks them)
BUDGET_CONFIRMED = "budget_confirmed"  # run keys whose cost the user accepted
BUDGET_CONFIRM = "budget_confirm"  # the "train it anyway" button

# ---- playground page ----------------------------------------------------------------------------
BOUNDARY_EPOCH = "boundary_epoch"  # the decision boundary's epoch slider
DISCRETIZE = "discretize"  # the boundary as classes instead of probabilities
LOG_SCALE = "log_scale"  # loss curves on a log axis
VIEW = "view"  # which view of the run (boundary, network, export, …)
NET_PICTURE = "net_picture"  # the network picture (its unit selection)
NET_UNIT = "net_unit"  # the network view's unit picker ("column:unit", e.g. "1:0")
NET_CLICKED = "net_clicked"  # the unit last clicked in the picture (the picker follows a new one)
STEPPER = "stepper"  # the step-by-step view's prepared trainer
STEP_ONE, STEP_TEN, STEP_RESET = "step_one", "step_ten", "step_reset"
LIVE = "live"  # the live run (app/live.py): its trainer, playing or paused, mid-run changes
LIVE_NOTE = "live_note"  # why the live run restarted (a reset knob changed), shown once
LIVE_PLAY, LIVE_BATCH, LIVE_EPOCH = "live_play", "live_batch", "live_epoch"  # media buttons
LIVE_RESET, LIVE_TRAINED = "live_reset", "live_trained"
LIVE_PAUSE = "live_pause"  # its own key: a late repeat of a click on ⏸ can never mean ▶
LIVE_BEYOND = "live_beyond"  # keep training past the epoch budget
SETUP_FILE = "setup_file"  # the setup (JSON) uploader
SETUP_MESSAGE = "setup_message"  # ("ok" | "error", text) after a setup file was read
CODE_LIB = "code_lib"  # the exported script's framework
UPLOAD = "upload"  # the parsed uploaded CSV
UPLOAD_FILE = "upload_file"  # the CSV uploader
UPLOAD_ID = "upload_id"  # the file id the parsed CSV came from
USE_UPLOAD = "use_upload"  # train on the uploaded CSV
DRAWING = "drawing"  # the drawn data set (app/draw.py): its points and whether Draw mode is on
DRAWN = "drawn"  # the drawing as an Upload while Draw mode is on (upload.active() returns it)
DRAW_TOGGLE, DRAW_MODE = "draw_toggle", "draw_mode"  # Draw mode on/off; click: class 0, 1, erase
DRAW_CLEAR, DRAW_COPY = "draw_clear", "draw_copy"  # "Clear all", "Start from the data set"
DRAW_X, DRAW_Y, DRAW_APPLY = "draw_x", "draw_y", "draw_apply"  # a point typed in, and its button
DRAW_CLICKS = "draw_clicks"  # clicks taken so far: the plane's key (a new chart, no selection)
DRAW_MESSAGE = "draw_message"  # (level, text) to show once: a bad link, what a copy changed
DRAW_URL_SEEN = "draw_url_seen"  # the address's points= was read in this session


def draw_plane(clicks: int) -> str:
    """The drawing plane after `clicks` clicks (a new key clears the chart's selection)."""
    return f"draw_plane_{clicks}"


# ---- pins and the compare page ------------------------------------------------------------------
PINS = "pins"  # [{"name": str, "config": RunConfig}]
PIN_MESSAGE = "pin_message"  # shown once after pinning or renaming
PIN_BUTTON = "pin_btn"
CMP_RUNS = "cmp_runs"  # the runs picked for comparison (pin names, CURRENT)
CMP_LOG = "cmp_log"  # compare's loss curves on a log axis


def pin_name(i: int) -> str:
    """The text input that renames pin i."""
    return f"pin_name_{i}"


def pin_up(i: int) -> str:
    return f"up_{i}"


def pin_down(i: int) -> str:
    return f"dn_{i}"


def pin_delete(i: int) -> str:
    return f"del_{i}"


# ---- sweep page ---------------------------------------------------------------------------------
SWEEP = "sweep"  # the last sweep: its grid, results so far, chunk position
SW_KNOB1, SW_KNOB2, SW_SEEDS = "sw_knob1", "sw_knob2", "sw_seeds"
SW_METRIC = "sw_metric"
SW_CONFIRM, SW_RUN, SW_STOP = "sw_confirm", "sw_run", "sw_stop"


def sweep_values(knob: str) -> str:
    """The multiselect of values for one swept knob."""
    return f"sw_values_{knob}"


# ---- exercises page -----------------------------------------------------------------------------
EX_PROGRESS = "ex_progress"  # {exercise id: {"step", "hints", "quiz", "prediction", …}}
EX_CURRENT = "ex_current"  # the selectbox's key (widget state is per page in Streamlit) …
EX_SELECTED = "ex_selected"  # … so the choice itself is kept here
EX_RESTORED = "_ex_url_restored"  # the address's progress was read in this session
EX_LINK = "_ex_link"  # (exercise id, lock mode) of the link last applied
EX_UNLOCK, EX_LOAD, EX_CHECK = "ex_unlock", "ex_load", "ex_check"
EX_LOAD_REACHED = "ex_load_reached"  # loads the setup that passed the step before


def ex_quiz(exercise_id: str) -> str:
    return f"ex_quiz_{exercise_id}"


def ex_predict(exercise_id: str) -> str:
    return f"ex_predict_{exercise_id}"


def ex_hint(exercise_id: str) -> str:
    return f"ex_hint_{exercise_id}"


def ex_reset(exercise_id: str) -> str:
    return f"ex_reset_{exercise_id}"


# ---- workshop rooms (playground/app/room.py, pages/instructor.py) ------------------------------
ROOM_SEAT = "room_seat"  # the attendee's Seat (its token proves who they are; never in a log)
ROOM_LOADED = "_room_loaded"  # the token whose stored progress this session has restored
ROOM_APPLIED = "_room_applied"  # (token, exercise id) whose room locks were last applied
ROOM_TRIED = "_room_tried"  # the address (room, name, seat) this session last tried to join
ROOM_MESSAGE = "room_message"  # a room error to show once (from a callback)
ROOM_CODE, ROOM_NAME, ROOM_JOIN, ROOM_LEAVE = "room_code", "room_name", "room_join", "room_leave"
INS_KEY = "ins_key"  # the instructor key's password field (emptied once checked)
INS_OK = "ins_ok"  # this session typed the right instructor key
INS_ROOM = "ins_room"  # the room the dashboard shows (its code)
INS_TITLE, INS_EXERCISES, INS_LOCKS, INS_AUTO = "ins_title", "ins_ex", "ins_locks", "ins_auto"
INS_DAYS, INS_BY_NAME, INS_CREATE = "ins_days", "ins_by_name", "ins_create"
INS_LOCK_VALUES = "ins_lock_values"  # "epochs=50&learning_rate=0.3": lock at these values
INS_STUCK, INS_CLOSE, INS_SURE, INS_LOGOUT = "ins_stuck", "ins_close", "ins_sure", "ins_logout"


# ---- learn page ---------------------------------------------------------------------------------
LEARN_SECTION = "learn_section"  # which section (①–⑦, backprop, gradients) is shown
LEARN_DATA, LEARN_SCALER = "learn_1_data", "learn_1_scaler"  # ①: standardization picture
LEARN_NORM_DATA, LEARN_NORM = "learn_1_ndata", "learn_1_norm"  # ①: Normalizer picture
LEARN_DISTANCE, LEARN_SIGMA = "learn_2_d", "learn_2_s"  # ②: p and q
LEARN_LOSS = "learn_2_loss"  # ②: the cost function explained
LEARN_ACTIVATION = "learn_3_act"
LEARN_INIT, LEARN_FAN_IN, LEARN_FAN_OUT = "learn_4_init", "learn_4_in", "learn_4_out"
LEARN_OPTIMIZER, LEARN_LR = "learn_5_opt", "learn_5_lr"
LEARN_WIDTH_DATA, LEARN_DEPTH_DATA = "learn_6_data", "learn_7_data"
LEARN_G_ACT, LEARN_G_SCALE = "learn_g_act", "learn_g_scale"  # gradients picture
LEARN_G_DEPTH, LEARN_G_WIDTH = "learn_g_depth", "learn_g_width"


def learn_try(section: str, preset_id: str) -> str:
    """A section's "Try it" button of one preset."""
    return f"try_{section}_{preset_id}"


# ---- optimizer lab ------------------------------------------------------------------------------
LAB_SURFACE, LAB_OPTIMIZERS = "lab_surface", "lab_optimizers"
LAB_GRADIENT, LAB_SEED = "lab_gradient", "lab_seed"


def lab_setting(setting: str, surface: str) -> str:
    """A lab control kept per surface (lr, steps, x, y, noise): each surface has its defaults."""
    return f"lab_{setting}_{surface}"


# ---- back-propagation page ----------------------------------------------------------------------
BP_STEP = "bp_step"  # 0, 1, 2, 3 = iteration 1's four steps, 4 = iteration 2's first …
BP_ACTIVATION, BP_HIDDEN, BP_LOSS = "bp_activation", "bp_hidden", "bp_loss"
BP_LR, BP_SEED, BP_SAMPLES, BP_SHOWN = "bp_lr", "bp_seed", "bp_samples", "bp_shown"
BP_BACK, BP_NEXT, BP_RESET = "bp_back", "bp_next", "bp_reset"
