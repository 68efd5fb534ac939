"""A browser tab without the browser: Streamlit 1.67's own websocket protocol.

`Tab` does on `/_stcore/stream` what the frontend does, as read from Streamlit's source and
checked against frames Chromium sent to this app (Playwright, 1.67):

- connect like `WebsocketConnection`: GET /_stcore/health (which sets the `_streamlit_xsrf`
  cookie) and /_stcore/host-config, then the websocket with the subprotocols
  ["streamlit", <xsrf cookie>], the Origin header and the cookie; permessage-deflate is offered
  as browsers do (the server takes it only if `server.enableWebsocketCompression` is on);
- first BackMsg `rerun_script`: empty widget states, the URL's query string and the browser's
  ContextInfo (timezone, locale, url, is_embedded, color scheme);
- ForwardMsgs until `script_finished`: `new_session` gives the page_script_hash and the cache's
  max message age, deltas give the widgets (element protos carry the widget `id`, which ends
  with the user key, and the options as displayed), `page_info_changed` the new query string;
- a knob change: the new value in the frontend's encoding for 1.67 (selectbox `string_value` =
  the displayed label; select_slider and segmented_control `string_array_value` of labels;
  slider `double_array_value`; number_input `int_value`/`double_value`; checkbox
  `bool_value`), then `rerun_script` with ALL widget states of the last run in render order
  (widgets without a value as a bare id, buttons left out, widgets the last run did not draw
  dropped), the page_script_hash, the query string with the bound widget's param set (or
  removed when it equals the widget's default, as the frontend does) and the cached hashes;
- the ForwardMsg cache as the frontend's `ForwardMsgCache`: messages marked cacheable are kept,
  their hashes go with every rerun, the server answers with `ref_hash` stand-ins, entries
  unused for more than `max_cached_message_age` finished runs are dropped; a reference to a
  message we do not hold is an error (the frontend's fatal "Cached ForwardMsg MISS");
- `auto_rerun` (a `st.fragment(run_every=...)`): the fragment's rerun is sent every interval,
  as the frontend's timer does, until `stop_auto_rerun` or a new full run.

Received bytes are websocket payloads (what Playwright's `framereceived` counts in page.py),
from one knob change to the next one (so late frames count for the rerun they belong to).
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = ForwardMsg.ScriptFinishedStatus
FULL_RUN_DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR}
STATEFUL = {
    "selectbox", "radio", "slider", "button_group", "multiselect", "number_input", "checkbox",
    "text_input", "text_area", "color_picker", "file_uploader",
}  # fmt: skip
TEXT_FIELDS = ("body", "label", "value", "delta", "spec")


class UnknownWidget(KeyError):
    """No widget with this user key in the page's last run."""


@dataclass
class Rerun:
    """One script run as a tab saw it."""

    seconds: float = 0.0  # rerun_script sent → script_finished received
    first: float = 0.0  # rerun_script sent → the run's first message received
    received: int = 0  # websocket payload bytes from this change to the next one
    messages: int = 0
    cache_hits: int = 0  # `ref_hash` stand-ins resolved from the tab's cache
    status: str = ""
    elements: list = field(default_factory=list)  # this run's element protos (refs resolved)
    exceptions: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, str]:
        """The page's st.metric values by label."""
        return {e.metric.label: e.metric.body for e in self.elements if e.HasField("metric")}

    def texts(self) -> list[str]:
        """The texts the page shows (markdown, labels, metric values, Vega-Lite specs)."""
        out = []
        for el in self.elements:
            kind = el.WhichOneof("type")
            inner = getattr(el, kind) if kind else None
            for name in TEXT_FIELDS:
                if inner is not None and name in inner.DESCRIPTOR.fields_by_name:
                    value = getattr(inner, name)
                    if isinstance(value, str) and value:
                        out.append(value)
        return out


@dataclass
class Widget:
    id: str
    kind: str
    element: object  # the widget's proto (Selectbox, Slider, ...) from the last run

    @property
    def key(self) -> str | None:
        user_key = self.id.split("-", 2)[-1]
        return None if user_key == "None" else user_key


def _start_value(w: Widget):
    """(WidgetState field, value) the frontend registers when the widget first renders (or the
    server sets its value): the value carried by the proto, else the default."""
    e, kind = w.element, w.kind
    if kind in ("selectbox", "radio"):
        if e.HasField("raw_value"):
            return "string_value", e.raw_value
        return "string_value", e.options[e.default] if e.HasField("default") else None
    if kind == "slider":
        if e.type == Slider.SELECT_SLIDER:
            if e.set_value and e.raw_value:
                return "string_array_value", list(e.raw_value)
            picks = e.value if e.set_value else e.default
            return "string_array_value", [e.options[int(i)] for i in picks]
        return "double_array_value", list(e.value if e.set_value else e.default)
    if kind in ("button_group", "multiselect"):
        if e.set_value or e.raw_values:
            return "string_array_value", list(e.raw_values)
        labels = [o.content if kind == "button_group" else o for o in e.options]
        return "string_array_value", [labels[i] for i in e.default]
    if kind == "number_input":
        name = "int_value" if e.data_type == NumberInput.INT else "double_value"
        for source in ("value", "default") if e.set_value else ("default",):
            if e.HasField(source):
                v = getattr(e, source)
                return name, int(v) if name == "int_value" else v
        return name, None
    if kind == "checkbox":
        return "bool_value", e.value if e.set_value else e.default
    if kind in ("text_input", "text_area"):
        for source in ("value", "default") if e.set_value else ("default",):
            if e.HasField(source):
                return "string_value", getattr(e, source)
        return "string_value", None
    if kind == "color_picker":
        return "string_value", e.value if e.set_value else e.default
    return "file_uploader_state_value", None  # no files: an empty FileUploaderState


def _user_value(w: Widget, value):
    """(field, value) for a user's pick, as the frontend encodes it; ValueError if the widget
    cannot take it."""
    e, kind = w.element, w.kind

    def label(options):
        labels = list(options)
        if str(value) in labels:
            return str(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            for option in labels:
                try:
                    if float(option) == float(value):
                        return option
                except ValueError:
                    continue
        raise ValueError(f"{w.key}: {value!r} is not one of {labels}")

    if kind in ("selectbox", "radio"):
        return "string_value", label(e.options)
    if kind == "slider" and e.type == Slider.SELECT_SLIDER:
        return "string_array_value", [label(e.options)]
    if kind == "slider":
        if not e.min <= float(value) <= e.max:
            raise ValueError(f"{w.key}: {value!r} outside [{e.min:g}, {e.max:g}]")
        return "double_array_value", [float(value)]
    if kind == "button_group":
        return "string_array_value", [label(o.content for o in e.options)]
    if kind == "number_input":
        return _start_value(w)[0], value
    if kind == "checkbox":
        return "bool_value", bool(value)
    raise ValueError(f"{w.key}: setting a {kind} is not implemented")


def _url_value(value) -> list[str]:
    """A widget value as the frontend writes it into a bound query param."""
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if isinstance(v, bool):
            out.append(str(v).lower())
        elif isinstance(v, float) and v.is_integer():
            out.append(str(int(v)))
        else:
            out.append(str(v))
    return out


class ForwardMsgCache:
    """The frontend's ForwardMsgCache: hash → (encoded message, run count when last used)."""

    def __init__(self) -> None:
        self.messages: dict[str, list] = {}
        self.runs = 0

    def process(self, msg: ForwardMsg, payload: bytes) -> tuple[ForwardMsg, bool]:
        if msg.WhichOneof("type") == "ref_hash":
            entry = self.messages.get(msg.ref_hash)
            if entry is None:
                raise RuntimeError(f"Cached ForwardMsg MISS [hash={msg.ref_hash}]")
            entry[1] = self.runs
            cached = ForwardMsg.FromString(entry[0])
            cached.metadata.CopyFrom(msg.metadata)
            return cached, True
        if msg.metadata.cacheable and msg.hash:
            if msg.hash in self.messages:
                self.messages[msg.hash][1] = self.runs
            else:
                self.messages[msg.hash] = [payload, self.runs]
        return msg, False

    def finished_run(self, max_age: int) -> None:
        self.runs += 1
        for h in [h for h, (_, used) in self.messages.items() if self.runs - used > max_age]:
            del self.messages[h]


class Tab:
    """One browser tab on the app at `base` (http://host:port) with URL query `query`."""

    def __init__(self, base: str, query: str = "", locale: str = "en-US", timeout: float = 180):
        self.base, self.timeout, self.locale = base.rstrip("/"), timeout, locale
        self.query: list[tuple[str, str]] = parse_qsl(query, keep_blank_values=True)
        self.url = f"{self.base}/" + (f"?{query}" if query else "")
        self.widgets: dict[str, Widget] = {}  # id → widget, in render order
        self.states: dict[str, tuple[str, object]] = {}  # id → (field, value)
        self.buttons: dict[str | None, str] = {}  # user key → id, buttons of the last run
        self.cache = ForwardMsgCache()
        self.page_script_hash = ""
        self.max_age = 2
        self.session_id = ""
        self.last: Rerun | None = None
        self._run: Rerun = Rerun()
        self._drawn: list[str] = []  # widget ids of the run in progress
        self._done: asyncio.Future | None = None
        self._sent = 0.0
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._auto: dict[str, asyncio.Task] = {}

    def _get(self, path: str, cookie: str = "") -> tuple[bytes, str]:
        req = urllib.request.Request(self.base + path, headers={"Cookie": cookie} if cookie else {})
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.read(), r.headers.get("Set-Cookie", "")

    async def open(self) -> Rerun:
        """Load the page: the pings, the websocket, the first run."""
        _, set_cookie = await asyncio.to_thread(self._get, "/_stcore/health")
        jar = SimpleCookie(set_cookie)
        xsrf = jar["_streamlit_xsrf"].value if "_streamlit_xsrf" in jar else ""
        cookie = f"_streamlit_xsrf={xsrf}" if xsrf else ""
        await asyncio.to_thread(self._get, "/_stcore/host-config", cookie)
        uri = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self._ws = await websockets.connect(
            uri,
            subprotocols=["streamlit", xsrf or "PLACEHOLDER_AUTH_TOKEN"],
            origin=self.base,
            additional_headers={"Cookie": cookie} if cookie else None,
            max_size=None,
            open_timeout=30,
            ping_interval=None,  # browsers send no pings (they answer the server's)
        )
        self._reader = asyncio.create_task(self._read())
        return await self._rerun(first=True)

    async def set(self, key: str, value) -> Rerun:
        """Change the widget with user key `key` to `value` (as the user picks it: the label
        shown, or the number); returns the rerun it caused once the script finished."""
        widget = self._widget(key)
        kind, new = _user_value(widget, value)
        self.states[widget.id] = (kind, new)
        param = getattr(widget.element, "query_param_key", "")
        if param:
            default = dict([_start_value(Widget(widget.id, widget.kind, _defaults(widget)))])
            self.query = [(k, v) for k, v in self.query if k != param]
            if _url_value(new) != _url_value(default[kind]):
                self.query += [(param, v) for v in _url_value(new)]
        return await self._rerun()

    def holds(self, key: str, value) -> bool:
        """Whether the widget with user key `key` already shows `value` (a user picking it
        again would not cause a rerun)."""
        widget = self._widget(key)
        return _user_value(widget, value)[1] == self.states[widget.id][1]

    async def click(self, key: str) -> Rerun:
        """Press the button with user key `key`: one rerun with its trigger set."""
        button = self.buttons.get(key)
        if button is None:
            raise UnknownWidget(f"no button with key {key!r} on the page")
        state = WidgetState(id=button, trigger_value=True)
        return await self._rerun(extra=state)

    def value(self, key: str):
        """The value this tab holds for the widget with user key `key`."""
        return self.states[self._widget(key).id][1]

    def _widget(self, key: str) -> Widget:
        widget = next((w for w in self.widgets.values() if w.key == key), None)
        if widget is None:
            known = sorted(w.key for w in self.widgets.values() if w.key)
            raise UnknownWidget(f"no widget with key {key!r} on the page (keys: {known})")
        return widget

    async def close(self) -> None:
        for task in self._auto.values():
            task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    def _client_state(self, fragment_id: str = "") -> ClientState:
        cs = ClientState(query_string=urlencode(self.query), fragment_id=fragment_id)
        cs.page_script_hash = self.page_script_hash
        cs.context_info.timezone = "UTC"
        cs.context_info.timezone_offset = 0
        cs.context_info.locale = self.locale
        cs.context_info.url = self.url
        cs.context_info.is_embedded = False
        cs.context_info.color_scheme = "light"
        for wid in self.widgets:
            kind, value = self.states[wid]
            state = WidgetState(id=wid)
            if kind == "file_uploader_state_value":
                state.file_uploader_state_value.SetInParent()
            elif kind.endswith("_array_value") and value is not None:
                getattr(state, kind).data.extend(value)
            elif value is not None:
                setattr(state, kind, value)
            cs.widget_states.widgets.append(state)
        cs.cached_message_hashes.extend(self.cache.messages)
        return cs

    async def _rerun(self, first: bool = False, extra: WidgetState | None = None) -> Rerun:
        msg = BackMsg()
        if first:  # as the frontend's first message: no widgets, hashes or page yet
            cs = ClientState(query_string=urlencode(self.query))
            cs.context_info.CopyFrom(self._client_state().context_info)
            cs.widget_states.SetInParent()
            msg.rerun_script.CopyFrom(cs)
        else:
            msg.rerun_script.CopyFrom(self._client_state())
        if extra is not None:  # a button's trigger, after the widgets (as the frontend's map)
            msg.rerun_script.widget_states.widgets.append(extra)
        self._run = Rerun()
        self._done = asyncio.get_running_loop().create_future()
        self._sent = start = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        run = await asyncio.wait_for(self._done, self.timeout)
        run.seconds = time.perf_counter() - start
        self.last = run
        return run

    async def _read(self) -> None:
        try:
            async for payload in self._ws:
                self._handle(payload)
        except Exception as e:  # noqa: BLE001 - closed or broken: whoever waits gets it
            if self._done is not None and not self._done.done():
                self._done.set_exception(e)
            return
        if self._done is not None and not self._done.done():
            self._done.set_exception(ConnectionError("the server closed the websocket"))

    def _handle(self, payload: bytes) -> None:
        run = self._run
        if not run.messages:
            run.first = time.perf_counter() - self._sent
        run.received += len(payload)
        run.messages += 1
        try:
            msg, hit = self.cache.process(ForwardMsg.FromString(payload), payload)
        except RuntimeError as e:
            if self._done is not None and not self._done.done():
                self._done.set_exception(e)
            return
        run.cache_hits += hit
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.page_script_hash = msg.new_session.page_script_hash
            self.max_age = msg.new_session.config.max_cached_message_age or self.max_age
            self.session_id = msg.new_session.initialize.session_id or self.session_id
            if not msg.metadata.run.fragment_ids:  # a full run: a new page
                self._drawn, run.elements, self.buttons = [], [], {}
                for task in self._auto.values():
                    task.cancel()
                self._auto.clear()
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element, run)
        elif kind == "page_info_changed":
            self.query = parse_qsl(msg.page_info_changed.query_string, keep_blank_values=True)
        elif kind == "auto_rerun" and msg.auto_rerun.fragment_id not in self._auto:
            fid, every = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            self._auto[fid] = asyncio.create_task(self._auto_rerun(fid, every))
        elif kind == "stop_auto_rerun":
            task = self._auto.pop(msg.stop_auto_rerun.fragment_id, None)
            if task is not None:
                task.cancel()
        elif kind == "script_finished":
            self._finished(msg.script_finished, run)

    def _element(self, el, run: Rerun) -> None:
        run.elements.append(el)
        kind = el.WhichOneof("type")
        if kind == "button" and el.button.id:
            self.buttons[Widget(el.button.id, kind, el.button).key] = el.button.id
        if kind == "exception":
            run.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:300])
        if kind not in STATEFUL:
            return
        w = Widget(getattr(el, kind).id, kind, getattr(el, kind))
        self._drawn.append(w.id)
        self.widgets.pop(w.id, None)
        self.widgets[w.id] = w  # render order, as the frontend's widget state map
        if w.id not in self.states or getattr(w.element, "set_value", False):
            self.states[w.id] = _start_value(w)

    def _finished(self, status, run: Rerun) -> None:
        if status in (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
            self.cache.finished_run(self.max_age)
        if status == FINISHED.FINISHED_SUCCESSFULLY:  # the frontend forgets undrawn widgets
            drawn = set(self._drawn)
            self.widgets = {i: self.widgets[i] for i in self._drawn if i in self.widgets}
            self.states = {i: s for i, s in self.states.items() if i in drawn}
        if status in FULL_RUN_DONE and self._done is not None and not self._done.done():
            run.status = FINISHED.Name(status)
            if status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                run.exceptions.append("the script did not compile")
            self._done.set_result(run)

    async def _auto_rerun(self, fragment_id: str, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            msg = BackMsg()
            msg.rerun_script.CopyFrom(self._client_state(fragment_id))
            msg.rerun_script.is_auto_rerun = True
            try:
                await self._ws.send(msg.SerializeToString())
            except websockets.ConnectionClosed:
                return


def _defaults(w: Widget):
    """A copy of the widget's proto as if the server had set no value (the proto's default)."""
    e = type(w.element)()
    e.CopyFrom(w.element)
    if "set_value" in e.DESCRIPTOR.fields_by_name:
        e.set_value = False
    for name in ("raw_value", "raw_values"):
        if name in e.DESCRIPTOR.fields_by_name:
            e.ClearField(name)
    return e
