"""Property-based fuzzing of setup files (Hypothesis): JSON of any shape and depth, loaded through
the page's own loader (views._load_setup, the uploader's on_change) into a fresh session, then the
sidebar drawn from it. No exception element; no Markdown link, image or HTML from the file; and a
file that is accepted is shown exactly (nothing changed silently), else refused with a message.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.app.test_fuzz_url import check_page


def _script():
    import streamlit as st

    from playground.app import sidebar, views
    from playground.config import RunConfig

    class Upload:  # what st.file_uploader hands the on_change callback
        name = st.session_state["fuzz_name"]

        def getvalue(self):
            return st.session_state["fuzz_raw"]

    if "loaded" not in st.session_state:
        st.session_state["loaded"] = True
        st.session_state["setup_file"] = Upload()
        views._load_setup()
    config = sidebar.render()
    kind, text = st.session_state["setup_message"]
    (st.success if kind == "ok" else st.error)(text)
    st.session_state["shown"] = config.to_json() if isinstance(config, RunConfig) else None


def load(raw: bytes, name: str = "setup.json") -> AppTest:
    at = AppTest.from_function(_script, default_timeout=30)
    at.session_state["fuzz_raw"] = raw
    at.session_state["fuzz_name"] = name
    return at.run()


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = ["hidden", "epochs", "learning_rate", "activation", "n_samples", "noise", "seed", "eps"]
FIELDS += ["features", "l1"]
setups = st.one_of(
    json_values.map(lambda v: json.dumps(v)),
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=4).map(json.dumps),
)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=setups)
@example(text='{"hidden": [64, 64, 64]}')
@example(text='{"n_samples": 20000}')
@example(text='{"noise": 2.0}')
@example(text='{"test_fraction": 0.9}')
@example(text='{"test_fraction": 0.05}')
@example(text='{"epochs": 5000}')
@example(text='{"hidden": [8.5]}')
@example(text='{"hidden": [8, 4, 2], "features": ["x1sq", "x2sq"], "l1": 0.001}')
@example(text='{"features": []}')
@example(text='{"features": ["x1", "[x](https://evil.example)"]}')
@example(text='{"features": "x1,x2"}')
@example(text='{"l1": 0.5}')
@example(text="[" * 6000 + "]" * 6000)
@example(text='{"a": ' * 6000 + "1" + "}" * 6000)
@example(text='{"activation": "[click me](https://evil.example/phish)"}')
@example(text='{"![x](https://evil.example/x.png)": 1}')
def test_any_setup_file_is_safe(text):
    at = load(text.encode())
    check_page(at, text)
    ok = [s.value for s in at.success]
    if ok:  # accepted: the sidebar shows exactly the file's settings
        from playground.config import RunConfig

        loaded = RunConfig.from_json(text)
        assert json.loads(at.session_state["shown"]) == json.loads(loaded.to_json())
    else:
        assert len(at.error) == 1


def test_a_hostile_file_name_is_shown_as_text():
    at = load(b'{"epochs": 20}', name="[x](https://evil.example).json")
    check_page(at, "[x](https://evil.example)")
    assert at.success and "evil" in at.success[0].value
