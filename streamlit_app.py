"""Tuning Playground — the router: thread limits, language, navigation.

Streamlit runs this file as the module `__main__`, so the training worker processes that the
server spawns (multiprocessing "spawn") run it again as `__mp_main__` when they start. There it
must do nothing: no page imports (memory), and above all no `process.setup()` or
`warmup.start()`, which would give every worker a pool and a warm-up of its own.
"""

if __name__ != "__mp_main__":
    import streamlit as st

    from playground.app import i18n, layout, navigation, process, room, state, warmup
    from playground.app.pages import (
        backprop,
        compare,
        exercises,
        instructor,
        learn,
        optimizer_lab,
        playground,
        sweep,
    )
    from playground.app.sidebar import check_url

    process.setup()  # once per server process: one BLAS thread, the imported heap frozen for gc
    warmup.start()  # once per server process: train what a room will ask for while idle

    st.set_page_config(page_title="Tuning Playground", page_icon=":material/tune:", layout="wide")
    layout.style()  # phone layout: Korean line breaks, wrapping formulas
    check_url()
    room.from_address()  # a workshop room's seat, from ?room=&name= (or ?seat=) on any page
    room.keep_address()
    st.sidebar.segmented_control(
        "Language · 언어",
        i18n.LANGS,
        default=i18n.locale_lang(),
        required=True,
        key=state.LANG,
        bind="query-params",
    )
    renders = {
        navigation.PLAYGROUND: playground.render,
        navigation.LEARN: learn.render,
        navigation.EXERCISES: exercises.render,
        navigation.COMPARE: compare.render,
        navigation.SWEEP: sweep.render,
        navigation.OPTIMIZER_LAB: optimizer_lab.render,
        navigation.BACKPROP: backprop.render,
        navigation.INSTRUCTOR: instructor.render,
    }
    st.navigation(navigation.pages(renders), position="top").run()
