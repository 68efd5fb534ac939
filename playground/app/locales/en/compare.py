"""English messages of the compare page."""

MESSAGES = {
    "cmp.nav": "Compare",
    "cmp.title": "What if? Compare setups",
    "cmp.intro": "Pin a setup as A, change one knob in the sidebar, and see what that one change "
    "does. Runs with the same seed share the data split and, when the architecture is the same, "
    "the initial weights: the only difference is the knob you changed.",
    "cmp.pin": "Pin the current setup",
    "cmp.pinned": "Pinned as “{name}”.",
    "cmp.full": "At most {n} pins: delete one first.",
    "cmp.none": "Nothing pinned yet. Pin the current setup, then change a knob.",
    "cmp.manage": "Pinned setups ({n})",
    "cmp.name": "Name",
    "cmp.up": "Move up",
    "cmp.down": "Move down",
    "cmp.delete": "Delete",
    "cmp.current": "current setup",
    "cmp.choose": "Runs to compare",
    "cmp.changed": "Settings that differ",
    "cmp.same": "The setups are identical.",
    "cmp.same_init": "Same initial weights: yes",
    "cmp.diff_init": "Same initial weights: no (the initializer, its scale, the seed or the "
    "architecture differs)",
    "cmp.metrics": "Final metrics",
    "cmp.curves": "Learning curves",
    "cmp.boundaries": "Decision boundaries",
    "cmp.disagree": "Where A and B disagree (red)",
    "cmp.disagree_share": "They predict different classes on {share} of the plane.",
    "cmp.no_disagree": "Different data (another seed or data set): the planes do not line up.",
    "cmp.gradients": "Gradient flow",
    "cmp.download_json": "Download comparison (JSON)",
    "cmp.download_csv": "Download histories (CSV)",
    "cmp.log": "Log scale",
}
