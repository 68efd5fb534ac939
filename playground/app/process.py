"""Once per server process, not per rerun: one BLAS thread, and a frozen heap for the collector.

- `threadpool_limits(1)`: concurrent sessions on 2 shared cores would otherwise thrash BLAS. It
  scans the loaded libraries (a few ms), so it runs once, after numpy is imported.
- `gc.freeze()`: the ~230,000 objects of the imported modules move to a permanent generation, so
  Python's own full collections (Streamlit's forced one after every run is off:
  `.streamlit/config.toml` `runner.postScriptGC`) no longer walk them: 0.1-0.3 s → ~0 s.
"""

from __future__ import annotations

import gc

import streamlit as st
from threadpoolctl import threadpool_limits


@st.cache_resource(show_spinner=False)
def setup() -> bool:
    """Call at the top of every run; does its work on the first call of the process."""
    threadpool_limits(1)
    gc.collect()
    gc.freeze()
    return True
